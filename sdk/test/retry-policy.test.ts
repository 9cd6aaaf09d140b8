// The retry layer's decisions (internal/retry.ts), without a network.
import { describe, expect, it } from 'vitest';
import { APIConnectionError, APIError, APITimeoutError, CofferError } from '../src/index.ts';
import { RETRY_DEFAULTS } from '../src/internal/config.ts';
import { type RetryPolicy, retryDelay, withRetries } from '../src/internal/retry.ts';

const policy: RetryPolicy = { ...RETRY_DEFAULTS };
const answer = (status: number, headers: Record<string, string> = {}) =>
  APIError.from(status, { title: `HTTP ${status}` }, new Headers(headers), 'GET /v1/x');
const at = (attempt: number, errorRetries = attempt, elapsedMs = 0) => ({ attempt, errorRetries, elapsedMs });
const half = () => 0.5;

describe('retryDelay', () => {
  it('429 with Retry-After waits what it says plus at most a fifth more, past maxRetries', () => {
    const e = answer(429, { 'retry-after': '1' });
    expect(retryDelay(policy, e, at(0, 0), () => 0)).toBe(1000);
    expect(retryDelay(policy, e, at(0, 0), () => 0.999)).toBe(1199);
    // ten 429s in a row: still retried (they do not use up maxRetries = 2)
    expect(retryDelay(policy, e, at(10, 0, 20_000), half)).toBe(1100);
  });

  it('429 retries stop at the time budget', () => {
    const e = answer(429, { 'retry-after': '1' });
    expect(retryDelay(policy, e, at(30, 0, 58_000), () => 0)).toBe(1000);
    expect(retryDelay(policy, e, at(30, 0, 59_500), () => 0)).toBeUndefined();
    expect(retryDelay({ ...policy, rateLimitBudgetMs: 0 }, e, at(0, 0), () => 0)).toBeUndefined();
  });

  it('429 for too many failed authentications is not retried: waiting does not fix a wrong key', () => {
    const e = APIError.from(
      429,
      {
        type: 'https://coffer.dev/problems/too-many-auth-failures',
        title: 'Too many failed authentications',
      },
      new Headers({ 'retry-after': '20' }),
      'GET /v1/x',
    );
    expect(retryDelay(policy, e, at(0, 0), () => 0)).toBeUndefined();
  });

  it('429 without Retry-After backs off like an error', () => {
    expect(retryDelay(policy, answer(429), at(3, 0), () => 0.999)).toBe(3996);
  });

  it('maxRetries: 0 turns every retry off, 429 included', () => {
    const off = { ...policy, maxRetries: 0 };
    expect(retryDelay(off, answer(429, { 'retry-after': '1' }), at(0, 0))).toBeUndefined();
    expect(retryDelay(off, answer(503), at(0, 0))).toBeUndefined();
    expect(retryDelay(off, new APIConnectionError('reset'), at(0, 0))).toBeUndefined();
  });

  it('errors (5xx, 408, connection, timeout) use up maxRetries', () => {
    for (const e of [
      answer(503),
      answer(500),
      answer(408),
      new APIConnectionError('x'),
      new APITimeoutError('t'),
    ]) {
      expect(retryDelay(policy, e, at(1, 1), half)).toBe(500);
      expect(retryDelay(policy, e, at(2, 2), half)).toBeUndefined();
    }
  });

  it('a Retry-After beyond maxRetryAfterMs ends the retries; other 4xx and SDK errors are not retried', () => {
    expect(retryDelay(policy, answer(429, { 'retry-after': '61' }), at(0, 0))).toBeUndefined();
    expect(retryDelay(policy, answer(503, { 'retry-after': '3600' }), at(0, 0))).toBeUndefined();
    for (const s of [400, 401, 403, 404, 409, 412, 422])
      expect(retryDelay(policy, answer(s), at(0, 0))).toBeUndefined();
    expect(retryDelay(policy, new CofferError('Invalid JSON'), at(0, 0))).toBeUndefined();
  });
});

describe('withRetries', () => {
  const fast: RetryPolicy = { ...policy, baseDelayMs: 1, maxDelayMs: 2 };

  it('runs the attempt again until it succeeds, numbering the attempts', async () => {
    const seen: number[] = [];
    const result = await withRetries(
      async (n) => {
        seen.push(n);
        if (n < 2) throw answer(503);
        return 'ok';
      },
      { policy: fast, signal: undefined },
    );
    expect(result).toBe('ok');
    expect(seen).toEqual([0, 1, 2]);
  });

  it('throws the last failure once the policy gives up, and never retries a non-SDK error', async () => {
    let n = 0;
    await expect(
      withRetries(
        async () => {
          n++;
          throw answer(502);
        },
        { policy: fast, signal: undefined },
      ),
    ).rejects.toMatchObject({ status: 502 });
    expect(n).toBe(3);
    n = 0;
    const bug = new TypeError('bug');
    await expect(
      withRetries(
        async () => {
          n++;
          throw bug;
        },
        { policy: fast, signal: undefined },
      ),
    ).rejects.toBe(bug);
    expect(n).toBe(1);
  });

  it('tells onRetry about each retry before waiting', async () => {
    const retries: [number, number][] = [];
    await withRetries(
      async (n) => {
        if (n === 0) throw answer(429, { 'retry-after': '0.01' });
        return n;
      },
      { policy, signal: undefined, onRetry: (_e, n, delay) => retries.push([n, delay]) },
    );
    expect(retries).toHaveLength(1);
    expect(retries[0]?.[0]).toBe(0);
    expect(retries[0]?.[1]).toBeGreaterThanOrEqual(10);
    expect(retries[0]?.[1]).toBeLessThan(13);
  });
});
