/**
 * The resolve cache across replicas: two `coffer serve` on one PostgreSQL database, both caching for 300 s.
 * A rotation on one is resolved on the other within a second (PostgreSQL NOTIFY), not a TTL later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';
import { skipKind } from '../support/stores.ts';
import { createScopes } from '../support/tenancy.ts';

describe.skipIf(skipKind('postgres'))('resolve cache invalidation across replicas', () => {
  let a: TestServer;
  let b: TestServer;
  let key: string;
  const resolveOn = (s: TestServer) =>
    call(s.url, 'POST', '/v1/secrets:resolve', { key, body: { workspaceId: 'ws-sync', names: ['SYNCED'] } });

  beforeAll(async () => {
    a = await startServer({ kind: 'postgres' });
    key = a.key;
    const cfg = await call(a.url, 'PUT', '/v1/secrets-manager', {
      key,
      body: { backend: 'DB', cache: { ttlSeconds: 300 } },
    });
    expect(cfg.status).toBe(200);
    b = await startServer({ kind: 'postgres', databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.cleanup();
  });

  it('a rotation on one replica reaches the other replica’s warm cache within a second', async () => {
    await createScopes(a.url, key, { workspaces: ['ws-sync'] });
    const made = await call(a.url, 'POST', '/v1/secrets', {
      key,
      body: { name: 'SYNCED', scope: { type: 'workspace', id: 'ws-sync' }, value: 'before' },
    });
    expect(made.status).toBe(201);
    // The create's own notification clears b's cache too: let it arrive before warming the cache.
    await new Promise((r) => setTimeout(r, 300));
    expect((await resolveOn(b)).json.items[0].value).toBe('before');
    expect((await resolveOn(b)).json.items[0].value).toBe('before');
    const reads = await call(b.url, 'GET', '/v1/audit/secret-reads?name=SYNCED', { key });
    // Newest first: the second resolve on b was a cache hit.
    expect(reads.json.items.map((r: { cacheHit: boolean }) => r.cacheHit)).toEqual([true, false]);

    const rotated = await call(a.url, 'PATCH', `/v1/secrets/${made.json.id}`, {
      key,
      body: { value: 'after' },
    });
    expect(rotated.status).toBe(200);
    const started = Date.now();
    let seen = '';
    while (Date.now() - started < 1_000) {
      seen = (await resolveOn(b)).json.items[0].value;
      if (seen === 'after') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toBe('after');

    // And the other way round, for a delete.
    expect((await resolveOn(a)).json.items[0].value).toBe('after');
    expect((await call(b.url, 'DELETE', `/v1/secrets/${made.json.id}`, { key })).status).toBe(204);
    const t = Date.now();
    let missing: string[] = [];
    while (Date.now() - t < 1_000) {
      missing = (await resolveOn(a)).json.missing;
      if (missing.length === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(missing).toEqual(['SYNCED']);
  });
});
