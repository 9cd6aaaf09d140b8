/**
 * Secret values and tokens never appear in logs, error bodies or (in clear) on disk: every write path and
 * every error path is driven with a recognisable value while the server's whole output is captured.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';
import { createScopes } from '../support/tenancy.ts';

let srv: TestServer;
const marker = () => `sv${randomBytes(12).toString('hex')}`;
const planted: string[] = [];
const nonResolveBodies: string[] = [];

beforeAll(async () => {
  srv = await startServer({ env: { COFFER_LOG_LEVEL: 'debug' } });
  await createScopes(srv.url, srv.key, { workspaces: ['w1'] });
});
afterAll(async () => {
  await srv?.cleanup();
});

async function send(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const r = await call(srv.url, method, path, {
    key: srv.key,
    ...(body !== undefined ? { body } : {}),
    ...(headers ? { headers } : {}),
  });
  if (!path.endsWith(':resolve') || r.status >= 400) nonResolveBodies.push(r.text);
  return r;
}

describe('redaction', () => {
  it('keeps values out of every response but resolve, out of the log, and out of the database files', async () => {
    const v = marker();
    planted.push(v);
    const created = await send(
      'POST',
      '/v1/secrets',
      { name: 'LEAK_TEST', scope: { type: 'workspace', id: 'w1' }, value: v },
      { 'idempotency-key': 'leak-1' },
    );
    expect(created.status).toBe(201);
    await send(
      'POST',
      '/v1/secrets',
      { name: 'LEAK_TEST', scope: { type: 'workspace', id: 'w1' }, value: v },
      { 'idempotency-key': 'leak-1' },
    );
    const id = created.json.id;

    // Error paths that carry the value: conflict, stale If-Match, idempotency mismatch, schema errors, bad JSON.
    expect(
      (
        await send('POST', '/v1/secrets', {
          name: 'LEAK_TEST',
          scope: { type: 'workspace', id: 'w1' },
          value: v,
        })
      ).status,
    ).toBe(409);
    const v2 = marker();
    planted.push(v2);
    expect((await send('PATCH', `/v1/secrets/${id}`, { value: v2 }, { 'if-match': '"9"' })).status).toBe(412);
    expect(
      (
        await send(
          'POST',
          '/v1/secrets',
          { name: 'LEAK_TEST', scope: { type: 'workspace', id: 'w1' }, value: v2 },
          { 'idempotency-key': 'leak-1' },
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await send('POST', '/v1/secrets', {
          name: 'LEAK_2',
          scope: { type: 'workspace', id: 'w1' },
          value: v,
          extra: v,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await send('POST', '/v1/secrets', {
          name: 'LEAK_2',
          scope: { type: 'nope', id: 'w1' },
          value: `${v}${'x'.repeat(65536)}`,
        })
      ).status,
    ).toBe(422);
    expect((await send('POST', '/v1/secrets', `{"name":"LEAK_3","value":"${v}"`)).status).toBe(400);
    expect((await send('PUT', '/v1/workspaces/w1/secrets/UNKNOWN_KEY', { value: v })).status).toBe(400);
    expect(
      (await send('PUT', '/v1/workspaces/w1/secrets/OPENAI_API_KEY', { value: v, expiresInDays: 0 })).status,
    ).toBe(422);
    expect((await send('PATCH', `/v1/secrets/${id}`, { value: v2 })).status).toBe(200);
    expect((await send('PUT', '/v1/workspaces/w1/secrets/OPENAI_API_KEY', { value: v })).status).toBe(201);
    const token = marker();
    planted.push(token);
    expect(
      (
        await send('PUT', '/v1/secrets-manager', {
          backend: 'VAULT',
          vault: { address: 'https://v:8200', token },
        })
      ).status,
    ).toBe(200);
    expect((await send('PUT', '/v1/secrets-manager', { backend: 'DB' })).status).toBe(200);
    const key = await send(
      'POST',
      '/v1/api-keys',
      { name: 'leaky', role: 'runtime', scope: { type: 'workspace', id: 'w1' } },
      { 'idempotency-key': 'leak-key' },
    );
    expect(key.status).toBe(201);
    const apiToken = key.json.token as string;
    nonResolveBodies.pop(); // the one response that must carry the token
    await call(srv.url, 'POST', '/v1/api-keys', {
      key: srv.key,
      body: { name: 'leaky', role: 'runtime', scope: { type: 'workspace', id: 'w1' } },
      headers: { 'idempotency-key': 'leak-key' },
    });

    const r = await send(
      'POST',
      '/v1/secrets:resolve',
      { workspaceId: 'w1', names: ['LEAK_TEST', 'OPENAI_API_KEY'] },
      { 'idempotency-key': 'leak-r' },
    );
    expect(r.json.items.map((i: { value: string }) => i.value).sort()).toEqual([v, v2].sort());
    for (const path of [
      '/v1/audit/events?limit=500',
      '/v1/audit/secret-reads?limit=500',
      '/v1/secrets?limit=500',
      '/v1/api-keys?limit=500',
      `/v1/secrets/${id}`,
      '/v1/workspaces/w1/secrets',
      '/v1/secrets-manager',
    ]) {
      expect((await send('GET', path)).status).toBe(200);
    }

    const exit = await srv.stop();
    expect(exit.code).toBe(0);
    const out = srv.output();
    expect(out).toContain('"msg":"request"');
    for (const secret of [...planted, apiToken]) {
      for (const body of nonResolveBodies) expect(body).not.toContain(secret);
      expect(out).not.toContain(secret);
      for (const f of readdirSync(srv.dataDir)) {
        const bytes = readFileSync(join(srv.dataDir, f));
        expect(bytes.includes(Buffer.from(secret)), `${f} holds a value in clear`).toBe(false);
      }
    }
    expect(out).not.toContain(srv.key);
  });
});
