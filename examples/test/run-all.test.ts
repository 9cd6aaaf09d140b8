// The examples runner against a real `coffer serve`: the SDK scripts, then the HCL and both CDKTF stacks
// applied with OpenTofu (every workspace resolves each name from the layer layout.ts expects, the plan
// afterwards is empty), then destroyed; and the Vault variant against a Vault dev server (its values in Vault
// at the layout paths), destroyed every run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { expectedResolution, layout } from '../cdktf-app/layout.ts';
import { BULK_TEAM, runAll, STEPS } from '../run-all.ts';
import { startVaultDev, VAULT_BIN, VAULT_SETUP, type VaultDev, vaultAvailable } from '../vault-dev.ts';
import { missing } from './requirements.ts';

const skip = skipUnlessAvailable('examples/run-all.ts against coffer serve', [
  ...missing({ tofu: true, provider: true, server: true }),
  ...(vaultAvailable() ? [] : [`Vault at ${VAULT_BIN} (${VAULT_SETUP})`]),
]);

describe.skipIf(skip)('run-all', () => {
  let server: RunningServer;
  let vault: VaultDev;
  let workdir: string;
  beforeAll(async () => {
    [server, vault] = await Promise.all([startServer(), startVaultDev()]);
    workdir = mkdtempSync(join(tmpdir(), 'coffer-run-all-'));
  });
  afterAll(async () => {
    await vault?.stop();
    await server?.stop();
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  it('runs every example, applies every stack with no changes on the second plan; a second run updates every value in place, then destroys', async () => {
    const lines: string[] = [];
    const run = (destroy: boolean) =>
      runAll({
        baseUrl: server.baseUrl,
        apiKey: server.apiKey,
        destroy,
        requireTofu: true,
        vault: { address: vault.address, token: vault.token },
        workdir,
        log: (l) => lines.push(l),
      });
    const results = await run(false);
    expect(
      results.map((r) => [r.step, r.status]),
      results.map((r) => r.detail).join('\n'),
    ).toEqual(STEPS.map((s) => [s, 'ok']));
    for (const r of results.filter((x) => x.step !== 'sdk')) {
      const l = layout(r.step as 'hcl' | 'cdktf' | 'cdktn' | 'vault');
      expect(r.detail).toContain(
        r.step === 'vault'
          ? '18 names resolved as expected, 7 values in Vault under secret/data/coffer/default/, plan: no changes, destroyed'
          : '18 names resolved as expected, plan: no changes',
      );
      expect(r.outputs?.team_secret_version).toBe(1);
      expect(r.outputs?.openai_override_version).toBe(1);
      expect(r.outputs?.org_secret_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.outputs?.workspaces).toEqual({
        payments_api: { id: l.workspaces.paymentsApi, team_id: l.teams.payments, organization_id: 'default' },
        risk_scoring: { id: l.workspaces.riskScoring, team_id: l.teams.risk, organization_id: 'default' },
        sandbox: { id: l.workspaces.sandbox, team_id: null, organization_id: 'default' },
      });
      // Narrowest wins, as the API answered it (the runner also compared every value with its variable).
      const want = Object.fromEntries(
        Object.entries(expectedResolution(l)).map(([ws, names]) => [
          ws,
          Object.fromEntries(
            Object.entries(names).map(([n, e]) => [n, e ? `${e.source}:${e.scopeId}` : null]),
          ),
        ]),
      );
      expect(r.resolved).toEqual(want);
      expect(r.resolved?.[l.workspaces.paymentsApi]?.OPENAI_API_KEY).toBe(
        `override:${l.workspaces.paymentsApi}`,
      );
      expect(r.resolved?.[l.workspaces.sandbox]?.[l.names.db]).toBe('organization:default');
    }
    // Again on the same state: new values everywhere (write-only ones through a new secret_version), each
    // checked by resolve, so every secret is at version 2; then destroyed.
    const again = await run(true);
    expect(
      again.map((r) => [r.step, r.status]),
      again.map((r) => r.detail).join('\n'),
    ).toEqual(STEPS.map((s) => [s, 'ok']));
    for (const r of again.filter((x) => x.step !== 'sdk')) {
      expect(r.detail).toMatch(
        /18 names resolved as expected, (7 values in Vault .*, )?plan: no changes, destroyed$/,
      );
      // The vault stack starts afresh every run (a dev Vault keeps nothing across restarts).
      const version = r.step === 'vault' ? 1 : 2;
      expect([r.outputs?.team_secret_version, r.outputs?.openai_override_version]).toEqual([
        version,
        version,
      ]);
    }
    // The vault step's destroy deleted its values in Vault (nothing left under the prefix).
    const listed = await fetch(`${vault.address}/v1/secret/metadata/coffer/default?list=true`, {
      headers: { 'x-vault-token': vault.token },
    });
    expect(listed.status).toBe(404);
    // The audit report ran and printed tables; no value is printed anywhere.
    expect(lines.join('\n')).toMatch(/Audit events, last 1 h/);
    const coffer = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey });
    try {
      // Destroyed: only the SDK step's team and its secrets remain.
      const left: string[] = [];
      for await (const s of coffer.secrets.list({ limit: 500 }))
        left.push(`${s.scope.type}/${s.scope.id}/${s.name}`);
      expect(left.filter((n) => !n.startsWith(`team/${BULK_TEAM}/`))).toEqual([]);
      expect(left).toHaveLength(50);
      const teams: string[] = [];
      for await (const t of coffer.teams.list()) teams.push(t.id);
      expect(teams).toEqual([BULK_TEAM]);
      const workspaces: string[] = [];
      for await (const w of coffer.workspaces.list()) workspaces.push(w.id);
      expect(workspaces).toEqual([]);
      // The vault stack's destroy put the secrets manager back on DB.
      expect((await coffer.secretsManager.get()).backend).toBe('DB');
    } finally {
      await coffer.close();
    }
  }, 600_000);
});
