/**
 * Tenancy over real HTTP: organizations as hard boundaries (the attacks issue 11 reported), resolve along the
 * workspace's own chain for each key kind, scopes that must exist, deletes that refuse to leave orphans,
 * deployment-level acts, audit scoping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';
import { createScopes } from '../support/tenancy.ts';

let srv: TestServer;
let acmeOwner: string;
let globexOwner: string;

const mint = async (
  key: string,
  role: string,
  type: string,
  id: string,
  extra: Record<string, unknown> = {},
) => {
  const r = await call(srv.url, 'POST', '/v1/api-keys', {
    key,
    body: { name: `${type}-${id}-${role}`, role, scope: { type, id }, ...extra },
  });
  expect(r.status, r.text).toBe(201);
  return r.json.token as string;
};
const secret = async (key: string, type: string, id: string, name: string, value: string) => {
  const r = await call(srv.url, 'POST', '/v1/secrets', { key, body: { name, scope: { type, id }, value } });
  expect(r.status, r.text).toBe(201);
  return r.json.id as string;
};
const resolve = (key: string, workspaceId: string, names: string[]) =>
  call(srv.url, 'POST', '/v1/secrets:resolve', { key, body: { workspaceId, names } });
const values = (r: { json: { items: Array<{ name: string; value: string; source: string }> } }) =>
  Object.fromEntries(r.json.items.map((i) => [i.name, `${i.source}:${i.value}`]));

beforeAll(async () => {
  // The bootstrap key is owner of acme and the deployment key (COFFER_ORGANIZATION_ID=acme in the test env).
  srv = await startServer();
  acmeOwner = await mint(srv.key, 'owner', 'organization', 'acme');
  expect(
    (
      await call(srv.url, 'POST', '/v1/organizations', {
        key: srv.key,
        body: { id: 'globex', name: 'Globex' },
      })
    ).status,
  ).toBe(201);
  globexOwner = await mint(srv.key, 'owner', 'organization', 'globex');
  await createScopes(srv.url, acmeOwner, {
    teams: ['payments', 'risk'],
    workspaces: [['checkout', 'payments'], ['scoring', 'risk'], 'sandbox'],
  });
  await createScopes(srv.url, globexOwner, {
    teams: ['g-payments'],
    workspaces: [['g-checkout', 'g-payments']],
  });
});

afterAll(async () => {
  await srv?.cleanup();
});

describe('an organization is a hard boundary (the attacks of issue 11)', () => {
  it('an owner key on acme cannot mint a key on globex, nor any key on a globex scope', async () => {
    for (const scope of [
      { type: 'organization', id: 'globex' },
      { type: 'team', id: 'g-payments' },
      { type: 'workspace', id: 'g-checkout' },
    ]) {
      const r = await call(srv.url, 'POST', '/v1/api-keys', {
        key: acmeOwner,
        body: { name: 'pivot', role: 'owner', scope },
      });
      expect(r.status).toBe(403);
      expect(r.text).not.toContain('token');
    }
  });

  it("each organization's keys neither list, rotate nor resolve the other's secrets", async () => {
    const gid = await secret(globexOwner, 'organization', 'globex', 'GLOBEX_ONLY', 'globex-value');
    const aid = await secret(acmeOwner, 'organization', 'acme', 'ACME_ONLY', 'acme-value');
    for (const [key, foreign] of [
      [acmeOwner, gid],
      [globexOwner, aid],
    ] as const) {
      const list = await call(srv.url, 'GET', '/v1/secrets?limit=500', { key });
      expect(list.json.items.map((s: { id: string }) => s.id)).not.toContain(foreign);
      expect((await call(srv.url, 'GET', `/v1/secrets/${foreign}`, { key })).status).toBe(404);
      expect(
        (await call(srv.url, 'PATCH', `/v1/secrets/${foreign}`, { key, body: { value: 'x' } })).status,
      ).toBe(404);
      expect((await call(srv.url, 'DELETE', `/v1/secrets/${foreign}`, { key })).status).toBe(404);
    }
    const g = await call(srv.url, 'GET', `/v1/secrets/${gid}`, { key: globexOwner });
    expect(g.json.version).toBe(1);
    const r = await resolve(acmeOwner, 'checkout', ['GLOBEX_ONLY', 'ACME_ONLY']);
    expect(r.status).toBe(200);
    expect(r.json.missing).toEqual(['GLOBEX_ONLY']);
    expect(r.text).not.toContain('globex-value');
    expect((await resolve(acmeOwner, 'g-checkout', ['GLOBEX_ONLY'])).status).toBe(404);
  });

  it("resolve's organization layer is the workspace's own organization, whoever created a name first", async () => {
    await secret(globexOwner, 'organization', 'globex', 'SHARED_DB_PASSWORD', 'globex-db');
    await secret(acmeOwner, 'organization', 'acme', 'SHARED_DB_PASSWORD', 'acme-db');
    const acmeRuntime = await mint(acmeOwner, 'runtime', 'workspace', 'sandbox');
    const globexRuntime = await mint(globexOwner, 'runtime', 'workspace', 'g-checkout');
    expect(values(await resolve(acmeRuntime, 'sandbox', ['SHARED_DB_PASSWORD']))).toEqual({
      SHARED_DB_PASSWORD: 'organization:acme-db',
    });
    expect(values(await resolve(globexRuntime, 'g-checkout', ['SHARED_DB_PASSWORD']))).toEqual({
      SHARED_DB_PASSWORD: 'organization:globex-db',
    });
  });

  it('organizations are made and removed by deployment keys only; the deployment key reads no other organization', async () => {
    expect(
      (await call(srv.url, 'POST', '/v1/organizations', { key: acmeOwner, body: { id: 'initech' } })).status,
    ).toBe(403);
    expect((await call(srv.url, 'DELETE', '/v1/organizations/globex', { key: globexOwner })).status).toBe(
      403,
    );
    expect(
      (await call(srv.url, 'PUT', '/v1/secrets-manager', { key: acmeOwner, body: { backend: 'DB' } })).status,
    ).toBe(403);
    // Minting a deployment key takes a deployment key.
    const escalate = await call(srv.url, 'POST', '/v1/api-keys', {
      key: acmeOwner,
      body: { name: 'ops', role: 'member', scope: { type: 'organization', id: 'acme' }, deployment: true },
    });
    expect(escalate.status).toBe(403);
    const ops = await mint(srv.key, 'admin', 'organization', 'acme', { deployment: true });
    const made = await call(srv.url, 'POST', '/v1/organizations', { key: ops, body: { id: 'initech' } });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ id: 'initech', name: 'initech', revision: 1 });
    const all = await call(srv.url, 'GET', '/v1/organizations', { key: ops });
    expect(all.json.items.map((o: { id: string }) => o.id).sort()).toEqual(['acme', 'globex', 'initech']);
    const mine = await call(srv.url, 'GET', '/v1/organizations', { key: globexOwner });
    expect(mine.json.items.map((o: { id: string }) => o.id)).toEqual(['globex']);
    // The deployment key has no role in globex: none of its data is visible to it.
    expect((await call(srv.url, 'GET', '/v1/secrets?limit=500', { key: srv.key })).text).not.toContain(
      'globex',
    );
    expect((await resolve(srv.key, 'g-checkout', ['SHARED_DB_PASSWORD'])).status).toBe(404);
    expect((await call(srv.url, 'DELETE', '/v1/organizations/initech', { key: ops })).status).toBe(204);
    const events = await call(srv.url, 'GET', '/v1/audit/events?limit=500', { key: srv.key });
    const types = events.json.items.map(
      (e: { type: string; target: { id: string } }) => `${e.type} ${e.target.id}`,
    );
    expect(types).toEqual(
      expect.arrayContaining([
        'organization.created initech',
        'organization.deleted initech',
        'organization.created globex',
      ]),
    );
  });

  it("a key sees audit records of its scope and below, never another organization's", async () => {
    const teamMember = await mint(acmeOwner, 'member', 'team', 'payments');
    const events = await call(srv.url, 'GET', '/v1/audit/events?limit=500', { key: teamMember });
    expect(events.status).toBe(200);
    expect(events.json.items.length).toBeGreaterThan(0);
    for (const e of events.json.items) {
      expect(['team:payments', 'workspace:checkout']).toContain(
        `${e.target.scope?.type}:${e.target.scope?.id}`,
      );
    }
    const reads = await call(srv.url, 'GET', '/v1/audit/secret-reads?limit=500', { key: globexOwner });
    for (const x of reads.json.items) expect(['globex', 'g-payments', 'g-checkout']).toContain(x.scope.id);
  });
});

describe('resolve walks the workspace’s own chain', () => {
  beforeAll(async () => {
    await secret(acmeOwner, 'organization', 'acme', 'CHAIN', 'org');
    await secret(acmeOwner, 'organization', 'acme', 'ORG_ONLY', 'org');
    await secret(acmeOwner, 'team', 'payments', 'CHAIN', 'payments');
    await secret(acmeOwner, 'team', 'payments', 'TEAM_ONLY', 'payments');
    await secret(acmeOwner, 'team', 'risk', 'CHAIN', 'risk');
    await secret(acmeOwner, 'workspace', 'checkout', 'CHAIN', 'checkout');
    const put = await call(srv.url, 'PUT', '/v1/workspaces/checkout/secrets/OPENAI_API_KEY', {
      key: acmeOwner,
      body: { value: 'sk-override' },
    });
    expect(put.status).toBe(201);
    await secret(acmeOwner, 'team', 'payments', 'OPENAI_API_KEY', 'sk-team');
  });
  const NAMES = ['CHAIN', 'TEAM_ONLY', 'ORG_ONLY', 'OPENAI_API_KEY'];

  it("a workspace's runtime key gets its team's value where the workspace has none", async () => {
    const k = await mint(acmeOwner, 'runtime', 'workspace', 'checkout');
    expect(values(await resolve(k, 'checkout', NAMES))).toEqual({
      CHAIN: 'workspace:checkout',
      TEAM_ONLY: 'team:payments',
      ORG_ONLY: 'organization:org',
      OPENAI_API_KEY: 'override:sk-override',
    });
  });

  it("a team key resolves the full chain of its team's workspaces, and no other team's", async () => {
    const k = await mint(acmeOwner, 'runtime', 'team', 'payments');
    expect(values(await resolve(k, 'checkout', NAMES))).toEqual({
      CHAIN: 'workspace:checkout',
      TEAM_ONLY: 'team:payments',
      ORG_ONLY: 'organization:org',
      OPENAI_API_KEY: 'override:sk-override',
    });
    const other = await resolve(k, 'scoring', NAMES);
    expect(other.status).toBe(403);
    expect(other.text).not.toContain('risk');
  });

  it('an organization key resolves every workspace of it, each along its own chain', async () => {
    expect(values(await resolve(acmeOwner, 'scoring', ['CHAIN', 'TEAM_ONLY']))).toEqual({
      CHAIN: 'team:risk',
    });
    expect(values(await resolve(acmeOwner, 'sandbox', ['CHAIN', 'TEAM_ONLY']))).toEqual({
      CHAIN: 'organization:org',
    });
  });

  it('a move re-points the chain at once (no cached answer survives), audited as workspace.moved', async () => {
    await createScopes(srv.url, acmeOwner, { workspaces: [['mover', 'payments']] });
    const k = await mint(acmeOwner, 'runtime', 'workspace', 'mover');
    expect(values(await resolve(k, 'mover', ['CHAIN']))).toEqual({ CHAIN: 'team:payments' });
    const teamKey = await mint(acmeOwner, 'admin', 'team', 'payments');
    expect(
      (await call(srv.url, 'PATCH', '/v1/workspaces/mover', { key: teamKey, body: { teamId: 'risk' } }))
        .status,
    ).toBe(403);
    const moved = await call(srv.url, 'PATCH', '/v1/workspaces/mover', {
      key: acmeOwner,
      body: { teamId: 'risk' },
      headers: { 'if-match': '"1"' },
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ id: 'mover', teamId: 'risk', revision: 2 });
    expect(values(await resolve(k, 'mover', ['CHAIN']))).toEqual({ CHAIN: 'team:risk' });
    const stale = await call(srv.url, 'PATCH', '/v1/workspaces/mover', {
      key: acmeOwner,
      body: { teamId: null },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const ev = await call(srv.url, 'GET', '/v1/audit/events?type=workspace.moved', { key: acmeOwner });
    expect(ev.json.items[0]).toMatchObject({
      type: 'workspace.moved',
      target: { kind: 'workspace', id: 'mover' },
    });
  });
});

describe('scopes must exist, and deletes leave nothing orphaned', () => {
  it('a secret, an override or a key on a scope that does not exist answers 422 with the pointer', async () => {
    const s = await call(srv.url, 'POST', '/v1/secrets', {
      key: acmeOwner,
      body: { name: 'X', scope: { type: 'workspace', id: 'nowhere' }, value: 'v' },
    });
    expect(s.status).toBe(422);
    expect(s.json.errors).toEqual([{ pointer: '/scope/id', detail: 'names no workspace that exists' }]);
    const o = await call(srv.url, 'PUT', '/v1/workspaces/nowhere/secrets/OPENAI_API_KEY', {
      key: acmeOwner,
      body: { value: 'v' },
    });
    expect(o.status).toBe(422);
    expect(o.json.errors[0].pointer).toBe('/path/workspaceId');
    const k = await call(srv.url, 'POST', '/v1/api-keys', {
      key: acmeOwner,
      body: { name: 'ghost', role: 'runtime', scope: { type: 'team', id: 'nowhere' } },
    });
    expect(k.status).toBe(422);
    const w = await call(srv.url, 'POST', '/v1/workspaces', {
      key: acmeOwner,
      body: { id: 'w-x', teamId: 'g-payments' },
    });
    expect(w.status).toBe(422);
    expect(w.json.errors[0].pointer).toBe('/teamId');
    const dup = await call(srv.url, 'POST', '/v1/teams', { key: acmeOwner, body: { id: 'payments' } });
    expect(dup.status).toBe(409);
  });

  it('a team that holds something answers 409 naming it; cascade removes it all and revokes its keys', async () => {
    await createScopes(srv.url, acmeOwner, { teams: ['doomed'], workspaces: [['doomed-ws', 'doomed']] });
    await secret(acmeOwner, 'team', 'doomed', 'T', 't');
    await secret(acmeOwner, 'workspace', 'doomed-ws', 'W', 'w');
    const wsKey = await mint(acmeOwner, 'runtime', 'workspace', 'doomed-ws');
    expect((await resolve(wsKey, 'doomed-ws', ['T', 'W'])).json.items).toHaveLength(2);
    const refused = await call(srv.url, 'DELETE', '/v1/teams/doomed', { key: acmeOwner });
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toBe(
      'Team doomed still holds 1 secret, 1 workspace (doomed-ws); delete them first or pass cascade=true.',
    );
    const ws = await call(srv.url, 'DELETE', '/v1/workspaces/doomed-ws', { key: acmeOwner });
    expect(ws.status).toBe(409);
    expect(ws.json.detail).toMatch(/Workspace doomed-ws still holds 1 secret/);
    expect((await call(srv.url, 'DELETE', '/v1/teams/doomed?cascade=true', { key: acmeOwner })).status).toBe(
      204,
    );
    expect((await call(srv.url, 'GET', '/v1/teams/doomed', { key: acmeOwner })).status).toBe(404);
    expect((await call(srv.url, 'GET', '/v1/workspaces/doomed-ws', { key: acmeOwner })).status).toBe(404);
    expect((await resolve(wsKey, 'doomed-ws', ['T'])).status).toBe(401);
    const left = await call(srv.url, 'GET', '/v1/secrets?limit=500', { key: acmeOwner });
    expect(left.text).not.toMatch(/doomed/);
    // Recreating the names starts empty: nothing of the old team comes back.
    await createScopes(srv.url, acmeOwner, { teams: ['doomed'], workspaces: [['doomed-ws', 'doomed']] });
    expect((await resolve(acmeOwner, 'doomed-ws', ['T', 'W'])).json.missing).toEqual(['T', 'W']);
  });
});
