/** Rate limits: the token buckets, requests per API key, failed authentications per client address. */
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/http/rate-limit.ts';
import { call, startServer } from '../support/server.ts';

describe('RateLimiter', () => {
  it('spends the burst, then refills at the rate, per key', () => {
    const l = new RateLimiter(2, 3); // 2/s, 3 saved up
    expect([l.take('a', 0), l.take('a', 0), l.take('a', 0)]).toEqual([0, 0, 0]);
    expect(l.take('a', 0)).toBe(1); // empty: the next token is 500 ms away, rounded up to whole seconds
    expect(l.take('b', 0)).toBe(0); // another key has its own bucket
    expect(l.take('a', 499)).toBe(1);
    expect(l.take('a', 500)).toBe(0);
    expect(l.take('a', 500)).toBe(1);
    expect(l.wait('a', 10_000)).toBe(0); // refilled, and capped at the burst:
    expect([l.take('a', 10_000), l.take('a', 10_000), l.take('a', 10_000), l.take('a', 10_000)]).toEqual([
      0, 0, 0, 1,
    ]);
  });

  it('says how many whole seconds a slow bucket needs', () => {
    const l = new RateLimiter(3 / 60, 3); // 3 a minute
    for (let i = 0; i < 3; i++) l.take('x', 0);
    expect(l.wait('x', 0)).toBe(20);
    expect(l.wait('x', 15_000)).toBe(5);
  });

  it('forgets full buckets once it holds many', () => {
    const l = new RateLimiter(1000, 1);
    for (let i = 0; i < 10_000; i++) l.take(`k${i}`, 0);
    expect(l.size).toBe(10_000);
    l.take('late', 5_000); // every earlier bucket is full again by now
    expect(l.size).toBe(1);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new RateLimiter(0, 1)).toThrow(RangeError);
  });
});

function expectTooMany(
  r: { status: number; headers: Headers; json: Record<string, unknown> },
  type = 'https://coffer.dev/problems/rate-limited',
) {
  expect(r.status).toBe(429);
  expect(r.headers.get('content-type')).toBe('application/problem+json');
  expect(r.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  expect(r.json).toMatchObject({ status: 429, type });
  expect(r.json.requestId).toBe(r.headers.get('x-request-id'));
}

describe('COFFER_RATE_LIMIT', () => {
  it('answers 429 with Retry-After past the rate of one key, and leaves other keys alone', async () => {
    const srv = await startServer({ env: { COFFER_RATE_LIMIT: '5' } });
    try {
      const other = await call(srv.url, 'POST', '/v1/api-keys', {
        key: srv.key,
        body: { name: 'other', role: 'member', scope: { type: 'organization', id: 'acme' } },
      });
      expect(other.status).toBe(201);
      const started = performance.now();
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => call(srv.url, 'GET', '/v1/secrets', { key: srv.key })),
      );
      const refilled = Math.floor(((performance.now() - started) / 1000) * 5) + 1;
      const ok = burst.filter((r) => r.status === 200).length;
      const limited = burst.filter((r) => r.status === 429);
      expect(ok).toBeGreaterThanOrEqual(4); // 5 a second, one spent on creating the other key
      expect(ok).toBeLessThanOrEqual(5 + refilled); // plus what refilled while the burst was served
      expect(limited.length).toBe(20 - ok);
      expect(limited.length).toBeGreaterThan(0);
      for (const r of limited) expectTooMany(r);
      expect((await call(srv.url, 'GET', '/v1/secrets', { key: other.json.token })).status).toBe(200);
      const retryAfter = Number(limited[0]?.headers.get('retry-after'));
      await new Promise((r) => setTimeout(r, retryAfter * 1000));
      expect((await call(srv.url, 'GET', '/v1/secrets', { key: srv.key })).status).toBe(200);
      // Health probes are not API-key requests and are never limited.
      const probes = await Promise.all(Array.from({ length: 20 }, () => call(srv.url, 'GET', '/v1/healthz')));
      expect(probes.every((r) => r.status === 200)).toBe(true);
    } finally {
      await srv.cleanup();
    }
  });

  it('refuses a limit that is not a whole number at start', async () => {
    await expect(startServer({ env: { COFFER_RATE_LIMIT: 'fast' } })).rejects.toThrow(
      /COFFER_RATE_LIMIT must be a whole number/,
    );
  });
});

describe('COFFER_AUTH_FAILURE_LIMIT', () => {
  it('answers 429 past the failures allowed per address, audits only those within it, and still takes valid keys', async () => {
    const srv = await startServer({ env: { COFFER_AUTH_FAILURE_LIMIT: '3' } });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await call(srv.url, 'GET', '/v1/secrets', { key: `cof_guess_${i}` })).status).toBe(401);
      }
      const limited = await call(srv.url, 'GET', '/v1/secrets', { key: 'cof_guess_4' });
      // Its own problem type: a client retries a rate limit, but retrying a wrong key only fails again.
      expectTooMany(limited, 'https://coffer.dev/problems/too-many-auth-failures');
      expect(limited.json.title).toBe('Too many failed authentications');
      expect(limited.headers.get('retry-after')).toBe('20'); // 3 a minute: one every 20 s
      expect((await call(srv.url, 'GET', '/v1/secrets')).status).toBe(429);
      expect((await call(srv.url, 'GET', '/v1/secrets', { key: srv.key })).status).toBe(200);
      const events = await call(srv.url, 'GET', '/v1/audit/events?type=auth.failed', { key: srv.key });
      expect(events.json.items).toHaveLength(3);
    } finally {
      await srv.cleanup();
    }
  });
});
