// coffer.organizations, coffer.teams and coffer.workspaces on the wire (a scripted server): the method, path,
// query and headers each call sends, what it makes of the answer, and what it refuses before sending.
import { afterEach, describe, expect, it } from 'vitest';
import {
  Coffer,
  ConflictError,
  PreconditionFailedError,
  type Team,
  ValidationError,
  type Workspace,
} from '../src/index.ts';
import { API_KEY, json, problem, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
let coffer: Coffer | undefined;
afterEach(async () => {
  await coffer?.close();
  await server?.close();
  coffer = server = undefined;
});

const AT = '2026-11-01T09:00:00Z';
const ORG = { id: 'acme', name: 'Acme Corp', createdAt: AT, updatedAt: AT, revision: 1 };
const TEAM: Team = {
  id: 'payments',
  organizationId: 'acme',
  name: 'payments',
  createdAt: AT,
  updatedAt: AT,
  revision: 1,
};
const WS: Workspace = {
  id: 'ws-1',
  organizationId: 'acme',
  teamId: 'payments',
  name: 'ws-1',
  createdAt: AT,
  updatedAt: AT,
  revision: 1,
};

/** A server that answers `body` with `status` to everything, and the client on it (no retries). */
async function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  server = await startServer((_req, res) => {
    if (status !== 204) return json(res, status, body, headers);
    res.writeHead(204, { 'x-request-id': 'req_x' });
    res.end();
  });
  coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 });
  return coffer;
}

const sent = () => {
  const r = server?.seen.at(-1);
  if (!r) throw new Error('nothing was sent');
  return { method: r.method, url: r.url, headers: r.headers, body: r.body ? JSON.parse(r.body) : undefined };
};

describe('organizations', () => {
  it('create POSTs the body with an Idempotency-Key and answers the organization', async () => {
    const c = await answering(201, ORG, { etag: '"1"' });
    const res = await c.organizations.create({ id: 'acme', name: 'Acme Corp' }).withResponse();
    expect(res.data).toEqual(ORG);
    expect(res.response.headers.get('etag')).toBe('"1"');
    const s = sent();
    expect(s).toMatchObject({
      method: 'POST',
      url: '/v1/organizations',
      body: { id: 'acme', name: 'Acme Corp' },
    });
    expect(s.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('get, update with If-Match, delete with and without cascade', async () => {
    const c = await answering(200, { ...ORG, revision: 2 });
    await expect(c.organizations.get('acme')).resolves.toEqual({ ...ORG, revision: 2 });
    expect(sent()).toMatchObject({ method: 'GET', url: '/v1/organizations/acme' });
    await c.organizations.update('acme', { name: 'Acme Corporation' }, { ifMatch: 1 });
    expect(sent()).toMatchObject({
      method: 'PATCH',
      url: '/v1/organizations/acme',
      headers: { 'if-match': '"1"' },
      body: { name: 'Acme Corporation' },
    });
    await c.organizations.delete('acme');
    expect(sent()).toMatchObject({ method: 'DELETE', url: '/v1/organizations/acme' });
    await c.organizations.delete('acme', { cascade: true });
    expect(sent()).toMatchObject({ method: 'DELETE', url: '/v1/organizations/acme?cascade=true' });
  });

  it('refuses invalid ids and names before sending, with the pointers the server uses', async () => {
    const c = await answering(200, ORG);
    const pointers = (call: () => unknown) => {
      try {
        call();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).errors.map((x) => x.pointer);
      }
      throw new Error('expected a ValidationError');
    };
    expect(pointers(() => c.organizations.create({} as never))).toEqual(['/id']);
    expect(pointers(() => c.organizations.create({ id: '-acme', name: ' padded' }))).toEqual([
      '/id',
      '/name',
    ]);
    expect(pointers(() => c.organizations.create({ id: 'a', name: 'x'.repeat(129) }))).toEqual(['/name']);
    expect(pointers(() => c.organizations.get(''))).toEqual(['/path/organizationId', '/path/organizationId']);
    expect(pointers(() => c.organizations.get('a/b'))).toEqual(['/path/organizationId']);
    expect(pointers(() => c.organizations.update('acme', { name: '' }))).toEqual(['/name']);
    expect(pointers(() => c.organizations.delete('../x'))).toEqual(['/path/organizationId']);
    expect(pointers(() => c.organizations.list({ limit: 0 }))).toEqual(['/query/limit']);
    expect(server?.seen).toHaveLength(0);
  });
});

describe('teams', () => {
  it('create, list (every page), get, update, delete', async () => {
    server = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname === '/v1/teams') {
        const page = url.searchParams.get('cursor');
        return json(res, 200, {
          items: [{ ...TEAM, id: page ? 'risk' : 'payments' }],
          nextCursor: page ? null : 'c1',
        });
      }
      if (req.method === 'DELETE')
        return problem(res, 409, { detail: 'Team payments still holds 2 secrets' });
      json(res, req.method === 'POST' ? 201 : 200, TEAM);
    });
    const c = new Coffer({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 });
    coffer = c;
    await expect(c.teams.create({ id: 'payments' })).resolves.toEqual(TEAM);
    expect(sent()).toMatchObject({ method: 'POST', url: '/v1/teams', body: { id: 'payments' } });
    expect((await c.teams.list({ limit: 1 }).toArray()).map((t) => t.id)).toEqual(['payments', 'risk']);
    expect(server.seen.slice(-2).map((r) => r.url)).toEqual([
      '/v1/teams?limit=1',
      '/v1/teams?limit=1&cursor=c1',
    ]);
    await c.teams.get('payments');
    expect(sent()).toMatchObject({ method: 'GET', url: '/v1/teams/payments' });
    await c.teams.update('payments', { name: 'Payments platform' }, { ifMatch: '"3"' });
    expect(sent()).toMatchObject({
      method: 'PATCH',
      url: '/v1/teams/payments',
      headers: { 'if-match': '"3"' },
    });
    const err = await c.teams.delete('payments').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toContain('still holds 2 secrets');
    expect(sent()).toMatchObject({ method: 'DELETE', url: '/v1/teams/payments' });
    await c.teams.delete('payments', { cascade: true }).catch(() => undefined);
    expect(sent().url).toBe('/v1/teams/payments?cascade=true');
  });

  it('refuses an invalid team or organization id before sending', async () => {
    const c = await answering(201, TEAM);
    expect(() => c.teams.create({ id: 'payments', organizationId: 'no spaces' })).toThrow(/\/organizationId/);
    expect(() => c.teams.create({ id: '' })).toThrow(/\/id/);
    expect(() => c.teams.update('pay ments', { name: 'x' })).toThrow(/\/path\/teamId/);
    expect(() => c.teams.delete('')).toThrow(ValidationError);
    expect(server?.seen).toHaveLength(0);
  });
});

describe('workspaces', () => {
  it('create with a team or none, list filtered by team, get', async () => {
    const c = await answering(201, WS);
    await c.workspaces.create({ id: 'ws-1', teamId: 'payments' });
    expect(sent()).toMatchObject({
      method: 'POST',
      url: '/v1/workspaces',
      body: { id: 'ws-1', teamId: 'payments' },
    });
    await c.workspaces.create({ id: 'ws-2', teamId: null, name: 'Loose' });
    expect(sent().body).toEqual({ id: 'ws-2', teamId: null, name: 'Loose' });
    await c.workspaces.get('ws-1');
    expect(sent()).toMatchObject({ method: 'GET', url: '/v1/workspaces/ws-1' });
  });

  it('list passes the team filter on every page', async () => {
    server = await startServer((req, res) => {
      const cursor = new URL(req.url ?? '/', 'http://x').searchParams.get('cursor');
      json(res, 200, { items: [{ ...WS, id: cursor ? 'ws-2' : 'ws-1' }], nextCursor: cursor ? null : 'n' });
    });
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 });
    const ids = (await coffer.workspaces.list({ teamId: 'payments' }).toArray()).map((w) => w.id);
    expect(ids).toEqual(['ws-1', 'ws-2']);
    expect(server.seen.map((r) => r.url)).toEqual([
      '/v1/workspaces?teamId=payments',
      '/v1/workspaces?teamId=payments&cursor=n',
    ]);
  });

  it('update moves to another team (or none) with If-Match; a stale one is a PreconditionFailedError', async () => {
    server = await startServer((req, res) =>
      req.headers['if-match'] === '"1"'
        ? problem(res, 412, { detail: 'Workspace ws-1 is at revision 2.' })
        : json(res, 200, { ...WS, teamId: 'risk', revision: 2 }),
    );
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 });
    const moved = await coffer.workspaces.update('ws-1', { teamId: 'risk' }, { ifMatch: 2 });
    expect(moved.teamId).toBe('risk');
    expect(sent()).toMatchObject({
      method: 'PATCH',
      url: '/v1/workspaces/ws-1',
      headers: { 'if-match': '"2"' },
      body: { teamId: 'risk' },
    });
    await coffer.workspaces.update('ws-1', { teamId: null });
    expect(sent().body).toEqual({ teamId: null });
    expect(sent().headers['if-match']).toBeUndefined();
    await expect(coffer.workspaces.update('ws-1', { name: 'late' }, { ifMatch: 1 })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('delete sends cascade only when asked', async () => {
    const c = await answering(204, undefined);
    await expect(c.workspaces.delete('ws-1')).resolves.toBeUndefined();
    expect(sent()).toMatchObject({ method: 'DELETE', url: '/v1/workspaces/ws-1' });
    await c.workspaces.delete('ws-1', { cascade: true });
    expect(sent().url).toBe('/v1/workspaces/ws-1?cascade=true');
  });

  it('refuses invalid ids, team ids and names before sending', async () => {
    const c = await answering(200, WS);
    expect(() => c.workspaces.create({ id: 'ws 1' })).toThrow(/\/id: must match/);
    expect(() => c.workspaces.create({ id: 'ws-1', teamId: '' })).toThrow(/\/teamId/);
    expect(() => c.workspaces.update('ws-1', { teamId: 'a/b' })).toThrow(/\/teamId/);
    expect(() => c.workspaces.update('ws-1', { name: 'trailing ' })).toThrow(/\/name/);
    expect(() => c.workspaces.list({ teamId: '-x' })).toThrow(/\/query\/teamId/);
    expect(() => c.workspaces.get('')).toThrow(/\/path\/workspaceId/);
    expect(() => c.workspaces.delete('ws/1')).toThrow(/\/path\/workspaceId/);
    expect(server?.seen).toHaveLength(0);
  });
});

describe('secrets.resolve', () => {
  it('sends no teamId unless given (deprecated; still checked when given)', async () => {
    const c = await answering(200, { items: [], missing: ['X'] });
    await c.secrets.resolve({ workspaceId: 'ws-1', names: ['X'] });
    expect(sent().body).toEqual({ workspaceId: 'ws-1', names: ['X'] });
    await c.secrets.resolve({ workspaceId: 'ws-1', teamId: 'payments', names: ['X'] });
    expect(sent().body).toEqual({ workspaceId: 'ws-1', teamId: 'payments', names: ['X'] });
    expect(() => c.secrets.resolve({ workspaceId: 'ws-1', teamId: 'no good', names: ['X'] })).toThrow(
      /\/teamId/,
    );
  });
});
