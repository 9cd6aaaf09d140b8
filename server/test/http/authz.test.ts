/**
 * Authorization matrix: organization x scope x role x route, over real HTTP. Organization acme has teams t1
 * (workspace ws1) and t2 (workspace ws2); organization globex has team g1 and workspace gws1. Keys are
 * minted on acme's three scope kinds with each role; every route is tried on acme's scopes and on globex's.
 * The expectations restate the rules of API-MODEL.md ("Tenancy", "Access") independently of the server's
 * code: an organization key covers its organization, a team key its team and the team's workspaces, a
 * workspace key its workspace; nothing reaches another organization (name-addressed reads 404, writes 403;
 * an id a key cannot reach answers 404); only deployment keys manage organizations and the configuration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';
import { createScopes } from '../support/tenancy.ts';

type Role = 'owner' | 'admin' | 'member' | 'runtime';
type ScopeType = 'organization' | 'team' | 'workspace';
const ROLES: Role[] = ['owner', 'admin', 'member', 'runtime'];
const SCOPES: Array<{ type: ScopeType; id: string }> = [
  { type: 'organization', id: 'acme' },
  { type: 'team', id: 't1' },
  { type: 'workspace', id: 'ws1' },
];

let srv: TestServer;
let globexOwner: string;
const keys = new Map<string, string>();
const seeded = new Map<string, string>(); // `${type}:${id}` -> secret id
const keyOf = (scope: ScopeType, role: Role) => keys.get(`${scope}/${role}`) as string;

async function create(key: string, scope: { type: ScopeType; id: string }, name: string): Promise<string> {
  const r = await call(srv.url, 'POST', '/v1/secrets', {
    key,
    body: { name, scope, value: `value-of-${name}` },
  });
  expect(r.status, r.text).toBe(201);
  return r.json.id;
}
const ownerCreate = (scope: { type: ScopeType; id: string }, name: string) => create(srv.key, scope, name);

beforeAll(async () => {
  srv = await startServer();
  await createScopes(srv.url, srv.key, {
    teams: ['t1', 't2'],
    workspaces: [
      ['ws1', 't1'],
      ['ws2', 't2'],
    ],
  });
  for (const scope of SCOPES) {
    for (const role of ROLES) {
      const r = await call(srv.url, 'POST', '/v1/api-keys', {
        key: srv.key,
        body: { name: `${scope.type}-${role}`, role, scope },
      });
      expect(r.status).toBe(201);
      keys.set(`${scope.type}/${role}`, r.json.token);
    }
  }
  for (const scope of [
    ...SCOPES,
    { type: 'team' as const, id: 't2' },
    { type: 'workspace' as const, id: 'ws2' },
  ]) {
    seeded.set(`${scope.type}:${scope.id}`, await ownerCreate(scope, 'SEEDED'));
  }
  // The second organization: made by the deployment key, then run by its own owner.
  expect(
    (await call(srv.url, 'POST', '/v1/organizations', { key: srv.key, body: { id: 'globex' } })).status,
  ).toBe(201);
  const owner = await call(srv.url, 'POST', '/v1/api-keys', {
    key: srv.key,
    body: { name: 'globex-owner', role: 'owner', scope: { type: 'organization', id: 'globex' } },
  });
  expect(owner.status).toBe(201);
  globexOwner = owner.json.token;
  await createScopes(srv.url, globexOwner, { teams: ['g1'], workspaces: [['gws1', 'g1']] });
  for (const scope of [
    { type: 'organization' as const, id: 'globex' },
    { type: 'team' as const, id: 'g1' },
    { type: 'workspace' as const, id: 'gws1' },
  ]) {
    seeded.set(`${scope.type}:${scope.id}`, await create(globexOwner, scope, 'SEEDED'));
  }
  const put = await call(srv.url, 'PUT', '/v1/workspaces/gws1/secrets/OPENAI_API_KEY', {
    key: globexOwner,
    body: { value: 'sk-globex' },
  });
  expect(put.status).toBe(201);
});

afterAll(async () => {
  await srv?.cleanup();
});

const writer = (r: Role) => r === 'owner' || r === 'admin';
const reader = (r: Role) => r !== 'runtime';
const resolver = (r: Role) => r !== 'member';
const own = (s: ScopeType) => SCOPES.find((x) => x.type === s) as { type: ScopeType; id: string };
/** A read of something out of reach: runtime keys are refused before anything is looked up. */
const hidden = (r: Role) => (reader(r) ? 404 : 403);

interface Case {
  route: string;
  expect: (scope: ScopeType, role: Role) => number | number[];
  run: (key: string, scope: ScopeType, role: Role) => Promise<number>;
}

let n = 0;
/** A new secret name, or (with a prefix) a new scope id. */
const fresh = (prefix?: string) => (prefix ? `${prefix}-${++n}-${Date.now()}` : `N${++n}_${Date.now()}`);
const status = async (key: string, method: string, path: string, body?: unknown) =>
  (await call(srv.url, method, path, { key, ...(body === undefined ? {} : { body }) })).status;

const ACME: Case[] = [
  {
    route: 'GET /v1/secrets',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', '/v1/secrets'),
  },
  {
    route: 'GET /v1/secrets/{own scope}',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k, s) => status(k, 'GET', `/v1/secrets/${seeded.get(`${s}:${own(s).id}`)}`),
  },
  {
    route: 'GET /v1/secrets/{workspace ws1, in team t1}',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', `/v1/secrets/${seeded.get('workspace:ws1')}`),
  },
  {
    route: 'GET /v1/secrets/{workspace ws2, in team t2}',
    expect: (s, r) => (reader(r) && s === 'organization' ? 200 : hidden(r)),
    run: (k) => status(k, 'GET', `/v1/secrets/${seeded.get('workspace:ws2')}`),
  },
  {
    route: 'POST /v1/secrets (own scope)',
    expect: (_s, r) => (writer(r) ? 201 : 403),
    run: (k, s) => status(k, 'POST', '/v1/secrets', { name: fresh(), scope: own(s), value: 'v' }),
  },
  {
    route: 'POST /v1/secrets (workspace ws1, in team t1)',
    expect: (_s, r) => (writer(r) ? 201 : 403),
    run: (k) =>
      status(k, 'POST', '/v1/secrets', {
        name: fresh(),
        scope: { type: 'workspace', id: 'ws1' },
        value: 'v',
      }),
  },
  {
    route: 'POST /v1/secrets (workspace ws2, in team t2)',
    expect: (s, r) => (writer(r) && s === 'organization' ? 201 : 403),
    run: (k) =>
      status(k, 'POST', '/v1/secrets', {
        name: fresh(),
        scope: { type: 'workspace', id: 'ws2' },
        value: 'v',
      }),
  },
  {
    route: 'POST /v1/secrets (team t1)',
    expect: (s, r) => (writer(r) && s !== 'workspace' ? 201 : 403),
    run: (k) =>
      status(k, 'POST', '/v1/secrets', { name: fresh(), scope: { type: 'team', id: 't1' }, value: 'v' }),
  },
  {
    route: 'PATCH /v1/secrets/{own scope}',
    expect: (_s, r) => (writer(r) ? 200 : 403),
    run: async (k, s) =>
      status(k, 'PATCH', `/v1/secrets/${await ownerCreate(own(s), fresh())}`, { value: 'rotated' }),
  },
  {
    route: 'DELETE /v1/secrets/{own scope}',
    expect: (_s, r) => (writer(r) ? 204 : 403),
    run: async (k, s) => status(k, 'DELETE', `/v1/secrets/${await ownerCreate(own(s), fresh())}`),
  },
  {
    route: 'DELETE /v1/secrets/{workspace ws2}',
    expect: (s, r) => (!writer(r) ? 403 : s === 'organization' ? 204 : 404),
    run: async (k) =>
      status(k, 'DELETE', `/v1/secrets/${await ownerCreate({ type: 'workspace', id: 'ws2' }, fresh())}`),
  },
  {
    route: 'POST /v1/secrets:resolve (ws1)',
    expect: (_s, r) => (resolver(r) ? 200 : 403),
    run: (k) => status(k, 'POST', '/v1/secrets:resolve', { workspaceId: 'ws1', names: ['SEEDED'] }),
  },
  {
    route: 'POST /v1/secrets:resolve (ws2, another team)',
    expect: (s, r) => (resolver(r) && s === 'organization' ? 200 : 403),
    run: (k) => status(k, 'POST', '/v1/secrets:resolve', { workspaceId: 'ws2', names: ['SEEDED'] }),
  },
  {
    route: 'PUT /v1/workspaces/ws1/secrets/OPENAI_API_KEY',
    expect: (_s, r) => (writer(r) ? [200, 201] : 403),
    run: (k) => status(k, 'PUT', '/v1/workspaces/ws1/secrets/OPENAI_API_KEY', { value: 'sk-x' }),
  },
  {
    route: 'PUT /v1/workspaces/ws2/secrets/OPENAI_API_KEY',
    expect: (s, r) => (writer(r) && s === 'organization' ? [200, 201] : 403),
    run: (k) => status(k, 'PUT', '/v1/workspaces/ws2/secrets/OPENAI_API_KEY', { value: 'sk-x' }),
  },
  {
    route: 'GET /v1/workspaces/ws1/secrets',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', '/v1/workspaces/ws1/secrets'),
  },
  {
    route: 'GET /v1/workspaces/ws2/secrets',
    expect: (s, r) => (reader(r) && s === 'organization' ? 200 : hidden(r)),
    run: (k) => status(k, 'GET', '/v1/workspaces/ws2/secrets'),
  },
  {
    route: 'DELETE /v1/workspaces/ws1/secrets/GROQ_API_KEY',
    expect: (_s, r) => (writer(r) ? 204 : 403),
    run: async (k) => {
      const put = await status(srv.key, 'PUT', '/v1/workspaces/ws1/secrets/GROQ_API_KEY', { value: 'gsk' });
      expect([200, 201]).toContain(put);
      return status(k, 'DELETE', '/v1/workspaces/ws1/secrets/GROQ_API_KEY');
    },
  },
  {
    route: 'GET /v1/secrets-manager',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', '/v1/secrets-manager'),
  },
  {
    route: 'PUT /v1/secrets-manager (no key here is a deployment key)',
    expect: () => 403,
    run: (k) => status(k, 'PUT', '/v1/secrets-manager', { backend: 'DB', cache: { ttlSeconds: 0 } }),
  },
  {
    route: 'POST /v1/secrets-manager:migrate (no key here is a deployment key)',
    expect: () => 403,
    run: (k) => status(k, 'POST', '/v1/secrets-manager:migrate', { dryRun: true }),
  },
  {
    route: 'POST /v1/api-keys (runtime, own scope)',
    expect: (_s, r) => (writer(r) ? 201 : 403),
    run: (k, s) => status(k, 'POST', '/v1/api-keys', { name: fresh(), role: 'runtime', scope: own(s) }),
  },
  {
    route: 'POST /v1/api-keys (owner, own scope)',
    expect: (_s, r) => (r === 'owner' ? 201 : 403),
    run: (k, s) => status(k, 'POST', '/v1/api-keys', { name: fresh(), role: 'owner', scope: own(s) }),
  },
  {
    route: 'GET /v1/api-keys',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', '/v1/api-keys'),
  },
  {
    route: 'GET /v1/audit/events',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', '/v1/audit/events'),
  },
  {
    route: 'GET /v1/audit/secret-reads',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', '/v1/audit/secret-reads'),
  },
  {
    route: 'GET /v1/organizations/acme',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', '/v1/organizations/acme'),
  },
  {
    route: 'POST /v1/organizations (no key here is a deployment key)',
    expect: () => 403,
    run: (k) => status(k, 'POST', '/v1/organizations', { id: fresh('o') }),
  },
  {
    route: 'GET /v1/teams/t1',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', '/v1/teams/t1'),
  },
  {
    route: 'GET /v1/teams/t2',
    expect: (s, r) => (reader(r) && s === 'organization' ? 200 : hidden(r)),
    run: (k) => status(k, 'GET', '/v1/teams/t2'),
  },
  {
    route: 'POST /v1/teams',
    expect: (s, r) => (writer(r) && s === 'organization' ? 201 : 403),
    run: (k) => status(k, 'POST', '/v1/teams', { id: fresh('t') }),
  },
  {
    route: 'GET /v1/workspaces/ws1',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: (k) => status(k, 'GET', '/v1/workspaces/ws1'),
  },
  {
    route: 'GET /v1/workspaces/ws2',
    expect: (s, r) => (reader(r) && s === 'organization' ? 200 : hidden(r)),
    run: (k) => status(k, 'GET', '/v1/workspaces/ws2'),
  },
  {
    route: 'POST /v1/workspaces (in team t1)',
    expect: (s, r) => (writer(r) && s !== 'workspace' ? 201 : 403),
    run: (k) => status(k, 'POST', '/v1/workspaces', { id: fresh('w'), teamId: 't1' }),
  },
  {
    route: 'POST /v1/workspaces (in team t2)',
    expect: (s, r) => (writer(r) && s === 'organization' ? 201 : 403),
    run: (k) => status(k, 'POST', '/v1/workspaces', { id: fresh('w'), teamId: 't2' }),
  },
  {
    route: 'PATCH /v1/workspaces/ws1 (rename)',
    expect: (_s, r) => (writer(r) ? 200 : 403),
    run: (k) => status(k, 'PATCH', '/v1/workspaces/ws1', { name: fresh('ws1 ') }),
  },
  {
    route: 'PATCH /v1/workspaces/{new in t1} (move to t2)',
    expect: (s, r) => (writer(r) && s === 'organization' ? 200 : 403),
    run: async (k) => {
      const id = fresh('w');
      expect(await status(srv.key, 'POST', '/v1/workspaces', { id, teamId: 't1' })).toBe(201);
      return status(k, 'PATCH', `/v1/workspaces/${id}`, { teamId: 't2' });
    },
  },
  {
    route: 'DELETE /v1/workspaces/{new in t1}',
    expect: (s, r) => (writer(r) && s !== 'workspace' ? 204 : 403),
    run: async (k) => {
      const id = fresh('w');
      expect(await status(srv.key, 'POST', '/v1/workspaces', { id, teamId: 't1' })).toBe(201);
      return status(k, 'DELETE', `/v1/workspaces/${id}`);
    },
  },
  {
    route: 'DELETE /v1/teams/{new}',
    expect: (s, r) => (writer(r) && s === 'organization' ? 204 : 403),
    run: async (k) => {
      const id = fresh('t');
      expect(await status(srv.key, 'POST', '/v1/teams', { id })).toBe(201);
      return status(k, 'DELETE', `/v1/teams/${id}`);
    },
  },
];

/** Every route aimed at globex: name-addressed reads 404, writes 403, ids out of reach 404. */
const GLOBEX: Case[] = [
  {
    route: 'GET /v1/organizations/globex',
    expect: (_s, r) => hidden(r),
    run: (k) => status(k, 'GET', '/v1/organizations/globex'),
  },
  { route: 'GET /v1/teams/g1', expect: (_s, r) => hidden(r), run: (k) => status(k, 'GET', '/v1/teams/g1') },
  {
    route: 'GET /v1/workspaces/gws1',
    expect: (_s, r) => hidden(r),
    run: (k) => status(k, 'GET', '/v1/workspaces/gws1'),
  },
  {
    route: 'GET /v1/workspaces/gws1/secrets',
    expect: (_s, r) => hidden(r),
    run: (k) => status(k, 'GET', '/v1/workspaces/gws1/secrets'),
  },
  {
    route: 'GET /v1/secrets/{globex organization secret}',
    expect: (_s, r) => hidden(r),
    run: (k) => status(k, 'GET', `/v1/secrets/${seeded.get('organization:globex')}`),
  },
  {
    route: 'PATCH /v1/secrets/{globex workspace secret}',
    expect: (_s, r) => (writer(r) ? 404 : 403),
    run: (k) => status(k, 'PATCH', `/v1/secrets/${seeded.get('workspace:gws1')}`, { value: 'stolen' }),
  },
  {
    route: 'DELETE /v1/secrets/{globex team secret}',
    expect: (_s, r) => (writer(r) ? 404 : 403),
    run: (k) => status(k, 'DELETE', `/v1/secrets/${seeded.get('team:g1')}`),
  },
  {
    route: 'POST /v1/secrets (organization globex)',
    expect: () => 403,
    run: (k) =>
      status(k, 'POST', '/v1/secrets', {
        name: fresh(),
        scope: { type: 'organization', id: 'globex' },
        value: 'v',
      }),
  },
  {
    route: 'POST /v1/secrets (workspace gws1)',
    expect: () => 403,
    run: (k) =>
      status(k, 'POST', '/v1/secrets', {
        name: fresh(),
        scope: { type: 'workspace', id: 'gws1' },
        value: 'v',
      }),
  },
  {
    route: 'PUT /v1/workspaces/gws1/secrets/OPENAI_API_KEY',
    expect: () => 403,
    run: (k) => status(k, 'PUT', '/v1/workspaces/gws1/secrets/OPENAI_API_KEY', { value: 'sk-mine' }),
  },
  {
    route: 'POST /v1/secrets:resolve (gws1)',
    expect: (_s, r) => (resolver(r) ? 404 : 403),
    run: (k) =>
      status(k, 'POST', '/v1/secrets:resolve', { workspaceId: 'gws1', names: ['SEEDED', 'OPENAI_API_KEY'] }),
  },
  {
    route: 'POST /v1/api-keys (owner on organization globex)',
    expect: () => 403,
    run: (k) =>
      status(k, 'POST', '/v1/api-keys', {
        name: fresh(),
        role: 'owner',
        scope: { type: 'organization', id: 'globex' },
      }),
  },
  {
    route: 'POST /v1/teams (in organization globex)',
    expect: () => 403,
    run: (k) => status(k, 'POST', '/v1/teams', { id: fresh('t'), organizationId: 'globex' }),
  },
  {
    route: 'POST /v1/workspaces (in team g1)',
    expect: () => 403,
    run: (k) =>
      status(k, 'POST', '/v1/workspaces', { id: fresh('w'), organizationId: 'globex', teamId: 'g1' }),
  },
  {
    route: 'PATCH /v1/workspaces/gws1',
    expect: () => 403,
    run: (k) => status(k, 'PATCH', '/v1/workspaces/gws1', { name: 'taken over' }),
  },
  {
    route: 'PATCH /v1/workspaces/ws1 (move into team g1)',
    expect: (s, r) => (writer(r) && s === 'organization' ? 422 : 403),
    run: (k) => status(k, 'PATCH', '/v1/workspaces/ws1', { teamId: 'g1' }),
  },
  {
    route: 'DELETE /v1/teams/g1',
    expect: () => 403,
    run: (k) => status(k, 'DELETE', '/v1/teams/g1?cascade=true'),
  },
  {
    route: 'DELETE /v1/workspaces/gws1',
    expect: () => 403,
    run: (k) => status(k, 'DELETE', '/v1/workspaces/gws1?cascade=true'),
  },
];

const rowsOf = (cases: Case[]) =>
  cases.flatMap((c) => SCOPES.flatMap((s) => ROLES.map((r) => ({ c, scope: s.type, role: r }))));

describe.each([
  ['acme (own organization)', ACME],
  ['globex (another organization)', GLOBEX],
])('authorization matrix: %s', (_name, cases) => {
  const rows = rowsOf(cases);
  it.each(
    rows.map((x) => [`${x.c.route} as acme ${x.scope} ${x.role}`, x] as const),
  )('%s', async (_label, x) => {
    const want = x.c.expect(x.scope, x.role);
    const got = await x.c.run(keyOf(x.scope, x.role), x.scope, x.role);
    if (Array.isArray(want)) expect(want).toContain(got);
    else expect(got).toBe(want);
  });
});

describe('the other organization is untouched by all of the above', () => {
  it('globex still resolves its own values, and lists nothing of acme', async () => {
    const rt = await call(srv.url, 'POST', '/v1/api-keys', {
      key: globexOwner,
      body: { name: 'gws1-runtime', role: 'runtime', scope: { type: 'workspace', id: 'gws1' } },
    });
    const r = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: rt.json.token,
      body: { workspaceId: 'gws1', names: ['SEEDED', 'OPENAI_API_KEY'] },
    });
    expect(r.status).toBe(200);
    expect(r.json.items.map((i: { name: string; value: string }) => [i.name, i.value])).toEqual([
      ['SEEDED', 'value-of-SEEDED'],
      ['OPENAI_API_KEY', 'sk-globex'],
    ]);
    const listed = await call(srv.url, 'GET', '/v1/secrets?limit=500', { key: globexOwner });
    const orgs = new Set(listed.json.items.map((s: { scope: { id: string } }) => s.scope.id));
    expect([...orgs].sort()).toEqual(['g1', 'globex', 'gws1']);
    for (const path of [
      '/v1/api-keys?limit=500',
      '/v1/audit/events?limit=500',
      '/v1/audit/secret-reads?limit=500',
    ]) {
      const page = await call(srv.url, 'GET', path, { key: globexOwner });
      expect(page.status).toBe(200);
      expect(page.text).not.toMatch(/"(acme|t1|t2|ws1|ws2)"/);
    }
    const acmeList = await call(srv.url, 'GET', '/v1/secrets?limit=500', {
      key: keyOf('organization', 'owner'),
    });
    expect(acmeList.text).not.toMatch(/globex|gws1|"g1"/);
  });
});
describe('workspace isolation', () => {
  it('a workspace key lists only its own workspace and cannot widen the filter', async () => {
    const k = keyOf('workspace', 'member');
    const r = await call(srv.url, 'GET', '/v1/secrets?limit=500', { key: k });
    expect(r.status).toBe(200);
    expect(r.json.items.length).toBeGreaterThan(0);
    for (const s of r.json.items) expect(s.scope).toEqual({ type: 'workspace', id: 'ws1' });
    const other = await call(srv.url, 'GET', '/v1/secrets?scopeType=workspace&scopeId=ws2', { key: k });
    expect(other.status).toBe(403);
  });

  it('a workspace runtime key resolves its workspace only, and sees nothing of ws2', async () => {
    const k = keyOf('workspace', 'runtime');
    const mine = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: k,
      body: { workspaceId: 'ws1', names: ['SEEDED'] },
    });
    expect(mine.status).toBe(200);
    expect(mine.json.items[0]).toMatchObject({
      source: 'workspace',
      scope: { type: 'workspace', id: 'ws1' },
    });
    expect(mine.json.items[0].value).toBe('value-of-SEEDED');
    const theirs = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: k,
      body: { workspaceId: 'ws2', names: ['SEEDED'] },
    });
    expect(theirs.status).toBe(403);
    expect(theirs.text).not.toContain('value-of');
    // teamId is deprecated: naming another team than the workspace's own is refused, and reads nothing.
    const otherTeam = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: k,
      body: { workspaceId: 'ws1', teamId: 't2', names: ['SEEDED'] },
    });
    expect(otherTeam.status).toBe(422);
    expect(otherTeam.json.errors).toEqual([
      { pointer: '/teamId', detail: "is not the workspace's team (teamId is deprecated: leave it out)" },
    ]);
    expect(otherTeam.text).not.toContain('value-of');
    const ownTeam = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: k,
      body: { workspaceId: 'ws1', teamId: 't1', names: ['SEEDED'] },
    });
    expect(ownTeam.status).toBe(200);
  });

  it('API keys of other scopes are invisible to a workspace key', async () => {
    const r = await call(srv.url, 'GET', '/v1/api-keys?limit=500', { key: keyOf('workspace', 'admin') });
    expect(r.status).toBe(200);
    for (const k of r.json.items) expect(k.scope).toEqual({ type: 'workspace', id: 'ws1' });
    const all = await call(srv.url, 'GET', '/v1/api-keys?limit=500', { key: srv.key });
    const foreign = all.json.items.find((k: { scope: { type: string } }) => k.scope.type === 'team');
    expect(
      (await call(srv.url, 'GET', `/v1/api-keys/${foreign.id}`, { key: keyOf('workspace', 'admin') })).status,
    ).toBe(404);
  });

  it('a revoked key stops working at once; an admin cannot revoke an owner key', async () => {
    const made = await call(srv.url, 'POST', '/v1/api-keys', {
      key: srv.key,
      body: { name: 'short-lived', role: 'member', scope: { type: 'workspace', id: 'ws1' } },
    });
    expect((await call(srv.url, 'GET', '/v1/secrets', { key: made.json.token })).status).toBe(200);
    expect((await call(srv.url, 'DELETE', `/v1/api-keys/${made.json.id}`, { key: srv.key })).status).toBe(
      204,
    );
    const after = await call(srv.url, 'GET', '/v1/secrets', { key: made.json.token });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe('Bearer');
    expect((await call(srv.url, 'DELETE', `/v1/api-keys/${made.json.id}`, { key: srv.key })).status).toBe(
      404,
    );
    const ownerKey = (await call(srv.url, 'GET', '/v1/api-keys?limit=500', { key: srv.key })).json.items.find(
      (k: { name: string }) => k.name === 'organization-owner',
    );
    expect(
      (await call(srv.url, 'DELETE', `/v1/api-keys/${ownerKey.id}`, { key: keyOf('organization', 'admin') }))
        .status,
    ).toBe(403);
  });

  it('expired keys and unknown tokens answer 401 and are audited as auth.failed', async () => {
    const made = await call(srv.url, 'POST', '/v1/api-keys', {
      key: srv.key,
      body: {
        name: 'expired',
        role: 'owner',
        scope: { type: 'organization', id: 'acme' },
        expiresAt: '2020-01-01T00:00:00Z',
      },
    });
    expect(made.status).toBe(201);
    expect((await call(srv.url, 'GET', '/v1/secrets', { key: made.json.token })).status).toBe(401);
    expect((await call(srv.url, 'GET', '/v1/secrets', { key: 'cof_nope_nope' })).status).toBe(401);
    expect((await call(srv.url, 'GET', '/v1/secrets')).status).toBe(401);
    const events = await call(srv.url, 'GET', '/v1/audit/events?type=auth.failed', { key: srv.key });
    expect(events.json.items.length).toBeGreaterThanOrEqual(3);
    expect(events.json.items[0]).toMatchObject({
      type: 'auth.failed',
      principal: null,
      target: { kind: 'request' },
    });
  });
});

describe('lock-out guard', () => {
  it('refuses to revoke the last organization owner key or the last deployment key, allows it once another exists', async () => {
    const s = await startServer();
    try {
      const me = (await call(s.url, 'GET', '/v1/api-keys', { key: s.key })).json.items[0];
      const last = await call(s.url, 'DELETE', `/v1/api-keys/${me.id}`, { key: s.key });
      expect(last.status).toBe(403);
      expect(last.json.detail).toMatch(/last organization owner/);
      const other = await call(s.url, 'POST', '/v1/api-keys', {
        key: s.key,
        body: { name: 'second-owner', role: 'owner', scope: { type: 'organization', id: 'acme' } },
      });
      // The bootstrap key is also the last deployment key: another owner is not enough.
      const stillLast = await call(s.url, 'DELETE', `/v1/api-keys/${me.id}`, { key: other.json.token });
      expect(stillLast.status).toBe(403);
      expect(stillLast.json.detail).toMatch(/last deployment key/);
      const ops = await call(s.url, 'POST', '/v1/api-keys', {
        key: s.key,
        body: { name: 'ops', role: 'admin', scope: { type: 'organization', id: 'acme' }, deployment: true },
      });
      expect(ops.status).toBe(201);
      expect((await call(s.url, 'DELETE', `/v1/api-keys/${me.id}`, { key: other.json.token })).status).toBe(
        204,
      );
      expect(
        (await call(s.url, 'POST', '/v1/organizations', { key: ops.json.token, body: { id: 'after' } }))
          .status,
      ).toBe(201);
      expect((await call(s.url, 'GET', '/v1/secrets', { key: s.key })).status).toBe(401);
    } finally {
      await s.cleanup();
    }
  });
});
