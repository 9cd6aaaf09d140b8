// An API that fails in the middle of an apply: a 500 (retried, then given up), a connection dropped before
// any answer, an answer that is not JSON. Each gives an error diagnostic and leaves the state as it was (null
// for a create, the prior object for an update), as ApplyResourceChange must; no value reaches a response.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instance, MiniCli } from './support/cli.ts';

const VALUE = 'v-mid-apply-0123456789abcdef';
const NEW_VALUE = 'v-mid-apply-rotated-0123456789';
const now = '2030-01-01T00:00:00.000Z';
const secret = {
  id: '0b0c6b1e-1111-4111-8111-111111111111',
  name: 'DB',
  scope: { type: 'team', id: 'payments' },
  category: 'infrastructure',
  description: null,
  expiresAt: null,
  version: 1,
  createdAt: now,
  updatedAt: now,
};

/** How the fake API answers secret writes: ok, 500, drop (socket closed unanswered), garbage (not JSON). */
let mode: 'ok' | '500' | 'drop' | 'garbage' = 'ok';
let server: Server;
let cli: MiniCli;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url?.startsWith('/v1/secrets-manager')) return json(200, { backend: 'DB' });
      if (req.method === 'GET' || mode === 'ok') return json(req.method === 'POST' ? 201 : 200, secret);
      if (mode === 'drop') return req.socket.destroy();
      if (mode === 'garbage') {
        res.writeHead(201, { 'content-type': 'application/json' });
        return res.end('{"id":');
      }
      res.writeHead(500, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  cli = new MiniCli({ COFFER_BASE_URL: `http://127.0.0.1:${port}`, COFFER_API_KEY: 'cof_fake_key' });
  await cli.configure();
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const config = { scope_type: 'team', scope_id: 'payments', name: 'DB', value_wo: VALUE, value_wo_version: 1 };

describe('an API failing mid-apply', () => {
  const r = () => cli.type('coffer_secret');

  it.each([
    ['500', 'Coffer API error (500)'],
    ['drop', 'Cannot reach the Coffer API'],
    ['garbage', 'Unexpected error while creating secret team/payments/DB'],
  ] as const)('create (%s): an error and no state', async (m, summary) => {
    mode = m;
    const a = await r().apply(null, config);
    expect(a.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['ERROR', summary]]);
    expect(a.instance?.state ?? null).toBeNull();
  });

  it.each([
    ['500', 'Coffer API error (500)'],
    ['drop', 'Cannot reach the Coffer API'],
  ] as const)('update (%s): an error and the prior state, private data included', async (m, summary) => {
    mode = 'ok';
    const created = (await r().apply(null, config)).instance as Instance;
    expect(created.state).toMatchObject({ version: 1 });
    mode = m;
    const a = await r().apply(created, { ...config, value_wo: NEW_VALUE, value_wo_version: 2 });
    expect(a.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['ERROR', summary]]);
    expect(a.instance?.state).toEqual(created.state);
    expect(a.instance?.private).toEqual(created.private);
  });

  it('never put a value into a response', () => {
    const text = cli.responsesText();
    expect([text.includes(VALUE), text.includes(NEW_VALUE)]).toEqual([false, false]);
  });
});
