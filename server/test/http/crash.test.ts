/** kill -9 of `coffer serve` during a burst of writes: every write answered 201 is there after a restart. */
import { afterAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';
import { createScopes } from '../support/tenancy.ts';

let restarted: TestServer | undefined;
afterAll(async () => {
  await restarted?.cleanup();
});

describe('crash safety over HTTP (SQLite)', () => {
  it('keeps every acknowledged write and override across kill -9', async () => {
    const srv = await startServer({ env: { COFFER_LOG_LEVEL: 'warn' } });
    await createScopes(srv.url, srv.key, { workspaces: ['w-crash'] });
    const acked: Array<{ id: string; value: string }> = [];
    let overrideAcked = -1;
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const i = n++;
        const value = `crash-${i}`;
        try {
          const r = await call(srv.url, 'POST', '/v1/secrets', {
            key: srv.key,
            body: { name: `CRASH_${i}`, scope: { type: 'workspace', id: 'w-crash' }, value },
          });
          if (r.status === 201) acked.push({ id: r.json.id, value });
          if (i % 10 === 0) {
            const o = await call(srv.url, 'PUT', '/v1/workspaces/w-crash/secrets/OPENAI_API_KEY', {
              key: srv.key,
              body: { value: `override-${i}` },
            });
            if (o.status === 200 || o.status === 201) overrideAcked = Math.max(overrideAcked, i);
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    await expect.poll(() => acked.length, { timeout: 15_000 }).toBeGreaterThan(300);
    srv.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect((await srv.exited).signal).toBe('SIGKILL');

    restarted = await startServer({ dataDir: srv.dataDir });
    const ids = acked.map((a) => a.id);
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const r = await call(
        restarted.url,
        'GET',
        `/v1/secrets?scopeType=workspace&scopeId=w-crash&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        { key: srv.key },
      );
      for (const s of r.json.items) seen.add(s.id);
      cursor = r.json.nextCursor;
    } while (cursor);
    expect(ids.filter((id) => !seen.has(id))).toEqual([]);
    // Values decrypt after the crash: resolve a sample, and the last acknowledged override (or a later one).
    const sample = acked.slice(-50);
    const r = await call(restarted.url, 'POST', '/v1/secrets:resolve', {
      key: srv.key,
      body: { workspaceId: 'w-crash', names: sample.map((a) => `CRASH_${a.value.slice('crash-'.length)}`) },
    });
    expect(r.status).toBe(200);
    for (const item of r.json.items) expect(item.value).toBe(`crash-${item.name.slice('CRASH_'.length)}`);
    expect(r.json.missing).toEqual([]);
    expect(overrideAcked).toBeGreaterThanOrEqual(0);
    const o = await call(restarted.url, 'POST', '/v1/secrets:resolve', {
      key: srv.key,
      body: { workspaceId: 'w-crash', names: ['OPENAI_API_KEY'] },
    });
    const got = Number(String(o.json.items[0].value).slice('override-'.length));
    expect(got).toBeGreaterThanOrEqual(overrideAcked);
  });
});
