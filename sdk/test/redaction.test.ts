import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { APIConnectionError, Coffer, type Logger, Secret } from '../src/index.ts';
import { API_KEY, json, problem, SECRET, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
let coffer: Coffer | undefined;
afterEach(async () => {
  await coffer?.close();
  await server?.close();
  coffer = server = undefined;
});

function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (m, f) => lines.push(`${m} ${JSON.stringify(f)}`) };
}

describe('Secret', () => {
  it('prints [redacted] everywhere and reveals only on request', () => {
    const s = new Secret('hunter2');
    expect(String(s)).toBe('[redacted]');
    expect(`${s}`).toBe('[redacted]');
    expect(JSON.stringify({ s })).toBe('{"s":"[redacted]"}');
    expect(inspect(s)).toBe('Secret([redacted])');
    expect(inspect({ nested: { s } }, { depth: 5 })).not.toContain('hunter2');
    expect(s.reveal()).toBe('hunter2');
    expect(s.equals('hunter2')).toBe(true);
    expect(s.equals(new Secret('hunter3'))).toBe(false);
    expect(Object.keys(s)).toEqual([]);
    expect(Secret.from(s)).toBe(s);
  });
});

describe('the API key never leaks', () => {
  it('is sent as a Bearer token', async () => {
    server = await startServer((_req, res) => json(res, 200, SECRET));
    coffer = new Coffer({ baseUrl: server.url, apiKey: new Secret(API_KEY) });
    await coffer.secrets.get(SECRET.id);
    expect(server.seen[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('not in JSON.stringify, util.inspect, String() or the enumerable fields of the client', () => {
    const c = new Coffer({ baseUrl: 'http://127.0.0.1:9', apiKey: API_KEY });
    for (const text of [
      JSON.stringify(c),
      inspect(c, { depth: 10, showHidden: true }),
      inspect(c.secrets, { depth: 10, showHidden: true }),
      String(c),
      JSON.stringify(Object.entries(c)),
    ]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain('SUPERSECRET');
    }
    expect(JSON.stringify(c)).toContain('[redacted]');
  });

  it('not in API error messages, stacks or their JSON / inspect output', async () => {
    server = await startServer((req, res) =>
      // a hostile server echoing the Authorization header in its problem detail would still leak; we test
      // the SDK itself: its own text never includes the key.
      problem(res, 401, { detail: 'bad token', path: req.url }),
    );
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    const err = await coffer.secrets.get(SECRET.id).catch((e) => e);
    for (const text of [err.message, err.stack, JSON.stringify(err), inspect(err, { depth: 10 })]) {
      expect(text).not.toContain(API_KEY);
    }
  });

  it('not in connection errors', async () => {
    const s = await startServer(() => {});
    const url = s.url;
    await s.close();
    coffer = new Coffer({ baseUrl: url, apiKey: API_KEY, maxRetries: 0 });
    const err = await coffer.secrets.get(SECRET.id).catch((e) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(inspect(err, { depth: 10 })).not.toContain(API_KEY);
  });

  it('not in a captured debug log; secret values in bodies are redacted too', async () => {
    server = await startServer((_req, res, _b, n) =>
      n === 1 ? problem(res, 503) : json(res, 201, { ...SECRET, name: 'DB_PASSWORD' }),
    );
    const logger = captureLogger();
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY, logger, retry: { baseDelayMs: 1 } });
    await coffer.secrets.create({
      name: 'DB_PASSWORD',
      scope: { type: 'team', id: 'payments' },
      value: 'p@ssw0rd-VALUE',
    } as never);
    const log = logger.lines.join('\n');
    expect(log).toMatch(/request POST \/v1\/secrets/);
    expect(log).toMatch(/retry POST \/v1\/secrets/);
    expect(log).toContain('"authorization":"[redacted]"');
    expect(log).toContain('"value":"[redacted]"');
    expect(log).not.toContain(API_KEY);
    expect(log).not.toContain('p@ssw0rd-VALUE');
    // the server still received the real value
    expect(JSON.parse(server.seen[0]?.body ?? '{}').value).toBe('p@ssw0rd-VALUE');
  });

  it('COFFER_LOG=debug writes redacted lines to stderr', async () => {
    server = await startServer((_req, res) => json(res, 200, SECRET));
    const old = process.env.COFFER_LOG;
    const write = process.stderr.write;
    const captured: string[] = [];
    process.env.COFFER_LOG = 'debug';
    process.stderr.write = ((chunk: string) => {
      captured.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
      await coffer.secrets.get(SECRET.id);
    } finally {
      process.stderr.write = write;
      if (old === undefined) delete process.env.COFFER_LOG;
      else process.env.COFFER_LOG = old;
    }
    const out = captured.join('');
    expect(out).toMatch(/\[coffer\] request GET \/v1\/secrets\/\{secretId\}/);
    expect(out).toMatch(/\[coffer\] response GET .*"status":200/);
    expect(out).not.toContain(API_KEY);
  });

  it('Secret values in request bodies are sent in clear to the server only', async () => {
    server = await startServer((_req, res) => json(res, 200, { key: 'OPENAI_API_KEY', version: 1 }));
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    await coffer.workspaceSecrets.put('ws-1', 'OPENAI_API_KEY', { value: new Secret('sk-real') } as never);
    expect(JSON.parse(server.seen[0]?.body ?? '{}')).toEqual({ value: 'sk-real' });
    expect(server.seen[0]?.method).toBe('PUT');
    expect(server.seen[0]?.url).toBe('/v1/workspaces/ws-1/secrets/OPENAI_API_KEY');
  });

  it('resolve wraps returned values in Secret', async () => {
    server = await startServer((_req, res) =>
      json(res, 200, {
        items: [{ name: 'DB_PASSWORD', value: 'resolved-v', scope: { type: 'team', id: 'p' } }],
      }),
    );
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    const r = (await coffer.secrets.resolve({
      workspaceId: 'ws-1',
      names: ['DB_PASSWORD'],
    } as never)) as unknown as {
      items: { value: Secret }[];
    };
    const v = r.items[0]?.value;
    expect(v).toBeInstanceOf(Secret);
    expect(v?.reveal()).toBe('resolved-v');
    expect(JSON.stringify(r)).not.toContain('resolved-v');
    expect(inspect(r, { depth: 10 })).not.toContain('resolved-v');
  });
});
