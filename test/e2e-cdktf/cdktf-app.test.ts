// End to end: synthesize examples/cdktf-app with its own script, `tofu apply` each stack with the real
// OpenTofu and the local provider against `coffer serve`, read the result back with the SDK (two teams, three
// workspaces, secrets on every layer, overrides), resolve every workspace's names (narrowest layer wins, with
// the value applied), plan again with no changes, check what the state file holds, destroy (scopes last).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { findTofu, runTofu, writeCliConfig } from 'terraform-provider-coffer/dev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shouldSkip, synthExample } from './helpers.ts';

const skip = shouldSkip();

// Each variant's own ids (examples/cdktf-app/layout.ts), restated here: the suite checks the example as a user
// would see it, not against the example's own tables.
const VARIANTS = [
  { flavor: 'cdktf', prefix: 'CDKTF_', writeOnly: false },
  { flavor: 'cdktn', prefix: 'CDKTN_', writeOnly: true },
] as const;

const ORG = 'default'; // the bootstrap key's organization (COFFER_ORGANIZATION_ID unset)
const RESOURCES = 15; // secrets manager, 2 teams, 3 workspaces, 7 scoped secrets, 2 overrides

describe.skipIf(skip)('examples/cdktf-app with OpenTofu against coffer serve', () => {
  let server: RunningServer;
  let coffer: Coffer;
  let work: string;
  let stacks: { cdktf: string; cdktn: string };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'coffer-e2e-cdktf-'));
    [server, stacks] = await Promise.all([startServer(), synthExample(join(work, 'synth'))]);
    coffer = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
  });
  afterAll(async () => {
    await coffer?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe.each(VARIANTS)('$flavor variant', (v) => {
    const p = v.prefix;
    const teams = { payments: `payments-${v.flavor}`, risk: `risk-${v.flavor}` };
    const ws = {
      paymentsApi: `payments-api-${v.flavor}`,
      riskScoring: `risk-scoring-${v.flavor}`,
      sandbox: `sandbox-${v.flavor}`,
    };
    // Recognisable, unique values: each must reach the server and (write-only) never the state.
    const values = {
      smtp_password: `smtp-${v.flavor}-${crypto.randomUUID()}`,
      org_db_password: `db-org-${v.flavor}-${crypto.randomUUID()}`,
      payments_db_password: `db-payments-${v.flavor}-${crypto.randomUUID()}`,
      payments_openai_api_key: `sk-team-${v.flavor}-${crypto.randomUUID()}`,
      risk_feed_token: `feed-${v.flavor}-${crypto.randomUUID()}`,
      api_token: `tok-${v.flavor}-${crypto.randomUUID()}`,
      risk_db_password: `db-risk-${v.flavor}-${crypto.randomUUID()}`,
      openai_api_key: `sk-${v.flavor}-${crypto.randomUUID()}`,
      anthropic_api_key: `sk-ant-${v.flavor}-${crypto.randomUUID()}`,
    };
    let dir: string;
    let env: NodeJS.ProcessEnv;
    const tofu = (args: string[], ok = [0]) => runTofu(findTofu() as string, args, { cwd: dir, env, ok });
    const list = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
      const out: T[] = [];
      for await (const x of it) out.push(x);
      return out;
    };
    const names = async (scopeType: 'organization' | 'team' | 'workspace', scopeId: string) =>
      (
        await list(
          coffer.secrets.list({
            scopeType,
            scopeId,
            ...(scopeType === 'organization' ? { namePrefix: p } : {}),
          }),
        )
      )
        .map((s) => s.name)
        .sort();

    beforeAll(() => {
      dir = join(work, v.flavor);
      mkdirSync(dir);
      copyFileSync(join(stacks[v.flavor], 'cdk.tf.json'), join(dir, 'cdk.tf.json'));
      env = {
        ...process.env,
        TF_CLI_CONFIG_FILE: writeCliConfig(dir),
        COFFER_BASE_URL: server.baseUrl,
        COFFER_API_KEY: server.apiKey,
        ...Object.fromEntries(Object.entries(values).map(([k, val]) => [`TF_VAR_${k}`, val])),
      };
    });

    it('tofu apply creates the teams and workspaces before what they hold', async () => {
      const r = await tofu(['apply', '-auto-approve', '-input=false', '-no-color']);
      expect(r.stdout).toMatch(
        new RegExp(`Apply complete! Resources: ${RESOURCES} added, 0 changed, 0 destroyed\\.`),
      );
      for (const val of Object.values(values)) expect(r.stdout + r.stderr).not.toContain(val);
    });

    it('the SDK reads back the teams, workspaces, secrets on every layer, overrides and configuration', async () => {
      expect(
        (await list(coffer.teams.list()))
          .filter((t) => t.id.endsWith(`-${v.flavor}`))
          .map((t) => [t.id, t.name, t.organizationId])
          .sort(),
      ).toEqual(
        [
          [teams.payments, 'Payments', ORG],
          [teams.risk, 'Risk', ORG],
        ].sort(),
      );
      const workspaces = (await list(coffer.workspaces.list()))
        .filter((w) => w.id.endsWith(`-${v.flavor}`))
        .map((w) => [w.id, w.name, w.teamId, w.organizationId])
        .sort();
      expect(workspaces).toEqual(
        [
          [ws.paymentsApi, 'Payments API', teams.payments, ORG],
          [ws.riskScoring, ws.riskScoring, teams.risk, ORG],
          [ws.sandbox, ws.sandbox, null, ORG],
        ].sort(),
      );
      expect(await names('organization', ORG)).toEqual([`${p}DB_PASSWORD`, `${p}SMTP_PASSWORD`]);
      expect(await names('team', teams.payments)).toEqual([`${p}DB_PASSWORD`, 'OPENAI_API_KEY']);
      expect(await names('team', teams.risk)).toEqual([`${p}RISK_FEED_TOKEN`]);
      expect(await names('workspace', ws.riskScoring)).toEqual([`${p}DB_PASSWORD`]);
      expect(await names('workspace', ws.sandbox)).toEqual([]);
      const token = await list(coffer.secrets.list({ scopeType: 'workspace', scopeId: ws.paymentsApi }));
      expect(token.map((s) => [s.name, s.category, s.version, s.expiresAt?.slice(0, 10)])).toEqual([
        [`${p}API_TOKEN`, 'agent', 1, '2030-01-01'],
      ]);
      const overrides = (await list(coffer.workspaceSecrets.list(ws.paymentsApi)))
        .map((o) => [o.key, o.version, !!o.expiresAt])
        .sort();
      expect(overrides).toEqual([
        ['ANTHROPIC_API_KEY', 1, true],
        ['OPENAI_API_KEY', 1, false],
      ]);
      const manager = await coffer.secretsManager.get();
      expect(manager).toMatchObject({ backend: 'DB', fallback: 'NONE' });
      expect(manager.cache?.ttlSeconds).toBe(300);
    });

    it('each workspace resolves the narrowest layer: override > workspace > its team > organization', async () => {
      const asked = [
        `${p}SMTP_PASSWORD`,
        `${p}DB_PASSWORD`,
        `${p}API_TOKEN`,
        `${p}RISK_FEED_TOKEN`,
        'OPENAI_API_KEY',
        'ANTHROPIC_API_KEY',
      ];
      const resolve = async (workspaceId: string) => {
        const r = await coffer.secrets.resolve({ workspaceId, names: asked });
        return {
          missing: [...r.missing].sort(),
          got: Object.fromEntries(r.items.map((i) => [i.name, [i.source, i.scope.id, i.value.reveal()]])),
        };
      };
      expect(await resolve(ws.paymentsApi)).toEqual({
        missing: [`${p}RISK_FEED_TOKEN`],
        got: {
          [`${p}SMTP_PASSWORD`]: ['organization', ORG, values.smtp_password],
          [`${p}DB_PASSWORD`]: ['team', teams.payments, values.payments_db_password],
          [`${p}API_TOKEN`]: ['workspace', ws.paymentsApi, values.api_token],
          OPENAI_API_KEY: ['override', ws.paymentsApi, values.openai_api_key],
          ANTHROPIC_API_KEY: ['override', ws.paymentsApi, values.anthropic_api_key],
        },
      });
      expect(await resolve(ws.riskScoring)).toEqual({
        missing: [`${p}API_TOKEN`, 'ANTHROPIC_API_KEY', 'OPENAI_API_KEY'].sort(),
        got: {
          [`${p}SMTP_PASSWORD`]: ['organization', ORG, values.smtp_password],
          [`${p}DB_PASSWORD`]: ['workspace', ws.riskScoring, values.risk_db_password],
          [`${p}RISK_FEED_TOKEN`]: ['team', teams.risk, values.risk_feed_token],
        },
      });
      expect(await resolve(ws.sandbox)).toEqual({
        missing: [`${p}API_TOKEN`, `${p}RISK_FEED_TOKEN`, 'ANTHROPIC_API_KEY', 'OPENAI_API_KEY'].sort(),
        got: {
          [`${p}SMTP_PASSWORD`]: ['organization', ORG, values.smtp_password],
          [`${p}DB_PASSWORD`]: ['organization', ORG, values.org_db_password],
        },
      });
    });

    it('a second plan has no changes (tofu plan -detailed-exitcode = 0)', async () => {
      const r = await tofu(['plan', '-detailed-exitcode', '-input=false', '-no-color'], [0, 2]);
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toMatch(/No changes\./);
    });

    it('the outputs name each workspace with its team (null for the sandbox)', async () => {
      const out = JSON.parse((await tofu(['output', '-json', '-no-color'])).stdout) as Record<
        string,
        { value: unknown }
      >;
      expect(out.workspaces?.value).toEqual({
        payments_api: { id: ws.paymentsApi, team_id: teams.payments, organization_id: ORG },
        risk_scoring: { id: ws.riskScoring, team_id: teams.risk, organization_id: ORG },
        sandbox: { id: ws.sandbox, team_id: null, organization_id: ORG },
      });
      expect(out.team_secret_version?.value).toBe(1);
    });

    it(
      v.writeOnly
        ? 'write-only values are not in the state file'
        : 'sensitive values are in the state file (use the cdktn variant to keep them out)',
      () => {
        const state = readFileSync(join(dir, 'terraform.tfstate'), 'utf8');
        expect(JSON.parse(state).resources).toHaveLength(RESOURCES);
        for (const val of Object.values(values)) {
          if (v.writeOnly) expect(state).not.toContain(val);
          else expect(state).toContain(val);
        }
        if (v.writeOnly) expect(state).toMatch(/"value_wo_version": 1/);
      },
    );

    it('tofu destroy removes everything it created, the scopes last', async () => {
      const r = await tofu(['destroy', '-auto-approve', '-input=false', '-no-color']);
      expect(r.stdout).toMatch(new RegExp(`Destroy complete! Resources: ${RESOURCES} destroyed\\.`));
      expect(await list(coffer.secrets.list({ namePrefix: p }))).toEqual([]);
      expect((await list(coffer.teams.list())).filter((t) => t.id.endsWith(`-${v.flavor}`))).toEqual([]);
      expect((await list(coffer.workspaces.list())).filter((w) => w.id.endsWith(`-${v.flavor}`))).toEqual([]);
      await expect(list(coffer.workspaceSecrets.list(ws.paymentsApi))).rejects.toMatchObject({
        status: 404,
      });
    });
  });
});
