/**
 * The remote layout follows the tenancy hierarchy, through a real `coffer serve` (in this process, so the
 * store is at hand) on HashiCorp Vault and moto: where each layer's secrets land, that a secret written
 * under the earlier `{scopeType}/{scopeId}/{name}` layout keeps resolving, rotating and deleting at its
 * recorded reference, that a workspace moved to another team keeps its values where they are, and that a
 * Vault policy on one team's prefix lets Coffer write that team's secrets and nothing of another team's.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessServer, startInProcess } from '../support/in-process.ts';
import { type Moto, requireTool, startMoto, startVaultDev, type VaultDev } from '../support/remote-tools.ts';
import { call } from '../support/server.ts';
import { createScopes } from '../support/tenancy.ts';

const VALUES = [
  'org-v',
  'team-v',
  'ws-team-v',
  'ws-org-v',
  'legacy-one',
  'legacy-two',
  'moved-v',
  'moved-v2',
];

describe.skipIf(!requireTool('vault'))('the Vault layout follows organization > team > workspace', () => {
  let dev: VaultDev;
  let srv: InProcessServer;
  const api = (method: string, path: string, body?: unknown) =>
    call(srv.url, method, path, { key: srv.key, body });
  const configure = async (token: string) => {
    const r = await api('PUT', '/v1/secrets-manager', {
      backend: 'VAULT',
      cache: { ttlSeconds: 0 },
      vault: { address: dev.address, token },
    });
    expect(r.status, r.text).toBe(200);
  };
  const create = async (name: string, type: string, id: string, value: string) => {
    const r = await api('POST', '/v1/secrets', { name, scope: { type, id }, value });
    expect(r.status, r.text).toBe(201);
    return r.json as { id: string; storage: { reference: string; remoteVersion: string } };
  };
  const resolve = async (workspaceId: string, names: string[]) => {
    const r = await api('POST', '/v1/secrets:resolve', { workspaceId, names });
    expect(r.status, r.text).toBe(200);
    return Object.fromEntries(
      (r.json.items as { name: string; value: string }[]).map((i) => [i.name, i.value]),
    );
  };

  beforeAll(async () => {
    dev = await startVaultDev('vault');
    srv = await startInProcess();
    await createScopes(srv.url, srv.key, {
      teams: ['payments', 'risk'],
      workspaces: [['checkout', 'payments'], ['scoring', 'risk'], 'sandbox'],
    });
    await configure(dev.rootToken);
  }, 60_000);
  afterAll(async () => {
    await srv?.stop();
    await dev?.stop();
  });

  it('each layer lands under its place in the hierarchy, and resolves through the chain', async () => {
    const org = await create('ORG_KEY', 'organization', 'acme', 'org-v');
    const team = await create('TEAM_KEY', 'team', 'payments', 'team-v');
    const wsTeam = await create('WS_KEY', 'workspace', 'checkout', 'ws-team-v');
    const wsOrg = await create('WS_KEY', 'workspace', 'sandbox', 'ws-org-v');
    expect([org, team, wsTeam, wsOrg].map((s) => s.storage.reference)).toEqual([
      'secret/data/coffer/acme/ORG_KEY',
      'secret/data/coffer/acme/teams/payments/TEAM_KEY',
      'secret/data/coffer/acme/teams/payments/workspaces/checkout/WS_KEY',
      'secret/data/coffer/acme/workspaces/sandbox/WS_KEY',
    ]);
    for (const [s, value] of [
      [org, 'org-v'],
      [team, 'team-v'],
      [wsTeam, 'ws-team-v'],
      [wsOrg, 'ws-org-v'],
    ] as const) {
      const raw = await dev.api('GET', s.storage.reference);
      expect(raw.json.data.data).toEqual({ value, coffer_secret_id: s.id });
    }
    expect(await resolve('checkout', ['ORG_KEY', 'TEAM_KEY', 'WS_KEY'])).toEqual({
      ORG_KEY: 'org-v',
      TEAM_KEY: 'team-v',
      WS_KEY: 'ws-team-v',
    });
    expect(await resolve('sandbox', ['ORG_KEY', 'TEAM_KEY', 'WS_KEY'])).toEqual({
      ORG_KEY: 'org-v',
      WS_KEY: 'ws-org-v',
    });
    // The check counts every secret under the prefix, whichever organization it is in.
    const check = await api('POST', '/v1/secrets-manager:check');
    expect(check.json).toMatchObject({ ok: true, secretCount: 4 });
  });

  it('a secret written under the earlier layout resolves, rotates in place and deletes at its reference', async () => {
    const store = srv.running.store;
    const legacyPath = 'secret/data/coffer/team/risk/LEGACY_KEY';
    const id = '0b9f2a4e-7c1d-4e8a-9f3b-5d6c7e8f9a01';
    const put = await dev.api('POST', legacyPath, { data: { value: 'legacy-one', coffer_secret_id: id } });
    expect(put.status).toBe(200);
    await store.secrets.create({
      id,
      scopeType: 'team',
      scopeId: 'risk',
      name: 'LEGACY_KEY',
      category: 'integration',
      storageBackend: 'VAULT',
      storageReference: legacyPath,
      storageRemoteVersion: String(put.json.data.version),
    });
    expect(await resolve('scoring', ['LEGACY_KEY'])).toEqual({ LEGACY_KEY: 'legacy-one' });
    const check = await api('POST', '/v1/secrets-manager:check');
    expect(check.json).toMatchObject({ ok: true, secretCount: 5 });

    const rotated = await api('PATCH', `/v1/secrets/${id}`, { value: 'legacy-two' });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.json.storage).toMatchObject({ reference: legacyPath, remoteVersion: '2' });
    expect((await dev.api('GET', legacyPath)).json.data.data.value).toBe('legacy-two');
    // Nothing was written at the new layout's path.
    expect((await dev.api('GET', 'secret/metadata/coffer/acme/teams/risk/LEGACY_KEY')).status).toBe(404);
    expect(await resolve('scoring', ['LEGACY_KEY'])).toEqual({ LEGACY_KEY: 'legacy-two' });

    expect((await api('DELETE', `/v1/secrets/${id}`)).status).toBe(204);
    expect((await dev.api('GET', 'secret/metadata/coffer/team/risk/LEGACY_KEY')).status).toBe(404);
    expect((await resolve('scoring', ['LEGACY_KEY'])).LEGACY_KEY).toBeUndefined();
  });

  it('a workspace moved to another team keeps its values where they are; new ones go under the new team', async () => {
    await createScopes(srv.url, srv.key, { workspaces: [['mover', 'payments']] });
    const before = await create('MOVER_KEY', 'workspace', 'mover', 'moved-v');
    expect(before.storage.reference).toBe(
      'secret/data/coffer/acme/teams/payments/workspaces/mover/MOVER_KEY',
    );
    const moved = await api('PATCH', '/v1/workspaces/mover', { teamId: 'risk' });
    expect(moved.status, moved.text).toBe(200);
    expect(await resolve('mover', ['MOVER_KEY'])).toEqual({ MOVER_KEY: 'moved-v' });
    const rotated = await api('PATCH', `/v1/secrets/${before.id}`, { value: 'moved-v2' });
    expect(rotated.json.storage.reference).toBe(before.storage.reference);
    expect((await dev.api('GET', before.storage.reference)).json.data.data.value).toBe('moved-v2');
    const after = await create('AFTER_MOVE', 'workspace', 'mover', 'after-move');
    expect(after.storage.reference).toBe('secret/data/coffer/acme/teams/risk/workspaces/mover/AFTER_MOVE');
  });

  it('a token whose policy grants one team’s prefix writes that team’s secrets and is denied another’s', async () => {
    const policy = [
      'path "secret/data/coffer/acme/teams/payments/*" { capabilities = ["create", "read", "update"] }',
      'path "secret/metadata/coffer/acme/teams/payments/*" { capabilities = ["read", "delete", "list"] }',
    ].join('\n');
    expect((await dev.api('PUT', 'sys/policies/acl/coffer-payments', { policy })).status).toBe(204);
    const t = await dev.api('POST', 'auth/token/create', { policies: ['coffer-payments'], ttl: '1h' });
    const token = t.json.auth.client_token as string;
    await configure(token);
    try {
      const team = await create('POLICY_TEAM', 'team', 'payments', 'p-team');
      expect(team.storage.reference).toBe('secret/data/coffer/acme/teams/payments/POLICY_TEAM');
      const ws = await create('POLICY_WS', 'workspace', 'checkout', 'p-ws');
      expect(ws.storage.reference).toBe(
        'secret/data/coffer/acme/teams/payments/workspaces/checkout/POLICY_WS',
      );
      for (const scope of [
        { type: 'team', id: 'risk' },
        { type: 'workspace', id: 'scoring' },
        { type: 'workspace', id: 'sandbox' },
        { type: 'organization', id: 'acme' },
      ]) {
        const denied = await api('POST', '/v1/secrets', { name: 'POLICY_OTHER', scope, value: 'x-denied' });
        expect(denied.status, JSON.stringify(scope)).toBe(503);
        expect(denied.json.detail).toMatch(/permission denied/);
        // Nothing was recorded for it.
        const list = await api('GET', `/v1/secrets?scopeType=${scope.type}&scopeId=${scope.id}`);
        expect(list.json.items.map((s: { name: string }) => s.name)).not.toContain('POLICY_OTHER');
      }
      // The team's own secrets resolve; a prefix-only policy cannot list the root, so no count.
      expect(await resolve('checkout', ['POLICY_TEAM', 'POLICY_WS'])).toEqual({
        POLICY_TEAM: 'p-team',
        POLICY_WS: 'p-ws',
      });
      const check = await api('POST', '/v1/secrets-manager:check');
      expect(check.json.ok).toBe(true);
      expect(check.json.secretCount).toBeUndefined();
    } finally {
      await configure(dev.rootToken);
    }
    for (const v of [...VALUES, 'p-team', 'p-ws', 'x-denied', token, dev.rootToken]) {
      expect(srv.logText()).not.toContain(v);
    }
  });
});

describe.skipIf(!requireTool('moto'))('the AWS Secrets Manager names follow the hierarchy', () => {
  let moto: Moto;
  let srv: InProcessServer;
  const creds = { accessKeyId: 'AKIALAYOUTTESTLAYOUT', secretAccessKey: 'layout-test-secret' };
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  beforeAll(async () => {
    moto = await startMoto();
    process.env.AWS_ACCESS_KEY_ID = creds.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;
    srv = await startInProcess();
    await createScopes(srv.url, srv.key, {
      teams: ['payments'],
      workspaces: [['checkout', 'payments'], 'sandbox'],
    });
  }, 60_000);
  afterAll(async () => {
    await srv?.stop();
    await moto?.stop();
    for (const [k, v] of [
      ['AWS_ACCESS_KEY_ID', saved.id],
      ['AWS_SECRET_ACCESS_KEY', saved.secret],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('organization, team, workspace in a team and directly in the organization', async () => {
    const api = (method: string, path: string, body?: unknown) =>
      call(srv.url, method, path, { key: srv.key, body });
    const cfg = await api('PUT', '/v1/secrets-manager', {
      backend: 'AWS_SECRETS_MANAGER',
      aws: { region: 'eu-west-1', endpoint: moto.endpoint, recoveryWindowDays: 0 },
    });
    expect(cfg.json.effectiveBackend).toBe('AWS_SECRETS_MANAGER');
    const sm = new SecretsManagerClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: creds });
    try {
      for (const [scope, name] of [
        [{ type: 'organization', id: 'acme' }, 'coffer/acme/AWS_LAYOUT'],
        [{ type: 'team', id: 'payments' }, 'coffer/acme/teams/payments/AWS_LAYOUT'],
        [{ type: 'workspace', id: 'checkout' }, 'coffer/acme/teams/payments/workspaces/checkout/AWS_LAYOUT'],
        [{ type: 'workspace', id: 'sandbox' }, 'coffer/acme/workspaces/sandbox/AWS_LAYOUT'],
      ] as const) {
        const c = await api('POST', '/v1/secrets', { name: 'AWS_LAYOUT', scope, value: `aws-${scope.id}` });
        expect(c.status, c.text).toBe(201);
        const got = await sm.send(new GetSecretValueCommand({ SecretId: name }));
        expect(got.ARN).toBe(c.json.storage.reference);
        expect(got.SecretString).toBe(`aws-${scope.id}`);
      }
      expect((await api('POST', '/v1/secrets-manager:check')).json).toMatchObject({
        ok: true,
        secretCount: 4,
      });
    } finally {
      sm.destroy();
    }
  });
});
