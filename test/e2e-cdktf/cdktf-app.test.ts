// End to end: synthesize examples/cdktf-app with its own script, `tofu apply` each stack with the real
// OpenTofu and the local provider against `coffer serve`, read the result back with the SDK (values
// included, through resolve), plan again with no changes, check what the state file holds, destroy.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { findTofu, runTofu, writeCliConfig } from 'terraform-provider-coffer/dev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shouldSkip, synthExample } from './helpers.ts';

const skip = shouldSkip();

const VARIANTS = [
  { flavor: 'cdktf', prefix: 'CDKTF_', team: 'payments-cdktf', workspace: 'ws-cdktf', writeOnly: false },
  { flavor: 'cdktn', prefix: 'CDKTN_', team: 'payments-cdktn', workspace: 'ws-cdktn', writeOnly: true },
] as const;

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
    // Recognisable, unique values: each must reach the server and (write-only) never the state.
    const values = {
      smtp_password: `smtp-${v.flavor}-${crypto.randomUUID()}`,
      db_password: `db-${v.flavor}-${crypto.randomUUID()}`,
      api_token: `tok-${v.flavor}-${crypto.randomUUID()}`,
      openai_api_key: `sk-${v.flavor}-${crypto.randomUUID()}`,
      anthropic_api_key: `sk-ant-${v.flavor}-${crypto.randomUUID()}`,
    };
    let dir: string;
    let env: NodeJS.ProcessEnv;
    const tofu = (args: string[], ok = [0]) => runTofu(findTofu() as string, args, { cwd: dir, env, ok });

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

    it('tofu apply creates everything', async () => {
      const r = await tofu(['apply', '-auto-approve', '-input=false', '-no-color']);
      expect(r.stdout).toMatch(/Apply complete! Resources: 6 added, 0 changed, 0 destroyed\./);
      for (const val of Object.values(values)) expect(r.stdout + r.stderr).not.toContain(val);
    });

    it('the SDK reads back the secrets, overrides and configuration', async () => {
      const org = [];
      for await (const s of coffer.secrets.list({
        scopeType: 'organization',
        scopeId: 'acme',
        namePrefix: v.prefix,
      })) {
        org.push(s);
      }
      expect(org.map((s) => [s.name, s.category, s.version])).toEqual([
        [`${v.prefix}SMTP_PASSWORD`, 'integration', 1],
      ]);
      const team = [];
      for await (const s of coffer.secrets.list({ scopeType: 'team', scopeId: v.team })) team.push(s.name);
      expect(team).toEqual([`${v.prefix}DB_PASSWORD`]);
      const ws = [];
      for await (const s of coffer.secrets.list({ scopeType: 'workspace', scopeId: v.workspace })) ws.push(s);
      expect(ws.map((s) => [s.name, s.expiresAt?.slice(0, 10)])).toEqual([
        [`${v.prefix}API_TOKEN`, '2030-01-01'],
      ]);
      const overrides = [];
      for await (const o of coffer.workspaceSecrets.list(v.workspace))
        overrides.push([o.key, o.version, !!o.expiresAt]);
      expect(overrides.sort()).toEqual([
        ['ANTHROPIC_API_KEY', 1, true],
        ['OPENAI_API_KEY', 1, false],
      ]);
      const manager = await coffer.secretsManager.get();
      expect(manager).toMatchObject({ backend: 'DB', fallback: 'NONE' });
      expect(manager.cache?.ttlSeconds).toBe(300);
      // The values arrived: resolve (audited) answers what the variables held.
      const resolved = await coffer.secrets.resolve({
        workspaceId: v.workspace,
        teamId: v.team,
        names: [
          `${v.prefix}SMTP_PASSWORD`,
          `${v.prefix}DB_PASSWORD`,
          `${v.prefix}API_TOKEN`,
          'OPENAI_API_KEY',
          'ANTHROPIC_API_KEY',
        ],
      });
      expect(resolved.missing).toEqual([]);
      const byName = Object.fromEntries(resolved.items.map((i) => [i.name, i.value.reveal()]));
      expect(byName).toEqual({
        [`${v.prefix}SMTP_PASSWORD`]: values.smtp_password,
        [`${v.prefix}DB_PASSWORD`]: values.db_password,
        [`${v.prefix}API_TOKEN`]: values.api_token,
        OPENAI_API_KEY: values.openai_api_key,
        ANTHROPIC_API_KEY: values.anthropic_api_key,
      });
    });

    it('a second plan has no changes (tofu plan -detailed-exitcode = 0)', async () => {
      const r = await tofu(['plan', '-detailed-exitcode', '-input=false', '-no-color'], [0, 2]);
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toMatch(/No changes\./);
    });

    it(
      v.writeOnly
        ? 'write-only values are not in the state file'
        : 'sensitive values are in the state file (use the cdktn variant to keep them out)',
      () => {
        const state = readFileSync(join(dir, 'terraform.tfstate'), 'utf8');
        expect(JSON.parse(state).resources).toHaveLength(6);
        for (const val of Object.values(values)) {
          if (v.writeOnly) expect(state).not.toContain(val);
          else expect(state).toContain(val);
        }
        if (v.writeOnly) expect(state).toMatch(/"value_wo_version": 1/);
      },
    );

    it('tofu destroy removes everything it created', async () => {
      const r = await tofu(['destroy', '-auto-approve', '-input=false', '-no-color']);
      expect(r.stdout).toMatch(/Destroy complete! Resources: 6 destroyed\./);
      const left = [];
      for await (const s of coffer.secrets.list({ namePrefix: v.prefix })) left.push(s.name);
      expect(left).toEqual([]);
      const overrides = [];
      for await (const o of coffer.workspaceSecrets.list(v.workspace)) overrides.push(o.key);
      expect(overrides).toEqual([]);
    });
  });
});
