import { afterEach, describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  Coffer,
  CofferError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  RateLimitError,
  UnprocessableEntityError,
  ValidationError,
} from '../src/index.ts';
import { API_KEY, json, problem, SECRET, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
let coffer: Coffer | undefined;
afterEach(async () => {
  await coffer?.close();
  await server?.close();
  coffer = server = undefined;
});

async function failWith(status: number, extra: Record<string, unknown> = {}) {
  server = await startServer((_req, res) => problem(res, status, extra, { 'x-request-id': `req_${status}` }));
  coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 });
  return coffer.secrets.get(SECRET.id).then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as APIError,
  );
}

describe('error classes', () => {
  const cases: [number, typeof APIError][] = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [412, PreconditionFailedError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [418, APIError],
  ];
  for (const [status, Ctor] of cases) {
    it(`${status} → ${Ctor.name} with status, problem, request id and headers`, async () => {
      const err = await failWith(status, { detail: `detail ${status}` });
      expect(err).toBeInstanceOf(Ctor);
      expect(err).toBeInstanceOf(APIError);
      expect(err).toBeInstanceOf(CofferError);
      expect(err.constructor).toBe(Ctor);
      expect(err.status).toBe(status);
      expect(err.requestId).toBe(`req_${status}`);
      expect(err.problem.detail).toBe(`detail ${status}`);
      expect(err.headers.get('content-type')).toBe('application/problem+json');
      expect(err.message).toContain(String(status));
      expect(err.message).toContain(`detail ${status}`);
      expect(err.message).toContain(`request id req_${status}`);
      expect(err.message).toContain('GET /v1/secrets/{secretId}');
    });
  }

  it('422 carries the field pointers in problem.errors and in the message', async () => {
    const errors = [
      { pointer: '/name', detail: 'must match ^[A-Za-z_][A-Za-z0-9_]{0,127}$' },
      { pointer: '/scope/id', detail: 'is required' },
    ];
    const err = await failWith(422, { title: 'Invalid request', errors });
    expect(err).toBeInstanceOf(UnprocessableEntityError);
    expect(err.problem.errors).toEqual(errors);
    expect(err.errors.map((e) => e.pointer)).toEqual(['/name', '/scope/id']);
    expect(err.message).toMatch(/^422 Invalid request \[\/name: must match .*; \/scope\/id: is required\]/);
  });

  it('falls back to problem.requestId when the header is missing, and handles non-JSON bodies', async () => {
    server = await startServer((_req, res, _b, n) => {
      if (n === 1) {
        const body = JSON.stringify({ title: 'Gone', status: 404, requestId: 'req_body' });
        res.writeHead(404, { 'content-type': 'application/problem+json' });
        res.end(body);
      } else {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end('plain failure');
      }
    });
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 });
    const a = await coffer.secrets.get(SECRET.id).catch((e) => e);
    expect(a).toBeInstanceOf(NotFoundError);
    expect(a.requestId).toBe('req_body');
    const b = await coffer.secrets.get(SECRET.id).catch((e) => e);
    expect(b).toBeInstanceOf(BadRequestError);
    expect(b.requestId).toBeUndefined();
    expect(b.problem.detail).toBe('plain failure');
    expect(b.message).toMatch(/no request id/);
  });

  it('withResponse() gives data, the raw response and the request id', async () => {
    server = await startServer((_req, res) =>
      json(res, 200, SECRET, { 'x-request-id': 'req_ok', etag: '"1"' }),
    );
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    const { data, response, requestId } = await coffer.secrets.get(SECRET.id).withResponse();
    expect(data).toEqual(SECRET);
    expect(requestId).toBe('req_ok');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response).toBeInstanceOf(Response);
    expect(response.url).toBe(`${server.url}/v1/secrets/${SECRET.id}`);
    expect(JSON.parse(await response.text())).toEqual(SECRET);
    expect([...response.headers.keys()]).toContain('x-request-id');
  });

  it('withResponse() keeps the raw response where values are wrapped (resolve, api key tokens)', async () => {
    const resolved = { items: [], missing: ['X'] };
    server = await startServer((_req, res) => json(res, 200, resolved, { 'x-request-id': 'req_res' }));
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    const r = await coffer.secrets.resolve({ workspaceId: 'ws-1', names: ['X'] }).withResponse();
    expect(r.data).toEqual(resolved);
    expect(r.requestId).toBe('req_res');
    expect(r.response.status).toBe(200);
    expect(r.response.headers.get('x-request-id')).toBe('req_res');
  });

  it('204 resolves to undefined', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(204, { 'x-request-id': 'req_del' });
      res.end();
    });
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    const r = await coffer.secrets.delete(SECRET.id).withResponse();
    expect(r.data).toBeUndefined();
    expect(r.requestId).toBe('req_del');
    expect(server.seen[0]?.method).toBe('DELETE');
  });
});

describe('client-side validation', () => {
  it('refuses an invalid secret name before sending, with the field pointer', async () => {
    server = await startServer((_req, res) => json(res, 201, SECRET));
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    const c = coffer;
    const err = (() => {
      try {
        c.secrets.create({
          name: '1-bad name',
          scope: { type: 'team', id: 'payments' },
          value: 'v',
        } as never);
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect(err?.pointer).toBe('/name');
    expect(err?.message).toMatch(/\/name: must match/);
    expect(server.seen).toHaveLength(0);
  });

  it('reports every invalid field (scope type and id, limit)', () => {
    const c = new Coffer({ baseUrl: 'http://127.0.0.1:9', apiKey: API_KEY });
    expect(() =>
      c.secrets.create({ name: 'OK', scope: { type: 'planet', id: '-x' }, value: 'v' } as never),
    ).toThrow(ValidationError);
    try {
      c.secrets.create({ name: 'OK', scope: { type: 'planet', id: '-x' }, value: 'v' } as never);
    } catch (e) {
      expect((e as ValidationError).errors.map((x) => x.pointer)).toEqual(['/scope/type', '/scope/id']);
    }
    expect(() => c.secrets.list({ limit: 501 } as never)).toThrow(/\/query\/limit/);
    // @ts-expect-error: a literal that is not a WorkspaceSecretKey does not compile; at run time it is refused
    expect(() => c.workspaceSecrets.put('ws-1', 'NOT_ALLOWED', { value: 'v' })).toThrow(/\/path\/key/);
    expect(() => c.secrets.resolve({ workspaceId: 'ws-1', names: [] } as never)).toThrow(/\/names/);
  });
});
