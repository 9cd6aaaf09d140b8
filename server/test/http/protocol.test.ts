/** Routing and validation from the spec: problem details with pointers, 404/405, X-Request-Id. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv?.cleanup();
});

function expectProblem(
  r: { status: number; headers: Headers; json: Record<string, unknown> },
  status: number,
) {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toBe('application/problem+json');
  expect(r.json).toMatchObject({ status, type: expect.stringMatching(/^https:\/\/coffer\.dev\/problems\//) });
  expect(r.json.requestId).toBe(r.headers.get('x-request-id'));
}

describe('validation from the spec', () => {
  it('answers 422 with one JSON pointer per bad body field, unknown fields included', async () => {
    const r = await call(srv.url, 'POST', '/v1/secrets', {
      key: srv.key,
      body: { name: '9starts-with-digit', scope: { type: 'galaxy', id: 'ws1' }, value: '', colour: 'red' },
    });
    expectProblem(r, 422);
    const pointers = r.json.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/colour', '/name', '/scope/type', '/value']);
    const scopeErr = r.json.errors.find((e: { pointer: string }) => e.pointer === '/scope/type');
    expect(scopeErr.allowed).toEqual(['organization', 'team', 'workspace']);
    expect(r.json.instance).toBe('/v1/secrets');
  });

  it('points at missing required fields', async () => {
    const r = await call(srv.url, 'POST', '/v1/secrets:resolve', { key: srv.key, body: { names: [] } });
    expectProblem(r, 422);
    const pointers = r.json.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/names', '/workspaceId']);
  });

  it('answers 400 for bad query, path and header parameters with /query, /path and /header pointers', async () => {
    const q = await call(srv.url, 'GET', '/v1/secrets?limit=0&category=nope', { key: srv.key });
    expectProblem(q, 400);
    expect(q.json.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/query/category',
      '/query/limit',
    ]);
    const unknown = await call(srv.url, 'GET', '/v1/secrets?colour=red', { key: srv.key });
    expectProblem(unknown, 400);
    expect(unknown.json.errors[0].pointer).toBe('/query/colour');
    const p = await call(srv.url, 'GET', '/v1/secrets/not-a-uuid', { key: srv.key });
    expectProblem(p, 400);
    expect(p.json.errors[0].pointer).toBe('/path/secretId');
    const h = await call(srv.url, 'POST', '/v1/api-keys', {
      key: srv.key,
      headers: { 'idempotency-key': 'x'.repeat(300) },
      body: { name: 'k', role: 'member', scope: { type: 'team', id: 't' } },
    });
    expectProblem(h, 400);
    expect(h.json.errors[0].pointer).toBe('/header/Idempotency-Key');
  });

  it('answers 400 for a body that is not JSON, without quoting it', async () => {
    const r = await call(srv.url, 'POST', '/v1/secrets', {
      key: srv.key,
      body: '{"value":"hunter2-not-json',
    });
    expectProblem(r, 400);
    expect(r.text).not.toContain('hunter2');
    const ct = await call(srv.url, 'POST', '/v1/secrets', {
      key: srv.key,
      body: '{}',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(ct, 400);
    const none = await call(srv.url, 'POST', '/v1/secrets', { key: srv.key });
    expectProblem(none, 400);
  });

  it('answers 400 with the allowed list for an unknown override key (an enum in the spec)', async () => {
    const r = await call(srv.url, 'PUT', '/v1/workspaces/ws1/secrets/MY_KEY', {
      key: srv.key,
      body: { value: 'x' },
    });
    expectProblem(r, 400);
    expect(r.json.errors[0]).toMatchObject({ pointer: '/path/key' });
    expect(r.json.errors[0].allowed).toContain('OPENAI_API_KEY');
  });
});

describe('routing', () => {
  it('answers 404 problem details for unknown routes, including near misses', async () => {
    for (const path of ['/v1/nothing', '/v1/secrets/', '/secrets', '/v2/secrets', '/v1/secrets:frobnicate']) {
      expectProblem(await call(srv.url, 'GET', path, { key: srv.key }), 404);
    }
  });

  it('answers 405 with Allow for a known route and a wrong method', async () => {
    const r = await call(srv.url, 'PUT', '/v1/secrets', { key: srv.key, body: {} });
    expectProblem(r, 405);
    expect(r.headers.get('allow')).toBe('GET, POST');
    const d = await call(srv.url, 'DELETE', '/v1/healthz');
    expectProblem(d, 405);
    expect(d.headers.get('allow')).toBe('GET');
  });

  it('serves health without a key, everything else needs one', async () => {
    expect((await call(srv.url, 'GET', '/v1/healthz')).json).toEqual({ status: 'ok' });
    expect((await call(srv.url, 'GET', '/v1/readyz')).json).toEqual({
      status: 'ok',
      checks: { store: 'ok', backend: 'ok' },
    });
    expectProblem(await call(srv.url, 'GET', '/v1/secrets-manager'), 401);
  });
});

describe('X-Request-Id', () => {
  it("is on every response, always the server's own; a well-formed client id is echoed beside it", async () => {
    const statuses = new Set<number>();
    for (const [m, p] of [
      ['GET', '/v1/healthz'],
      ['GET', '/v1/secrets'],
      ['GET', '/nope'],
      ['PATCH', '/v1/healthz'],
    ] as const) {
      const r = await call(srv.url, m, p, { key: srv.key });
      statuses.add(r.status);
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(statuses).toEqual(new Set([200, 404, 405]));
    // The id is always the server's own; a well-formed client id is echoed beside it, never adopted.
    const echoed = await call(srv.url, 'GET', '/v1/healthz', { headers: { 'x-request-id': 'trace-42.a' } });
    expect(echoed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(echoed.headers.get('x-client-request-id')).toBe('trace-42.a');
    const replaced = await call(srv.url, 'GET', '/v1/healthz', {
      headers: { 'x-request-id': 'bad id\u00e9' },
    });
    expect(replaced.headers.get('x-request-id')).not.toContain('bad');
    expect(replaced.headers.get('x-client-request-id')).toBeNull();
  });

  it('is on a 413 for an oversized body too', async () => {
    const big = JSON.stringify({ value: 'x'.repeat(1024 * 1024 + 10) });
    const r = await call(srv.url, 'POST', '/v1/secrets', { key: srv.key, body: big });
    expectProblem(r, 413);
    expect(r.json.type).toBe('https://coffer.dev/problems/payload-too-large');
  });

  it('answers a request node:http cannot parse with problem details and an id, and keeps serving', async () => {
    const raw = await new Promise<string>((resolve) => {
      let got = '';
      const s = connect(srv.port, '127.0.0.1', () => s.write('GARBAGE\r\n\r\n'));
      s.on('data', (d) => {
        got += d.toString();
      });
      s.on('close', () => resolve(got));
      s.on('error', () => resolve(got));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toMatch(/x-request-id: [0-9a-f-]{36}/);
    expect(raw).toContain('"status":400');
    expect((await call(srv.url, 'GET', '/v1/healthz')).status).toBe(200);
  });
});
