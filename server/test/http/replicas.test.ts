/**
 * Stateless replicas: two `coffer serve` processes on one PostgreSQL database behave as one service:
 * writes on one are read and resolved on the other, If-Match races and Idempotency-Keys hold across them,
 * and a key revoked on one stops working on the other within the key cache's 5 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';
import { skipKind } from '../support/stores.ts';
import { createScopes } from '../support/tenancy.ts';

describe.skipIf(skipKind('postgres'))('replicas on one PostgreSQL database', () => {
  let a: TestServer;
  let b: TestServer;
  let key: string;

  beforeAll(async () => {
    a = await startServer({ kind: 'postgres' });
    key = a.key;
    // Resolve from the store every time, so a rotation on one replica is seen at once on the other
    // (with a cache, each replica converges within the cache's TTL).
    const cfg = await call(a.url, 'PUT', '/v1/secrets-manager', {
      key,
      body: { backend: 'DB', cache: { ttlSeconds: 0 } },
    });
    expect(cfg.status).toBe(200);
    b = await startServer({ kind: 'postgres', databaseUrl: a.databaseUrl });
    expect(b.output()).toContain('COFFER_BOOTSTRAP_API_KEY ignored');
  });

  afterAll(async () => {
    await b?.stop();
    await a?.cleanup();
  });

  it('a secret written on one replica is listed, resolved and rotated through the other', async () => {
    await createScopes(a.url, key, { workspaces: ['ws-replica'] });
    const scope = { type: 'workspace', id: 'ws-replica' };
    const made = await call(a.url, 'POST', '/v1/secrets', {
      key,
      body: { name: 'SHARED', scope, value: 'first-value' },
    });
    expect(made.status).toBe(201);
    const listed = await call(b.url, 'GET', '/v1/secrets?scopeType=workspace&scopeId=ws-replica', { key });
    expect(listed.json.items.map((s: { id: string }) => s.id)).toEqual([made.json.id]);
    const resolve = (url: string) =>
      call(url, 'POST', '/v1/secrets:resolve', {
        key,
        body: { workspaceId: 'ws-replica', names: ['SHARED'] },
      });
    expect((await resolve(b.url)).json.items[0].value).toBe('first-value');
    const rotated = await call(b.url, 'PATCH', `/v1/secrets/${made.json.id}`, {
      key,
      body: { value: 'second-value' },
    });
    expect(rotated.status).toBe(200);
    expect((await resolve(a.url)).json.items[0].value).toBe('second-value');
  });

  it('an If-Match race between replicas has one winner and one 412', async () => {
    const made = await call(a.url, 'POST', '/v1/secrets', {
      key,
      body: { name: 'RACED', scope: { type: 'organization', id: 'acme' }, value: 'v1' },
    });
    const etag = made.headers.get('etag') as string;
    const patch = (url: string, value: string) =>
      call(url, 'PATCH', `/v1/secrets/${made.json.id}`, {
        key,
        headers: { 'if-match': etag },
        body: { value },
      });
    const results = await Promise.all([patch(a.url, 'from-a'), patch(b.url, 'from-b')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it('an Idempotency-Key used on one replica replays on the other', async () => {
    const body = { name: 'ONCE', scope: { type: 'organization', id: 'acme' }, value: 'once' };
    const headers = { 'idempotency-key': 'replica-once-1' };
    const first = await call(a.url, 'POST', '/v1/secrets', { key, headers, body });
    expect(first.status).toBe(201);
    const replay = await call(b.url, 'POST', '/v1/secrets', { key, headers, body });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json.id).toBe(first.json.id);
  });

  it('a key revoked on one replica stops working on the other within 5 s', async () => {
    const made = await call(a.url, 'POST', '/v1/api-keys', {
      key,
      body: { name: 'short-lived', role: 'member', scope: { type: 'organization', id: 'acme' } },
    });
    const token = made.json.token as string;
    expect((await call(b.url, 'GET', '/v1/secrets', { key: token })).status).toBe(200);
    expect((await call(a.url, 'DELETE', `/v1/api-keys/${made.json.id}`, { key })).status).toBe(204);
    expect((await call(a.url, 'GET', '/v1/secrets', { key: token })).status).toBe(401);
    const deadline = Date.now() + 6_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await call(b.url, 'GET', '/v1/secrets', { key: token })).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(401);
  });
});
