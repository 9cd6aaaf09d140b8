import { afterEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  Coffer,
  InternalServerError,
  RateLimitError,
} from '../src/index.ts';
import { API_KEY, json, problem, SECRET, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
let coffer: Coffer | undefined;
afterEach(async () => {
  await coffer?.close();
  await server?.close();
  coffer = undefined;
  server = undefined;
});

function client(url: string, extra: ConstructorParameters<typeof Coffer>[0] = {}) {
  coffer = new Coffer({ baseUrl: url, apiKey: API_KEY, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...extra });
  return coffer;
}

const create = {
  name: 'DB_PASSWORD',
  scope: { type: 'team', id: 'payments' },
  category: 'infrastructure',
  value: 'x',
};

describe('retries', () => {
  it('retries a GET on 503 and succeeds', async () => {
    server = await startServer((_req, res, _b, n) => (n < 3 ? problem(res, 503) : json(res, 200, SECRET)));
    const s = await client(server.url).secrets.get(SECRET.id);
    expect(s).toEqual(SECRET);
    expect(server.seen).toHaveLength(3);
    expect(server.seen.every((r) => r.method === 'GET' && r.url === `/v1/secrets/${SECRET.id}`)).toBe(true);
  });

  it('gives up after maxRetries and throws the last error with its request id', async () => {
    server = await startServer((_req, res) => problem(res, 503, {}, { 'x-request-id': 'req_last' }));
    const err = await client(server.url, { maxRetries: 3 })
      .secrets.get(SECRET.id)
      .then(
        () => undefined,
        (e) => e,
      );
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.status).toBe(503);
    expect(err.requestId).toBe('req_last');
    expect(server.seen).toHaveLength(4);
  });

  it('maxRetries: 0 disables retries (client and per request)', async () => {
    server = await startServer((_req, res) => problem(res, 503));
    await expect(client(server.url, { maxRetries: 0 }).secrets.get(SECRET.id)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(server.seen).toHaveLength(1);
    await expect(coffer?.secrets.get(SECRET.id, { maxRetries: 0 })).rejects.toThrow(/503/);
    expect(server.seen).toHaveLength(2);
  });

  it('does not retry 4xx other than 408/429', async () => {
    server = await startServer((_req, res) => problem(res, 409));
    await expect(client(server.url).secrets.get(SECRET.id)).rejects.toThrow(/409/);
    expect(server.seen).toHaveLength(1);
  });

  it('retries 408', async () => {
    server = await startServer((_req, res, _b, n) => (n === 1 ? problem(res, 408) : json(res, 200, SECRET)));
    await client(server.url).secrets.get(SECRET.id);
    expect(server.seen).toHaveLength(2);
  });

  it('honours Retry-After in seconds on 429', async () => {
    server = await startServer((_req, res, _b, n) =>
      n === 1 ? problem(res, 429, {}, { 'retry-after': '0.3' }) : json(res, 200, SECRET),
    );
    await client(server.url).secrets.get(SECRET.id);
    const [a, b] = server.seen;
    expect(server.seen).toHaveLength(2);
    const gap = (b?.at ?? 0) - (a?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(280);
    expect(gap).toBeLessThan(1500);
  });

  it('honours Retry-After as an HTTP date', async () => {
    // HTTP dates have 1 s resolution: ask for "now + 2 s" and expect a wait of roughly 1..2 s.
    server = await startServer((_req, res, _b, n) =>
      n === 1
        ? problem(res, 503, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() })
        : json(res, 200, SECRET),
    );
    await client(server.url).secrets.get(SECRET.id);
    const gap = (server.seen[1]?.at ?? 0) - (server.seen[0]?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(2600);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs: throws RateLimitError at once', async () => {
    server = await startServer((_req, res) => problem(res, 429, {}, { 'retry-after': '3600' }));
    const started = performance.now();
    await expect(client(server.url).secrets.get(SECRET.id)).rejects.toBeInstanceOf(RateLimitError);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.seen).toHaveLength(1);
  });

  it('429s are retried past maxRetries, within the time budget', async () => {
    server = await startServer((_req, res, _b, n) =>
      n <= 5 ? problem(res, 429, {}, { 'retry-after': '0.02' }) : json(res, 200, SECRET),
    );
    await expect(client(server.url, { maxRetries: 2 }).secrets.get(SECRET.id)).resolves.toEqual(SECRET);
    expect(server.seen).toHaveLength(6);
  });

  it('429s stop once the time budget is spent: RateLimitError', async () => {
    server = await startServer((_req, res) => problem(res, 429, {}, { 'retry-after': '0.1' }));
    const started = performance.now();
    const err = await client(server.url, { retry: { rateLimitBudgetMs: 350 } })
      .secrets.get(SECRET.id)
      .catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(server.seen.length).toBeGreaterThanOrEqual(3);
    expect(server.seen.length).toBeLessThanOrEqual(4);
  });

  it('retries a connection reset (ECONNRESET / socket closed) on GET', async () => {
    server = await startServer((req, res, _b, n) => {
      if (n === 1) req.socket.destroy();
      else json(res, 200, SECRET);
    });
    await expect(client(server.url).secrets.get(SECRET.id)).resolves.toEqual(SECRET);
    expect(server.seen).toHaveLength(2);
  });

  it('throws APIConnectionError when nobody listens', async () => {
    const s = await startServer(() => {});
    const url = s.url;
    await s.close();
    const err = await client(url, { maxRetries: 1 })
      .secrets.get(SECRET.id)
      .catch((e) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).not.toBeInstanceOf(APITimeoutError);
    expect(err.message).toMatch(/ECONNREFUSED/);
  });
});

describe('POST and idempotency keys', () => {
  it('generates one Idempotency-Key per call and sends the SAME key on every attempt', async () => {
    server = await startServer((_req, res, _b, n) =>
      n < 3 ? problem(res, 503) : json(res, 201, { ...SECRET, name: 'DB_PASSWORD' }),
    );
    const c = client(server.url);
    await c.secrets.create(create as never);
    expect(server.seen).toHaveLength(3);
    const keys = server.seen.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    // a second logical call gets a fresh key
    await c.secrets.create(create as never);
    expect(server.seen[3]?.headers['idempotency-key']).not.toBe(keys[0]);
  });

  it('uses the caller-supplied key on every attempt', async () => {
    server = await startServer((_req, res, _b, n) => (n === 1 ? problem(res, 500) : json(res, 201, SECRET)));
    await client(server.url).secrets.create(create as never, { idempotencyKey: 'my-key-1' });
    expect(server.seen.map((r) => r.headers['idempotency-key'])).toEqual(['my-key-1', 'my-key-1']);
  });

  it('does not retry a POST sent without an Idempotency-Key', async () => {
    server = await startServer((_req, res) => problem(res, 503));
    await expect(
      client(server.url).secrets.create(create as never, { idempotencyKey: false }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('does not retry a POST without key after a connection reset either', async () => {
    server = await startServer((req) => req.socket.destroy());
    await expect(
      client(server.url).request('POST', '/v1/secrets', { body: create }, { idempotencyKey: false }),
    ).rejects.toBeInstanceOf(APIConnectionError);
    expect(server.seen).toHaveLength(1);
  });

  it('PATCH is retried only with If-Match', async () => {
    server = await startServer((_req, res) => problem(res, 503));
    const c = client(server.url);
    await expect(c.secrets.update(SECRET.id, { description: 'x' } as never)).rejects.toThrow(/503/);
    expect(server.seen).toHaveLength(1);
    await expect(c.secrets.update(SECRET.id, { description: 'x' } as never, { ifMatch: 3 })).rejects.toThrow(
      /503/,
    );
    expect(server.seen).toHaveLength(4);
    expect(server.seen[3]?.headers['if-match']).toBe('"3"');
  });

  it('If-Match takes a version as a number or digits, or an ETag as read', async () => {
    server = await startServer((_req, res) => json(res, 200, SECRET));
    const c = client(server.url);
    for (const ifMatch of [4, '4', '"4"', '*'])
      await c.secrets.update(SECRET.id, { description: 'x' }, { ifMatch });
    expect(server.seen.map((r) => r.headers['if-match'])).toEqual(['"4"', '"4"', '"4"', '*']);
  });

  it('a conditional write carries one Idempotency-Key on every attempt: a lost answer is replayed, not a 412', async () => {
    // The first attempt of each call lands and its answer is lost (the connection drops); the retry must carry
    // the same key, so that the server can replay the first answer.
    server = await startServer((req, res, _b, n) => {
      if (n % 2 === 1) return res.socket?.destroy();
      return json(
        res,
        req.method === 'PUT' ? 201 : 200,
        req.method === 'PUT' ? { key: 'OPENAI_API_KEY' } : SECRET,
      );
    });
    const c = client(server.url);
    await c.workspaceSecrets.put('ws-1', 'OPENAI_API_KEY', { value: 'v' }, { ifNoneMatch: '*' });
    await c.secrets.update(SECRET.id, { description: 'x' }, { ifMatch: 3 });
    const keys = server.seen.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[3]).toBe(keys[2]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('an unconditional PUT sends no Idempotency-Key, and idempotencyKey: false sends none on a conditional one', async () => {
    server = await startServer((_req, res) => json(res, 201, { key: 'OPENAI_API_KEY' }));
    const c = client(server.url);
    await c.workspaceSecrets.put('ws-1', 'OPENAI_API_KEY', { value: 'v' });
    await c.workspaceSecrets.put(
      'ws-1',
      'OPENAI_API_KEY',
      { value: 'v' },
      { ifNoneMatch: '*', idempotencyKey: false },
    );
    expect(server.seen.map((r) => r.headers['idempotency-key'])).toEqual([undefined, undefined]);
  });

  it('ifNoneMatch sends If-None-Match: * (create only)', async () => {
    server = await startServer((_req, res) => json(res, 201, { key: 'OPENAI_API_KEY' }));
    const c = client(server.url);
    await c.workspaceSecrets.put('ws-1', 'OPENAI_API_KEY', { value: 'v' }, { ifNoneMatch: '*' });
    await c.workspaceSecrets.put('ws-1', 'OPENAI_API_KEY', { value: 'v' });
    expect(server.seen.map((r) => r.headers['if-none-match'])).toEqual(['*', undefined]);
  });
});

describe('timeouts and abort', () => {
  it('throws APITimeoutError after timeoutMs and retries the timed-out GET', async () => {
    server = await startServer(() => {
      /* never answers */
    });
    const started = performance.now();
    const err = await client(server.url, { timeoutMs: 100, maxRetries: 1 })
      .secrets.get(SECRET.id)
      .catch((e) => e);
    const took = performance.now() - started;
    expect(err).toBeInstanceOf(APITimeoutError);
    expect(err.message).toMatch(/timed out after 100 ms/);
    expect(server.seen).toHaveLength(2);
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(2000);
  });

  it('per-request timeoutMs overrides the client default', async () => {
    server = await startServer((_req, res) => setTimeout(() => json(res, 200, SECRET), 300));
    const c = client(server.url, { timeoutMs: 5000 });
    await expect(c.secrets.get(SECRET.id, { timeoutMs: 50, maxRetries: 0 })).rejects.toBeInstanceOf(
      APITimeoutError,
    );
    await expect(c.secrets.get(SECRET.id)).resolves.toEqual(SECRET);
  });

  it('abort via signal rejects with the abort reason and does not retry', async () => {
    server = await startServer(() => {
      /* never answers */
    });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const started = performance.now();
    const err = await client(server.url, { maxRetries: 5 })
      .secrets.get(SECRET.id, { signal: ac.signal })
      .catch((e) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.seen).toHaveLength(1);
  });

  it('abort during the backoff wait stops the retries', async () => {
    server = await startServer((_req, res) => problem(res, 503, {}, { 'retry-after': '5' }));
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('stop')), 150);
    const started = performance.now();
    await expect(client(server.url).secrets.get(SECRET.id, { signal: ac.signal })).rejects.toThrow('stop');
    expect(performance.now() - started).toBeLessThan(1500);
    expect(server.seen).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    server = await startServer((_req, res) => json(res, 200, SECRET));
    await expect(
      client(server.url).secrets.get(SECRET.id, { signal: AbortSignal.abort() }),
    ).rejects.toHaveProperty('name', 'AbortError');
    expect(server.seen).toHaveLength(0);
  });
});
