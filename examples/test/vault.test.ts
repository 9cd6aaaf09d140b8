// The examples' Vault variant: where its values must land in Vault (the server's one layout function, as
// server/README.md documents it), the HCL stack switching to VAULT only when var.vault is set, the runner's
// vault step without a Vault (skipped with the reason, failed under CI), and the dev server helper.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { layoutPath as serverLayoutPath } from '../../server/src/backends/layout.ts';
import { expectedResolution, layout, layoutPath, scopedSecrets } from '../cdktf-app/layout.ts';
import { checkVault, recoverVaultLeftovers, runAll } from '../run-all.ts';
import { startVaultDev, VAULT_BIN, VAULT_SETUP, type VaultDev, vaultAvailable } from '../vault-dev.ts';
import { missing } from './requirements.ts';

describe('vault layout', () => {
  it('puts each scoped secret at the documented path: organization, team, workspace under its team', () => {
    const l = layout('vault');
    expect(scopedSecrets(l, 'acme').map((s) => `${s.variable} ${layoutPath(s, 'acme')}`)).toEqual([
      'smtp_password acme/VAULT_SMTP_PASSWORD',
      'org_db_password acme/VAULT_DB_PASSWORD',
      'payments_db_password acme/teams/payments-vault/VAULT_DB_PASSWORD',
      'payments_openai_api_key acme/teams/payments-vault/OPENAI_API_KEY',
      'risk_feed_token acme/teams/risk-vault/VAULT_RISK_FEED_TOKEN',
      'api_token acme/teams/payments-vault/workspaces/payments-api-vault/VAULT_API_TOKEN',
      'risk_db_password acme/teams/risk-vault/workspaces/risk-scoring-vault/VAULT_DB_PASSWORD',
    ]);
    expect(
      layoutPath({
        scopeType: 'workspace',
        scopeId: 'sandbox',
        teamId: null,
        name: 'X',
        variable: 'api_token',
      }),
    ).toBe('default/workspaces/sandbox/X');
  });

  it("agrees with the server's layout function for every variant's secrets", () => {
    for (const variant of ['hcl', 'cdktf', 'cdktn', 'vault'] as const) {
      for (const s of scopedSecrets(layout(variant), 'acme')) {
        expect(layoutPath(s, 'acme')).toBe(
          serverLayoutPath({
            id: 'x',
            scopeType: s.scopeType,
            scopeId: s.scopeId,
            name: s.name,
            organizationId: 'acme',
            teamId: s.teamId,
          }),
        );
      }
    }
  });

  it('every scoped secret that a workspace resolves is one of scopedSecrets (the rest are overrides)', () => {
    const l = layout('vault');
    const scoped = new Set(scopedSecrets(l).map((s) => `${s.scopeId}/${s.name}/${s.variable}`));
    for (const names of Object.values(expectedResolution(l)))
      for (const [name, e] of Object.entries(names))
        if (e && e.source !== 'override') expect(scoped).toContain(`${e.scopeId}/${name}/${e.variable}`);
  });
});

describe('examples/hcl with var.vault', () => {
  const read = (f: string) => readFileSync(join(import.meta.dirname, '..', 'hcl', f), 'utf8');
  it('is DB unless var.vault is set; the token is write-only and its variable sensitive', () => {
    const main = read('main.tf');
    expect(main).toMatch(/backend\s+= var\.vault == null \? "DB" : "VAULT"/);
    expect(main).toMatch(/token_wo\s+= var\.vault_token/);
    expect(main).not.toMatch(/^\s+token\s+=/m);
    expect(read('variables.tf')).toMatch(
      /variable "vault_token" \{[^}]*sensitive\s+= true[^}]*default\s+= null/,
    );
    expect(read('variables.tf')).toMatch(/variable "vault" \{[\s\S]*?default = null\n\}/);
  });
});

describe("run-all's vault step without a Vault", () => {
  // Nothing is contacted: the step decides before it talks to Coffer or OpenTofu.
  const base = { baseUrl: 'http://127.0.0.1:9', apiKey: 'unused', only: ['vault'] as const };
  it('is skipped with the reason on a developer machine', async () => {
    const [r] = await runAll({ ...base, inCi: false });
    expect(r?.status).toBe('skipped');
    expect(r?.detail).toContain('COFFER_EXAMPLES_VAULT_ADDR');
    expect(r?.detail).toContain('50-vault.sh');
  });
  it('fails under CI', async () => {
    const [r] = await runAll({ ...base, inCi: true });
    expect(r?.status).toBe('failed');
    expect(r?.detail).toMatch(/no Vault.*required in CI/);
  });
});

const noVault = skipUnlessAvailable(
  'the examples Vault dev server',
  vaultAvailable() ? [] : [`Vault at ${VAULT_BIN} (${VAULT_SETUP})`],
);

describe.skipIf(noVault)('startVaultDev', () => {
  it('serves KV v2 at secret/ on loopback with its root token only, and is gone after stop', async () => {
    const vault = await startVaultDev();
    const url = `${vault.address}/v1/secret/data/coffer/probe`;
    try {
      expect(vault.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const put = await fetch(url, {
        method: 'POST',
        headers: { 'x-vault-token': vault.token, 'content-type': 'application/json' },
        body: JSON.stringify({ data: { value: 'v' } }),
      });
      expect(put.status).toBe(200);
      expect((await fetch(url, { headers: { 'x-vault-token': 'wrong' } })).status).toBe(403);
    } finally {
      await vault.stop();
    }
    await expect(fetch(url)).rejects.toThrow();
  });
});

const noServer = skipUnlessAvailable('the vault step check against coffer serve and Vault', [
  ...missing({ server: true }),
  ...(vaultAvailable() ? [] : [`Vault at ${VAULT_BIN} (${VAULT_SETUP})`]),
]);

describe.skipIf(noServer)("the vault step's check of Vault (checkVault)", () => {
  let server: RunningServer;
  let vault: VaultDev;
  beforeAll(async () => {
    [server, vault] = await Promise.all([startServer(), startVaultDev()]);
  });
  afterAll(async () => {
    await vault?.stop();
    await server?.stop();
  });

  it('fails for values in the DB or changed in Vault, passes for the values Coffer wrote there', async () => {
    const l = layout('vault');
    const o = { baseUrl: server.baseUrl, apiKey: server.apiKey };
    const coffer = new Coffer(o);
    const values = Object.fromEntries(
      scopedSecrets(l).map((s) => [`TF_VAR_${s.variable}`, randomBytes(12).toString('hex')]),
    );
    const create = async (prefix: string) => {
      for (const s of scopedSecrets(l))
        await coffer.secrets.create({
          name: `${s.name}`,
          scope: { type: s.scopeType, id: s.scopeId },
          value: `${prefix}${values[`TF_VAR_${s.variable}`]}`,
        });
    };
    try {
      for (const team of Object.values(l.teams)) await coffer.teams.create({ id: team });
      await coffer.workspaces.create({ id: l.workspaces.paymentsApi, teamId: l.teams.payments });
      await coffer.workspaces.create({ id: l.workspaces.riskScoring, teamId: l.teams.risk });
      // In the DB: every one of the 7 is reported, naming where it is and where it should be.
      await create('');
      const inDb = await checkVault(o, vault, l, values);
      expect(inDb.checked).toBe(0);
      expect(inDb.problems).toHaveLength(7);
      expect(inDb.problems[2]).toBe(
        'team/payments-vault/VAULT_DB_PASSWORD: stored in DB at -, expected VAULT at secret/data/coffer/default/teams/payments-vault/VAULT_DB_PASSWORD',
      );
      // In Vault, written by Coffer: all 7 pass.
      for await (const m of coffer.secrets.list({ limit: 500 })) await coffer.secrets.delete(m.id);
      await coffer.secretsManager.put({
        backend: 'VAULT',
        vault: { address: vault.address, authMethod: 'TOKEN', token: vault.token },
      });
      await create('');
      expect(await checkVault(o, vault, l, values)).toEqual({ checked: 7, problems: [] });
      // A value changed in Vault behind Coffer's back (the marker kept) is caught, without printing it.
      const path = 'secret/data/coffer/default/teams/risk-vault/VAULT_RISK_FEED_TOKEN';
      const before = (await (
        await fetch(`${vault.address}/v1/${path}`, { headers: { 'x-vault-token': vault.token } })
      ).json()) as { data: { data: Record<string, string> } };
      const put = await fetch(`${vault.address}/v1/${path}`, {
        method: 'POST',
        headers: { 'x-vault-token': vault.token, 'content-type': 'application/json' },
        body: JSON.stringify({ data: { ...before.data.data, value: 'changed-in-vault' } }),
      });
      expect(put.status).toBe(200);
      const changed = await checkVault(o, vault, l, values);
      expect(changed.checked).toBe(6);
      expect(changed.problems).toEqual([
        `team/risk-vault/VAULT_RISK_FEED_TOKEN: Vault holds at ${path} a value that is not the value of risk_feed_token`,
      ]);
      expect(changed.problems.join('\n')).not.toContain(values.TF_VAR_risk_feed_token);
    } finally {
      await coffer.close();
    }
  });

  it('recovers from an interrupted run: its scopes and secrets stored in a Vault that is gone, the secrets manager still on it', async () => {
    const l = layout('vault');
    const o = { baseUrl: server.baseUrl, apiKey: server.apiKey };
    const coffer = new Coffer(o);
    const gone = await startVaultDev();
    try {
      await recoverVaultLeftovers(o, vault); // whatever the test before left
      await coffer.secretsManager.put({
        backend: 'VAULT',
        vault: { address: gone.address, authMethod: 'TOKEN', token: gone.token },
      });
      await coffer.teams.create({ id: l.teams.payments });
      await coffer.workspaces.create({ id: l.workspaces.paymentsApi, teamId: l.teams.payments });
      const value = randomBytes(12).toString('hex');
      for (const [type, id] of [
        ['organization', 'default'],
        ['team', l.teams.payments],
        ['workspace', l.workspaces.paymentsApi],
      ] as const)
        await coffer.secrets.create({ name: l.names.smtp, scope: { type, id }, value });
      await gone.stop();
      // The Vault is gone: a new secret cannot be written, as the other steps would find.
      await expect(
        coffer.secrets.create(
          { name: 'X', scope: { type: 'team', id: l.teams.payments }, value },
          { maxRetries: 0 },
        ),
      ).rejects.toMatchObject({ status: 503 });

      expect(await recoverVaultLeftovers(o, vault)).toEqual([
        `workspace ${l.workspaces.paymentsApi}`,
        `team ${l.teams.payments}`,
        `secret ${l.names.smtp}`,
        'the secrets manager on VAULT (now DB)',
      ]);
      expect((await coffer.secretsManager.get()).backend).toBe('DB');
      const left: string[] = [];
      for await (const m of coffer.secrets.list({ limit: 500 })) left.push(m.name);
      expect(left).toEqual([]);
      for await (const t of coffer.teams.list()) expect(t.id).not.toBe(l.teams.payments);
      // Clean now: nothing to do.
      expect(await recoverVaultLeftovers(o, vault)).toEqual([]);
    } finally {
      await gone.stop();
      await coffer.close();
    }
  });
});
