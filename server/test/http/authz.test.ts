/**
 * Authorization matrix: scope (organization / team / workspace) x role x route, over real HTTP. The
 * expectations below restate the access rules of API-MODEL.md independently of the server's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';

type Role = 'owner' | 'admin' | 'member' | 'runtime';
type ScopeType = 'organization' | 'team' | 'workspace';
const ROLES: Role[] = ['owner', 'admin', 'member', 'runtime'];
const SCOPES: Array<{ type: ScopeType; id: string }> = [
  { type: 'organization', id: 'acme' },
  { type: 'team', id: 't1' },
  { type: 'workspace', id: 'ws1' },
];

let srv: TestServer;
const keys = new Map<string, string>();
const seeded = new Map<string, string>(); // scope label -> secret id
const keyOf = (scope: ScopeType, role: Role) => keys.get(`${scope}/${role}`) as string;

async function ownerCreate(scope: { type: ScopeType; id: string }, name: string): Promise<string> {
  const r = await call(srv.url, 'POST', '/v1/secrets', {
    key: srv.key,
    body: { name, scope, value: `value-of-${name}` },
  });
  expect(r.status).toBe(201);
  return r.json.id;
}

beforeAll(async () => {
  srv = await startServer();
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
});

afterAll(async () => {
  await srv?.cleanup();
});

const writer = (r: Role) => r === 'owner' || r === 'admin';
const reader = (r: Role) => r !== 'runtime';
const resolver = (r: Role) => r !== 'member';
const own = (s: ScopeType) => SCOPES.find((x) => x.type === s) as { type: ScopeType; id: string };

interface Case {
  route: string;
  expect: (scope: ScopeType, role: Role) => number | number[];
  run: (key: string, scope: ScopeType, role: Role) => Promise<number>;
}

let n = 0;
const fresh = () => `N${++n}_${Date.now()}`;

const CASES: Case[] = [
  {
    route: 'GET /v1/secrets',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: async (k) => (await call(srv.url, 'GET', '/v1/secrets', { key: k })).status,
  },
  {
    route: 'GET /v1/secrets/{own scope}',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: async (k, s) =>
      (await call(srv.url, 'GET', `/v1/secrets/${seeded.get(`${s}:${own(s).id}`)}`, { key: k })).status,
  },
  {
    route: 'GET /v1/secrets/{workspace ws2}',
    expect: (s, r) => (!reader(r) ? 403 : s === 'organization' ? 200 : 404),
    run: async (k) =>
      (await call(srv.url, 'GET', `/v1/secrets/${seeded.get('workspace:ws2')}`, { key: k })).status,
  },
  {
    route: 'POST /v1/secrets (own scope)',
    expect: (_s, r) => (writer(r) ? 201 : 403),
    run: async (k, s) =>
      (
        await call(srv.url, 'POST', '/v1/secrets', {
          key: k,
          body: { name: fresh(), scope: own(s), value: 'v' },
        })
      ).status,
  },
  {
    route: 'POST /v1/secrets (workspace ws2)',
    expect: (s, r) => (writer(r) && s === 'organization' ? 201 : 403),
    run: async (k) =>
      (
        await call(srv.url, 'POST', '/v1/secrets', {
          key: k,
          body: { name: fresh(), scope: { type: 'workspace', id: 'ws2' }, value: 'v' },
        })
      ).status,
  },
  {
    route: 'POST /v1/secrets (team t1 from any key)',
    expect: (s, r) => (writer(r) && (s === 'organization' || s === 'team') ? 201 : 403),
    run: async (k) =>
      (
        await call(srv.url, 'POST', '/v1/secrets', {
          key: k,
          body: { name: fresh(), scope: { type: 'team', id: 't1' }, value: 'v' },
        })
      ).status,
  },
  {
    route: 'PATCH /v1/secrets/{own scope}',
    expect: (_s, r) => (writer(r) ? 200 : 403),
    run: async (k, s) => {
      const id = await ownerCreate(own(s), fresh());
      return (await call(srv.url, 'PATCH', `/v1/secrets/${id}`, { key: k, body: { value: 'rotated' } }))
        .status;
    },
  },
  {
    route: 'DELETE /v1/secrets/{own scope}',
    expect: (_s, r) => (writer(r) ? 204 : 403),
    run: async (k, s) => {
      const id = await ownerCreate(own(s), fresh());
      return (await call(srv.url, 'DELETE', `/v1/secrets/${id}`, { key: k })).status;
    },
  },
  {
    route: 'DELETE /v1/secrets/{workspace ws2}',
    expect: (s, r) => (!writer(r) ? 403 : s === 'organization' ? 204 : 404),
    run: async (k) => {
      const id = await ownerCreate({ type: 'workspace', id: 'ws2' }, fresh());
      return (await call(srv.url, 'DELETE', `/v1/secrets/${id}`, { key: k })).status;
    },
  },
  {
    route: 'POST /v1/secrets:resolve (ws1, team t1)',
    // A workspace key may not name a team: the API cannot check the workspace belongs to it.
    expect: (s, r) => (resolver(r) && s !== 'workspace' ? 200 : 403),
    run: async (k) =>
      (
        await call(srv.url, 'POST', '/v1/secrets:resolve', {
          key: k,
          body: { workspaceId: 'ws1', teamId: 't1', names: ['SEEDED'] },
        })
      ).status,
  },
  {
    route: 'POST /v1/secrets:resolve (ws2, team t2)',
    expect: (s, r) => (resolver(r) && s === 'organization' ? 200 : 403),
    run: async (k) =>
      (
        await call(srv.url, 'POST', '/v1/secrets:resolve', {
          key: k,
          body: { workspaceId: 'ws2', teamId: 't2', names: ['SEEDED'] },
        })
      ).status,
  },
  {
    route: 'PUT /v1/workspaces/ws1/secrets/OPENAI_API_KEY',
    expect: (s, r) => (writer(r) && s !== 'team' ? [200, 201] : 403),
    run: async (k) =>
      (
        await call(srv.url, 'PUT', '/v1/workspaces/ws1/secrets/OPENAI_API_KEY', {
          key: k,
          body: { value: 'sk-x' },
        })
      ).status,
  },
  {
    route: 'PUT /v1/workspaces/ws2/secrets/OPENAI_API_KEY',
    expect: (s, r) => (writer(r) && s === 'organization' ? [200, 201] : 403),
    run: async (k) =>
      (
        await call(srv.url, 'PUT', '/v1/workspaces/ws2/secrets/OPENAI_API_KEY', {
          key: k,
          body: { value: 'sk-x' },
        })
      ).status,
  },
  {
    route: 'GET /v1/workspaces/ws1/secrets',
    expect: (s, r) => (reader(r) && s !== 'team' ? 200 : 403),
    run: async (k) => (await call(srv.url, 'GET', '/v1/workspaces/ws1/secrets', { key: k })).status,
  },
  {
    route: 'DELETE /v1/workspaces/ws1/secrets/GROQ_API_KEY',
    expect: (s, r) => (writer(r) && s !== 'team' ? 204 : 403),
    run: async (k) => {
      const put = await call(srv.url, 'PUT', '/v1/workspaces/ws1/secrets/GROQ_API_KEY', {
        key: srv.key,
        body: { value: 'gsk' },
      });
      expect([200, 201]).toContain(put.status);
      return (await call(srv.url, 'DELETE', '/v1/workspaces/ws1/secrets/GROQ_API_KEY', { key: k })).status;
    },
  },
  {
    route: 'GET /v1/secrets-manager',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: async (k) => (await call(srv.url, 'GET', '/v1/secrets-manager', { key: k })).status,
  },
  {
    route: 'PUT /v1/secrets-manager',
    expect: (s, r) => (writer(r) && s === 'organization' ? 200 : 403),
    run: async (k) =>
      (
        await call(srv.url, 'PUT', '/v1/secrets-manager', {
          key: k,
          body: { backend: 'DB', cache: { ttlSeconds: 0 } },
        })
      ).status,
  },
  {
    route: 'POST /v1/api-keys (runtime, own scope)',
    expect: (_s, r) => (writer(r) ? 201 : 403),
    run: async (k, s) =>
      (
        await call(srv.url, 'POST', '/v1/api-keys', {
          key: k,
          body: { name: fresh(), role: 'runtime', scope: own(s) },
        })
      ).status,
  },
  {
    route: 'POST /v1/api-keys (owner, own scope)',
    expect: (_s, r) => (r === 'owner' ? 201 : 403),
    run: async (k, s) =>
      (
        await call(srv.url, 'POST', '/v1/api-keys', {
          key: k,
          body: { name: fresh(), role: 'owner', scope: own(s) },
        })
      ).status,
  },
  {
    route: 'GET /v1/api-keys',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: async (k) => (await call(srv.url, 'GET', '/v1/api-keys', { key: k })).status,
  },
  {
    route: 'GET /v1/audit/events',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: async (k) => (await call(srv.url, 'GET', '/v1/audit/events', { key: k })).status,
  },
  {
    route: 'GET /v1/audit/secret-reads',
    expect: (_s, r) => (reader(r) ? 200 : 403),
    run: async (k) => (await call(srv.url, 'GET', '/v1/audit/secret-reads', { key: k })).status,
  },
];

describe('authorization matrix', () => {
  const rows = CASES.flatMap((c) => SCOPES.flatMap((s) => ROLES.map((r) => ({ c, scope: s.type, role: r }))));
  it.each(rows.map((x) => [`${x.c.route} as ${x.scope} ${x.role}`, x] as const))('%s', async (_label, x) => {
    const want = x.c.expect(x.scope, x.role);
    const got = await x.c.run(keyOf(x.scope, x.role), x.scope, x.role);
    if (Array.isArray(want)) expect(want).toContain(got);
    else expect(got).toBe(want);
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
    const otherTeam = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: k,
      body: { workspaceId: 'ws1', teamId: 't2', names: ['SEEDED'] },
    });
    expect(otherTeam.status).toBe(403);
    expect(otherTeam.json.errors).toEqual([
      { pointer: '/teamId', detail: 'is not accepted from a workspace-scoped key' },
    ]);
  });

  it('a team key resolves team and organization secrets only, never a workspace layer', async () => {
    const r = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: keyOf('team', 'runtime'),
      body: { workspaceId: 'ws1', teamId: 't1', names: ['SEEDED'] },
    });
    expect(r.status).toBe(200);
    expect(r.json.items[0]).toMatchObject({ source: 'team', scope: { type: 'team', id: 't1' } });
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
  it('refuses to revoke the last organization owner key, allows it once another exists', async () => {
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
      expect((await call(s.url, 'DELETE', `/v1/api-keys/${me.id}`, { key: other.json.token })).status).toBe(
        204,
      );
      expect((await call(s.url, 'GET', '/v1/secrets', { key: s.key })).status).toBe(401);
    } finally {
      await s.cleanup();
    }
  });
});
