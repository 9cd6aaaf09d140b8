/**
 * Hostile inputs over real HTTP that the authorization and tenancy suites do not reach: bodies and queries
 * shaped to trip the parser or one of the stores. Each answer must be a clear 400/422 with the field's
 * pointer, and nothing may be written.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/http/authenticate.ts';
import { type InProcessServer, startInProcess } from '../support/in-process.ts';
import { call, startServer, type TestServer } from '../support/server.ts';
import { STORE_KINDS, type StoreKind, skipKind } from '../support/stores.ts';

/** A `coffer serve` on `kind` for the describe block that calls this, started before its tests (unless skipped). */
function serverFor(kind: StoreKind): TestServer {
  const srv = {} as TestServer;
  beforeAll(async () => {
    if (!skipKind(kind)) Object.assign(srv, await startServer({ kind }));
  });
  afterAll(async () => {
    await srv.cleanup?.();
  });
  return srv;
}

describe.each(STORE_KINDS)('a NUL character in a stored text field (%s)', (kind) => {
  const srv = serverFor(kind);

  it.skipIf(skipKind(kind))(
    'answers 400 on the field and writes nothing (PostgreSQL text cannot hold it: it was a 500 there, and stored as-is on SQLite)',
    async () => {
      const team = await call(srv.url, 'POST', '/v1/teams', {
        key: srv.key,
        body: { id: 'nul-team', name: 'a\u0000b' },
      });
      expect(team.status, team.text).toBe(400);
      expect(team.json.errors).toEqual([{ pointer: '/name', detail: 'holds a NUL character (U+0000)' }]);
      expect((await call(srv.url, 'GET', '/v1/teams/nul-team', { key: srv.key })).status).toBe(404);

      const secret = await call(srv.url, 'POST', '/v1/secrets', {
        key: srv.key,
        body: {
          name: 'NUL_DESCRIPTION',
          scope: { type: 'organization', id: 'acme' },
          value: 'v',
          description: 'x\u0000',
        },
      });
      expect(secret.status, secret.text).toBe(400);
      expect(secret.json.errors).toEqual([
        { pointer: '/description', detail: 'holds a NUL character (U+0000)' },
      ]);
      const listed = await call(srv.url, 'GET', '/v1/secrets', { key: srv.key });
      expect(listed.json.items.map((s: { name: string }) => s.name)).not.toContain('NUL_DESCRIPTION');

      const org = await call(srv.url, 'PATCH', '/v1/organizations/acme', {
        key: srv.key,
        body: { name: '\u0000' },
      });
      expect(org.status, org.text).toBe(400);
      expect(org.json.errors?.[0]?.pointer).toBe('/name');
    },
  );

  it.skipIf(skipKind(kind))(
    'still stores and resolves a secret value holding NUL (values are encrypted, never text columns)',
    async () => {
      const created = await call(srv.url, 'POST', '/v1/secrets', {
        key: srv.key,
        body: { name: 'NUL_VALUE', scope: { type: 'organization', id: 'acme' }, value: 'a\u0000b' },
      });
      expect(created.status, created.text).toBe(201);
      const ws = await call(srv.url, 'POST', '/v1/workspaces', { key: srv.key, body: { id: 'nul-ws' } });
      expect(ws.status).toBe(201);
      const r = await call(srv.url, 'POST', '/v1/secrets:resolve', {
        key: srv.key,
        body: { workspaceId: 'nul-ws', names: ['NUL_VALUE'] },
      });
      expect(r.status).toBe(200);
      expect(r.json.items[0].value).toBe('a\u0000b');
    },
  );
});

describe.each(STORE_KINDS)('a date-time outside the years 0001-9999 (%s)', (kind) => {
  const srv = serverFor(kind);

  it.skipIf(skipKind(kind))(
    'answers 422 on /expiresAt (400 on /query/from) and writes nothing: year 0 was a 500 on PostgreSQL and stored on SQLite',
    async () => {
      const unrepresentable = { detail: 'is not a representable date-time' };
      for (const at of ['0000-01-01T00:00:00Z', '0001-01-01T00:30:00+01:00', '9999-12-31T23:59:59-23:59']) {
        const key = await call(srv.url, 'POST', '/v1/api-keys', {
          key: srv.key,
          body: { name: 'dated', role: 'member', scope: { type: 'organization', id: 'acme' }, expiresAt: at },
        });
        // Never the text: a wrong 201 would carry a token.
        expect(key.status, at).toBe(422);
        expect(key.json.errors).toEqual([{ pointer: '/expiresAt', ...unrepresentable }]);
        const secret = await call(srv.url, 'POST', '/v1/secrets', {
          key: srv.key,
          body: { name: 'DATED', scope: { type: 'organization', id: 'acme' }, value: 'v', expiresAt: at },
        });
        expect(secret.status, `${at}: ${secret.text}`).toBe(422);
        expect(secret.json.errors).toEqual([{ pointer: '/expiresAt', ...unrepresentable }]);
        const audit = await call(srv.url, 'GET', `/v1/audit/events?from=${encodeURIComponent(at)}`, {
          key: srv.key,
        });
        expect(audit.status, `${at}: ${audit.text}`).toBe(400);
        expect(audit.json.errors).toEqual([{ pointer: '/query/from', ...unrepresentable }]);
      }
      const keys = await call(srv.url, 'GET', '/v1/api-keys', { key: srv.key });
      expect(keys.json.items.map((k: { name: string }) => k.name)).not.toContain('dated');
      expect((await call(srv.url, 'GET', '/v1/secrets', { key: srv.key })).json.items).toEqual([]);
      // The ends of the range still work.
      for (const at of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z']) {
        const key = await call(srv.url, 'POST', '/v1/api-keys', {
          key: srv.key,
          body: { name: 'edge', role: 'member', scope: { type: 'organization', id: 'acme' }, expiresAt: at },
        });
        expect(key.status, at).toBe(201);
        expect(key.json.expiresAt).toBe(new Date(at).toISOString());
      }
    },
  );
});

describe('query strings and headers', () => {
  const srv = serverFor('sqlite');

  it('a __proto__ parameter is an unknown parameter like any other, not the prototype of the parsed query', async () => {
    for (const q of ['__proto__=x', '__proto__=x&__proto__=y', 'limit=5&__proto__=x']) {
      const r = await call(srv.url, 'GET', `/v1/secrets?${q}`, { key: srv.key });
      expect(r.status, q).toBe(400);
      expect(r.json.errors, q).toEqual([{ pointer: '/query/__proto__', detail: 'unknown field' }]);
    }
    const r = await call(srv.url, 'GET', '/v1/audit/events?constructor=1', { key: srv.key });
    expect(r.json.errors).toEqual([{ pointer: '/query/constructor', detail: 'unknown field' }]);
  });

  it('two Idempotency-Key headers answer 400 on it and run nothing (a proxy adding its own would make every retry new)', async () => {
    const { port } = new URL(srv.url);
    const body = JSON.stringify({ id: 'twice-keyed' });
    const status = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: Number(port),
          method: 'POST',
          path: '/v1/teams',
          headers: {
            authorization: `Bearer ${srv.key}`,
            'content-type': 'application/json',
            'idempotency-key': ['retry-1', 'proxy-2'],
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status.status, status.text).toBe(400);
    expect(JSON.parse(status.text).errors).toEqual([
      { pointer: '/header/Idempotency-Key', detail: 'must appear once' },
    ]);
    expect((await call(srv.url, 'GET', '/v1/teams/twice-keyed', { key: srv.key })).status).toBe(404);
  });
});

describe('JSON bodies', () => {
  const srv = serverFor('sqlite');

  it('a member name given twice answers 400 on it, whichever spelling, and writes nothing (parsers disagree on which one wins)', async () => {
    const bodies: Array<[string, string]> = [
      ['{"name":"DUP_A","name":"DUP_B","scope":{"type":"organization","id":"acme"},"value":"v"}', '/name'],
      [
        '{"n\\u0061me":"DUP_A","name":"DUP_B","scope":{"type":"organization","id":"acme"},"value":"v"}',
        '/name',
      ],
      ['{"name":"DUP_A","scope":{"type":"organization","id":"acme","id":"globex"},"value":"v"}', '/scope/id'],
      ['{"name":"DUP_A","scope":{"type":"organization","id":"acme"},"value":"v","value":"w"}', '/value'],
    ];
    for (const [body, pointer] of bodies) {
      const r = await call(srv.url, 'POST', '/v1/secrets', { key: srv.key, body });
      expect(r.status, body).toBe(400);
      expect(r.json.errors, body).toEqual([{ pointer, detail: 'appears more than once in its object' }]);
      expect(r.text).not.toContain('"v"');
    }
    const listed = await call(srv.url, 'GET', '/v1/secrets', { key: srv.key });
    expect(listed.json.items).toEqual([]);
    // The same names in different objects, and the same value twice, are fine.
    const ok = await call(srv.url, 'POST', '/v1/secrets', {
      key: srv.key,
      body: '{"name":"id","scope":{"type":"organization","id":"acme"},"value":"id","description":"name"}',
    });
    expect(ok.status, ok.text).toBe(201);
  });
});

describe('an organization id used again after a delete', () => {
  const srv = serverFor('sqlite');

  const owner = async (name: string) => {
    const r = await call(srv.url, 'POST', '/v1/api-keys', {
      key: srv.key,
      body: { name, role: 'owner', scope: { type: 'organization', id: 'reused' } },
    });
    expect(r.status, r.text).toBe(201);
    return r.json.token as string;
  };

  it('does not show the new organization the audit records of the one that was deleted', async () => {
    expect(
      (await call(srv.url, 'POST', '/v1/organizations', { key: srv.key, body: { id: 'reused' } })).status,
    ).toBe(201);
    const first = await owner('first-tenant-owner');
    const made = await call(srv.url, 'POST', '/v1/secrets', {
      key: first,
      body: { name: 'FIRST_TENANT_SECRET', scope: { type: 'organization', id: 'reused' }, value: 'v' },
    });
    expect(made.status).toBe(201);
    expect(
      (await call(srv.url, 'POST', '/v1/workspaces', { key: first, body: { id: 'first-ws' } })).status,
    ).toBe(201);
    const read = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: first,
      body: { workspaceId: 'first-ws', names: ['FIRST_TENANT_SECRET'] },
    });
    expect(read.json.items).toHaveLength(1);
    expect((await call(srv.url, 'GET', '/v1/audit/secret-reads', { key: first })).json.items).toHaveLength(1);
    expect(
      (await call(srv.url, 'DELETE', '/v1/organizations/reused?cascade=true', { key: srv.key })).status,
    ).toBe(204);

    expect(
      (await call(srv.url, 'POST', '/v1/organizations', { key: srv.key, body: { id: 'reused' } })).status,
    ).toBe(201);
    const second = await owner('second-tenant-owner');
    const events = await call(srv.url, 'GET', '/v1/audit/events?limit=500', { key: second });
    expect(events.status).toBe(200);
    expect(events.text).not.toMatch(/FIRST_TENANT|first-ws|first-tenant-owner/);
    expect(events.json.items.map((e: { type: string }) => e.type)).toEqual(['api_key.created']);
    for (const q of ['', '?name=FIRST_TENANT_SECRET', '?from=2000-01-01T00:00:00Z']) {
      const r = await call(srv.url, 'GET', `/v1/audit/secret-reads${q}`, { key: second });
      expect(r.status, q).toBe(200);
      expect(r.json.items, q).toEqual([]);
    }
    for (const q of ['?name=FIRST_TENANT_SECRET', '?type=secret.created', '?from=2000-01-01T00:00:00Z']) {
      const e = await call(srv.url, 'GET', `/v1/audit/events${q}`, { key: second });
      expect(e.status, q).toBe(200);
      expect(e.text, q).not.toContain('FIRST_TENANT');
    }
    // The deployment still sees both organizations' lifecycle, and the new one its own reads.
    const deployment = await call(srv.url, 'GET', '/v1/audit/events?limit=500', { key: srv.key });
    const lifecycle = deployment.json.items
      .filter((e: { target: { id: string } }) => e.target.id === 'reused')
      .map((e: { type: string }) => e.type);
    expect(lifecycle).toEqual(['organization.created', 'organization.deleted', 'organization.created']);
    await call(srv.url, 'POST', '/v1/workspaces', { key: second, body: { id: 'second-ws' } });
    await call(srv.url, 'POST', '/v1/secrets', {
      key: second,
      body: { name: 'SECOND', scope: { type: 'organization', id: 'reused' }, value: 'w' },
    });
    await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: second,
      body: { workspaceId: 'second-ws', names: ['SECOND'] },
    });
    const reads = await call(srv.url, 'GET', '/v1/audit/secret-reads', { key: second });
    expect(reads.json.items.map((r: { secretName: string }) => r.secretName)).toEqual(['SECOND']);
  });
});

describe('a team or workspace id used again after a delete', () => {
  const srv = serverFor('sqlite');

  it('a key on the new one does not see the audit records of the one that was deleted', async () => {
    const post = (path: string, body: unknown) => call(srv.url, 'POST', path, { key: srv.key, body });
    const lifetime = async (n: number) => {
      expect((await post('/v1/teams', { id: 'again-team' })).status).toBe(201);
      expect((await post('/v1/workspaces', { id: 'again-ws', teamId: 'again-team' })).status).toBe(201);
      for (const [type, id] of [
        ['team', 'again-team'],
        ['workspace', 'again-ws'],
      ]) {
        const r = await post('/v1/secrets', { name: `LIFE_${n}_${type}`, scope: { type, id }, value: 'v' });
        expect(r.status).toBe(201);
      }
      const read = await call(srv.url, 'POST', '/v1/secrets:resolve', {
        key: srv.key,
        body: { workspaceId: 'again-ws', names: [`LIFE_${n}_team`, `LIFE_${n}_workspace`] },
      });
      expect(read.json.items).toHaveLength(2);
    };
    await lifetime(1);
    expect(
      (await call(srv.url, 'DELETE', '/v1/teams/again-team?cascade=true', { key: srv.key })).status,
    ).toBe(204);
    await lifetime(2);
    for (const scope of [
      { type: 'team', id: 'again-team' },
      { type: 'workspace', id: 'again-ws' },
    ]) {
      const minted = await post('/v1/api-keys', { name: `reader-${scope.type}`, role: 'member', scope });
      const key = minted.json.token as string;
      const events = await call(srv.url, 'GET', '/v1/audit/events?limit=500', { key });
      const reads = await call(srv.url, 'GET', '/v1/audit/secret-reads?limit=500', { key });
      expect(events.status).toBe(200);
      expect(events.text, scope.type).not.toContain('LIFE_1');
      expect(events.text, scope.type).toContain('LIFE_2');
      expect(reads.text, scope.type).not.toContain('LIFE_1');
      expect(reads.json.items.length, scope.type).toBeGreaterThan(0);
    }
    // The organization's own keys still see both lifetimes.
    const all = await call(srv.url, 'GET', '/v1/audit/events?limit=500', { key: srv.key });
    expect(all.text).toContain('LIFE_1');
  });
});

describe('a key left on a scope that was deleted', () => {
  let srv: InProcessServer;
  beforeAll(async () => {
    srv = await startInProcess();
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('is revoked when a scope with that id is created again, whoever creates it', async () => {
    const post = (path: string, body: unknown) => call(srv.url, 'POST', path, { key: srv.key, body });
    expect((await post('/v1/organizations', { id: 'gone-org' })).status).toBe(201);
    expect((await post('/v1/teams', { id: 'gone-team' })).status).toBe(201);
    expect((await post('/v1/workspaces', { id: 'gone-ws', teamId: 'gone-team' })).status).toBe(201);
    expect((await call(srv.url, 'DELETE', '/v1/teams/gone-team?cascade=true', { key: srv.key })).status).toBe(
      204,
    );
    expect((await call(srv.url, 'DELETE', '/v1/organizations/gone-org', { key: srv.key })).status).toBe(204);
    // What a key minted while its scope was being deleted leaves behind (the mint checked the scope just
    // before the delete committed): an unrevoked key on a scope that no longer exists.
    const leftovers: Array<[string, string, string]> = [
      ['organization', 'gone-org', 'gone-org'],
      ['team', 'gone-team', 'acme'],
      ['workspace', 'gone-ws', 'acme'],
    ];
    const tokens: string[] = [];
    for (const [scopeType, scopeId, organizationId] of leftovers) {
      const token = `cof_leftover_${scopeType}_0123456789abcdef`;
      await srv.running.store.apiKeys.create({
        name: `left-on-${scopeType}`,
        role: 'owner',
        scopeType: scopeType as 'organization' | 'team' | 'workspace',
        scopeId,
        organizationId,
        deployment: false,
        prefix: '',
        tokenHash: hashToken(token),
        expiresAt: null,
      });
      tokens.push(token);
    }
    expect((await post('/v1/organizations', { id: 'gone-org' })).status).toBe(201);
    expect((await post('/v1/teams', { id: 'gone-team' })).status).toBe(201);
    expect((await post('/v1/workspaces', { id: 'gone-ws', teamId: 'gone-team' })).status).toBe(201);
    for (const [i, token] of tokens.entries()) {
      const r = await call(srv.url, 'GET', '/v1/workspaces', { key: token });
      expect(r.status, leftovers[i]?.[0]).toBe(401);
    }
  });
});

describe('Idempotency-Key is per API key', () => {
  const srv = serverFor('sqlite');

  it("another key reusing a key's Idempotency-Key never gets its stored answer (a minted token)", async () => {
    const mint = async (key: string, body: unknown, headers: Record<string, string> = {}) =>
      call(srv.url, 'POST', '/v1/api-keys', { key, body, headers });
    const admin = async (org: string, name: string) => {
      const r = await mint(srv.key, { name, role: 'admin', scope: { type: 'organization', id: org } });
      expect(r.status, r.text).toBe(201);
      return r.json.token as string;
    };
    expect(
      (await call(srv.url, 'POST', '/v1/organizations', { key: srv.key, body: { id: 'other' } })).status,
    ).toBe(201);
    const a = await admin('acme', 'a');
    const b = await admin('acme', 'b');
    const foreign = await admin('other', 'c');
    const body = { name: 'ci', role: 'member', scope: { type: 'organization', id: 'acme' } };
    const headers = { 'idempotency-key': 'shared-key-1' };
    const first = await mint(a, body, headers);
    expect(first.status).toBe(201);
    const replay = await mint(a, body, headers);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json.token).toBe(first.json.token);

    const sameOrg = await mint(b, body, headers);
    expect(sameOrg.status).toBe(201);
    expect(sameOrg.headers.get('idempotent-replayed')).toBeNull();
    expect(sameOrg.json.token).not.toBe(first.json.token);
    const otherOrg = await mint(foreign, body, headers);
    expect(otherOrg.status).toBe(403);
    expect(otherOrg.text).not.toContain(first.json.token);
    // The same key on another operation is another request: 422, nothing replayed or run.
    const elsewhere = await call(srv.url, 'POST', '/v1/teams', {
      key: a,
      body: { id: 'idem-team' },
      headers,
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.json.errors[0].pointer).toBe('/header/Idempotency-Key');
    expect((await call(srv.url, 'GET', '/v1/teams/idem-team', { key: srv.key })).status).toBe(404);
  });
});

describe('audit filters and cursors', () => {
  const srv = serverFor('sqlite');

  it("a tenant's filters and hand-made cursors never reach failed logins, deployment events or another organization", async () => {
    const post = (key: string, path: string, body: unknown) => call(srv.url, 'POST', path, { key, body });
    expect((await post(srv.key, '/v1/organizations', { id: 'globex' })).status).toBe(201);
    const owner = async (org: string) =>
      (
        await post(srv.key, '/v1/api-keys', {
          name: `${org}-owner`,
          role: 'owner',
          scope: { type: 'organization', id: org },
        })
      ).json.token as string;
    const acme = await owner('acme');
    const globex = await owner('globex');
    expect(
      (
        await post(globex, '/v1/secrets', {
          name: 'GLOBEX_ONLY',
          scope: { type: 'organization', id: 'globex' },
          value: 'g',
        })
      ).status,
    ).toBe(201);
    expect(
      (await call(srv.url, 'GET', '/v1/secrets', { key: 'cof_not_a_real_token_000000000000' })).status,
    ).toBe(401);

    const b64 = (parts: string[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const newest = (await call(srv.url, 'GET', '/v1/audit/events?limit=1', { key: srv.key })).json.items[0];
    const queries = [
      '?type=auth.failed',
      '?type=organization.created',
      '?name=GLOBEX_ONLY',
      `?cursor=${b64(['9999-12-31T23:59:59.999Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff'])}`,
      `?cursor=${b64([newest.at, newest.id])}&limit=500`,
    ];
    for (const q of queries) {
      const r = await call(srv.url, 'GET', `/v1/audit/events${q}`, { key: acme });
      expect(r.status, q).toBe(200);
      if (q.includes('9999')) expect(r.json.items.length, q).toBeGreaterThan(0);
      for (const e of r.json.items) {
        expect(e.type, q).not.toMatch(/^(auth\.failed|organization\.)/);
        expect(e.target.scope, q).toEqual({ type: 'organization', id: 'acme' });
      }
      expect(r.text, q).not.toContain('GLOBEX_ONLY');
    }
    // The deployment key does see the failed login and the organization's creation.
    const deployment = await call(srv.url, 'GET', '/v1/audit/events?type=auth.failed', { key: srv.key });
    expect(deployment.json.items).toHaveLength(1);
  });
});

describe.each(STORE_KINDS)('writes racing a workspace delete (%s)', (kind) => {
  const srv = serverFor(kind);

  it.skipIf(skipKind(kind))(
    'leave nothing for the next holder of the id: another organization re-creating it resolves none of the values',
    async () => {
      const as = (key: string) => (method: string, path: string, body?: unknown) =>
        call(srv.url, method, path, { key, body });
      const acme = as(srv.key);
      expect((await acme('POST', '/v1/organizations', { id: 'next-holder' })).status).toBe(201);
      const minted = await acme('POST', '/v1/api-keys', {
        name: 'next-owner',
        role: 'owner',
        scope: { type: 'organization', id: 'next-holder' },
      });
      const other = as(minted.json.token as string);
      const names = ['RACE_0', 'RACE_1', 'RACE_2', 'RACE_3', 'RACE_4', 'RACE_5'];
      let deleted = 0;
      for (let round = 0; round < 12; round++) {
        const id = `raced-${round}`;
        expect((await acme('POST', '/v1/workspaces', { id })).status).toBe(201);
        const later = <T>(ms: number, f: () => Promise<T>) => new Promise((r) => setTimeout(r, ms)).then(f);
        const results = await Promise.all([
          ...names.map((name, i) =>
            later(i, () =>
              acme('POST', '/v1/secrets', { name, scope: { type: 'workspace', id }, value: 'acme-only' }),
            ),
          ),
          later(3, () => acme('PUT', `/v1/workspaces/${id}/secrets/OPENAI_API_KEY`, { value: 'acme-only' })),
          later(2, () => acme('DELETE', `/v1/workspaces/${id}?cascade=true`)),
        ]);
        const del = results[results.length - 1] as { status: number };
        // A delete that met a write in flight may refuse (409) and leave the workspace whole: then it stays acme's.
        expect([204, 409]).toContain(del.status);
        if (del.status !== 204) continue;
        deleted++;
        expect((await other('POST', '/v1/workspaces', { id })).status).toBe(201);
        const r = await other('POST', '/v1/secrets:resolve', {
          workspaceId: id,
          names: [...names, 'OPENAI_API_KEY'],
        });
        expect(r.status).toBe(200);
        expect(r.text).not.toContain('acme-only');
        expect(r.json.items).toEqual([]);
        const listed = await other('GET', `/v1/secrets?scopeType=workspace&scopeId=${id}`);
        expect(listed.json.items).toEqual([]);
      }
      expect(deleted).toBeGreaterThan(0);
    },
  );
});
