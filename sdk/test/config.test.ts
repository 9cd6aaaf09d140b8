import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APIConnectionError, APITimeoutError, Coffer, CofferError, Secret } from '../src/index.ts';
import { backoffDelay, parseRetryAfter } from '../src/internal/backoff.ts';
import { API_KEY, json, SECRET, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
const saved = { url: process.env.COFFER_BASE_URL, key: process.env.COFFER_API_KEY };
beforeEach(() => {
  delete process.env.COFFER_BASE_URL;
  delete process.env.COFFER_API_KEY;
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const [k, v] of [
    ['COFFER_BASE_URL', saved.url],
    ['COFFER_API_KEY', saved.key],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('configuration', () => {
  it('falls back to COFFER_BASE_URL / COFFER_API_KEY', async () => {
    server = await startServer((_req, res) => json(res, 200, SECRET));
    process.env.COFFER_BASE_URL = `${server.url}/`;
    process.env.COFFER_API_KEY = API_KEY;
    const c = new Coffer();
    expect(c.baseUrl).toBe(server.url);
    await expect(c.secrets.get(SECRET.id)).resolves.toEqual(SECRET);
    expect(server.seen[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    await c.close();
  });

  it('explicit options win over the environment', async () => {
    server = await startServer((_req, res) => json(res, 200, SECRET));
    process.env.COFFER_BASE_URL = 'http://127.0.0.1:9';
    process.env.COFFER_API_KEY = 'env-key';
    const c = new Coffer({ baseUrl: server.url, apiKey: 'opt-key', userAgent: 'my-tool/1.0' });
    await c.secrets.get(SECRET.id);
    expect(server.seen[0]?.headers.authorization).toBe('Bearer opt-key');
    expect(server.seen[0]?.headers['user-agent']).toBe('my-tool/1.0');
    await c.close();
  });

  it('says clearly what is missing', () => {
    expect(() => new Coffer({ apiKey: 'k' })).toThrow(/COFFER_BASE_URL/);
    expect(() => new Coffer({ baseUrl: 'http://127.0.0.1:1' })).toThrow(/COFFER_API_KEY/);
    expect(() => new Coffer()).toThrow(CofferError);
    expect(() => new Coffer({ baseUrl: 'not a url', apiKey: 'k' })).toThrow(/Invalid Coffer base URL/);
    // Credentials in the URL, or a key given as the URL, are refused without being quoted.
    for (const baseUrl of ['http://admin:hunter2-pw@127.0.0.1:8080', 'cof_live_0123456789abcdef_swapped']) {
      let message = '';
      try {
        new Coffer({ baseUrl, apiKey: 'k' });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/Invalid Coffer base URL/);
      expect(message).not.toContain('hunter2');
      expect(message).not.toContain('0123456789abcdef');
    }
    // A key read from a file with its newline, or with a space in it, is refused at once (not as a network
    // error on every call), without being quoted.
    for (const apiKey of ['cof_secretkey123\n', 'cof_secret key123', new Secret('cof_secretkey123\r\n')]) {
      expect(() => new Coffer({ baseUrl: 'http://127.0.0.1:1', apiKey })).toThrow(/Invalid Coffer API key/);
      try {
        new Coffer({ baseUrl: 'http://127.0.0.1:1', apiKey });
      } catch (e) {
        expect((e as Error).message).not.toContain('secretkey123');
      }
    }
  });

  it('uses a caller-supplied dispatcher and leaves it open on close()', async () => {
    server = await startServer((_req, res) => json(res, 200, SECRET));
    const agent = new Agent({ connections: 1 });
    let dispatched = 0;
    const counting = agent.compose((dispatch) => (opts, handler) => {
      dispatched++;
      return dispatch(opts, handler);
    });
    const c = new Coffer({ baseUrl: server.url, apiKey: API_KEY, dispatcher: counting });
    await c.secrets.get(SECRET.id);
    await c.secrets.get(SECRET.id);
    await c.close();
    expect(dispatched).toBe(2);
    expect(agent.closed).toBe(false);
    await agent.close();
  });

  it('reuses keep-alive connections', async () => {
    server = await startServer((req, res) =>
      json(res, 200, { ...SECRET, id: String(req.socket.remotePort) }),
    );
    const c = new Coffer({ baseUrl: server.url, apiKey: API_KEY, connections: 1 });
    const ports = new Set<string>();
    for (let i = 0; i < 5; i++) ports.add(((await c.secrets.get('x')) as { id: string }).id);
    expect(ports.size).toBe(1);
    await c.close();
  });

  it('a custom fetch replaces undici', async () => {
    const seen: string[] = [];
    const c = new Coffer({
      baseUrl: 'http://coffer.test',
      apiKey: API_KEY,
      fetch: async (req) => {
        seen.push(`${req.method} ${req.url}`);
        return new Response(JSON.stringify(SECRET), { headers: { 'content-type': 'application/json' } });
      },
    });
    await expect(c.secrets.get('abc')).resolves.toEqual(SECRET);
    expect(seen).toEqual(['GET http://coffer.test/v1/secrets/abc']);
  });
});

describe('a custom fetch', () => {
  it('gets a WHATWG Request with the headers and body; withResponse() gives a still-readable copy', async () => {
    const seen: Request[] = [];
    const c = new Coffer({
      baseUrl: 'http://coffer.test/base/',
      apiKey: API_KEY,
      fetch: async (req) => {
        seen.push(req);
        return new Response(JSON.stringify(SECRET), {
          status: 201,
          headers: { 'content-type': 'application/json', 'x-request-id': 'req_f' },
        });
      },
    });
    const r = await c.secrets
      .create({ name: 'A', scope: { type: 'team', id: 't' }, value: 'v' }, { idempotencyKey: 'k1' })
      .withResponse();
    const req = seen[0] as Request;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('http://coffer.test/base/v1/secrets');
    expect(req.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(req.headers.get('idempotency-key')).toBe('k1');
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(await req.json()).toEqual({ name: 'A', scope: { type: 'team', id: 't' }, value: 'v' });
    expect(r.data).toEqual(SECRET);
    expect(r.requestId).toBe('req_f');
    expect(r.response.status).toBe(201);
    expect(JSON.parse(await r.response.text())).toEqual(SECRET);
  });

  it('a fetch that rejects is an APIConnectionError; a timeout aborts its signal', async () => {
    const refused = new Coffer({
      baseUrl: 'http://coffer.test',
      apiKey: API_KEY,
      maxRetries: 0,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(refused.secrets.get('x')).rejects.toBeInstanceOf(APIConnectionError);
    let aborted: unknown;
    const slow = new Coffer({
      baseUrl: 'http://coffer.test',
      apiKey: API_KEY,
      maxRetries: 0,
      timeoutMs: 50,
      fetch: (req) =>
        new Promise((_ok, fail) =>
          req.signal.addEventListener('abort', () => {
            aborted = req.signal.reason;
            fail(req.signal.reason);
          }),
        ),
    });
    await expect(slow.secrets.get('x')).rejects.toBeInstanceOf(APITimeoutError);
    expect(aborted).toBeInstanceOf(Error);
  });
});

describe('backoff and Retry-After parsing', () => {
  it('full jitter stays within [0, min(cap, base*2^n))', () => {
    expect(backoffDelay(0, 500, 8000, () => 0.999)).toBe(499);
    expect(backoffDelay(3, 500, 8000, () => 0.999)).toBe(3996);
    expect(backoffDelay(10, 500, 8000, () => 0.999)).toBe(7992);
    expect(backoffDelay(4, 500, 8000, () => 0)).toBe(0);
  });

  it('parses seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.25', now)).toBe(250);
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
