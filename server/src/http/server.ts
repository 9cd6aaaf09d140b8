/**
 * The request pipeline on node:http: request id, spec routing (404/405), body parsing, authentication,
 * parameter and body validation against the compiled spec, idempotency, the handler, problem details,
 * one JSON access-log line.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { InvalidCursorError } from '../store/types.ts';
import type { Principal } from './access.ts';
import type { Handler, PublicHandler, Reply, RequestContext, Services } from './context.ts';
import { withIdempotency } from './idempotency.ts';
import { HttpError, invalid, problem } from './problem.ts';
import type { Operation, Spec } from './spec.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface HandlerTable {
  public: Record<string, PublicHandler>;
  authenticated: Record<string, Handler>;
}

export interface App {
  server: Server;
  /** Stops accepting, lets in-flight requests finish (up to timeoutMs), then closes idle sockets. */
  drain(timeoutMs: number): Promise<void>;
}

/** Fails fast at start when the spec has an operation without a handler, or a handler without an operation. */
function checkCoverage(spec: Spec, handlers: HandlerTable): void {
  const known = new Set([...Object.keys(handlers.public), ...Object.keys(handlers.authenticated)]);
  const missing = [...spec.operations.keys()].filter((id) => !known.has(id));
  const extra = [...known].filter((id) => !spec.operations.has(id));
  if (missing.length || extra.length) {
    throw new Error(
      `handlers out of step with the spec: missing ${missing.join(', ') || '-'}; unknown ${extra.join(', ') || '-'}`,
    );
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new HttpError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`, undefined, {
            connection: 'close',
          }),
        );
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const t = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return t === 'application/json' || (t.startsWith('application/') && t.endsWith('+json'));
}

function parseQuery(search: URLSearchParams): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  for (const [k, v] of search) {
    const prev = q[k];
    if (prev === undefined) q[k] = v;
    else q[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return q;
}

async function parseJsonBody(op: Operation, req: IncomingMessage, raw: Buffer): Promise<unknown> {
  if (raw.length === 0) {
    if (op.bodyRequired)
      throw new HttpError(400, 'This request needs a JSON body.', [{ pointer: '', detail: 'is required' }]);
    return undefined;
  }
  if (!isJson(req.headers['content-type'])) {
    throw new HttpError(400, 'The body must be application/json.', [
      { pointer: '/header/Content-Type', detail: 'must be application/json' },
    ]);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    // The parser's message quotes the input, which may hold a value: never pass it on.
    throw new HttpError(400, 'The body is not valid JSON.');
  }
}

function tooManyRequests(seconds: number, detail: string): HttpError {
  return new HttpError(
    429,
    `${detail} Retry after ${seconds} second${seconds === 1 ? '' : 's'}.`,
    undefined,
    {
      'retry-after': String(seconds),
    },
  );
}

export function createApp(spec: Spec, handlers: HandlerTable, services: Services): App {
  checkCoverage(spec, handlers);
  const { log } = services;
  let inFlight = 0;
  let draining = false;
  let idleResolve: (() => void) | null = null;

  const send = (res: ServerResponse, requestId: string, reply: Reply) => {
    const headers: Record<string, string> = { 'x-request-id': requestId, ...reply.headers };
    if (draining) headers.connection = 'close';
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    headers['content-type'] ??= reply.status >= 400 ? 'application/problem+json' : 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
    if (reply.sensitive) headers['cache-control'] = 'no-store';
    res.writeHead(reply.status, headers);
    res.end(body);
  };

  async function handle(req: IncomingMessage, requestId: string): Promise<Reply> {
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const pathname = q < 0 ? target : target.slice(0, q);
    const search = q < 0 ? null : new URLSearchParams(target.slice(q + 1));
    const match = spec.match(pathname);
    if (!match) throw new HttpError(404, `No route ${pathname}.`);
    const method = req.method ?? 'GET';
    const op = match.route.operations.get(method);
    if (!op) {
      throw new HttpError(405, `${method} is not allowed on ${match.route.template}.`, undefined, {
        allow: match.route.allow,
      });
    }

    const raw = await readBody(req);

    let principal: Principal | null = null;
    if (op.authenticated) {
      principal = await services.auth.authenticate(req.headers.authorization);
      if (!principal) {
        // Past the limit a failure is answered 429 and not audited one by one (a flood of bad tokens would
        // otherwise be a flood of audit writes); valid keys from the same address are not affected.
        const wait = services.limits.authFailures?.take(req.socket.remoteAddress ?? '') ?? 0;
        if (wait > 0) throw tooManyRequests(wait, 'Too many failed authentications from this address.');
        await services.store.audit
          .appendEvent({
            type: 'auth.failed',
            principalId: null,
            requestId,
            name: null,
            scopeType: null,
            scopeId: null,
            details: { kind: 'request', method, path: op.template },
          })
          .catch((err) => log.log('error', 'audit write failed', { requestId, error: (err as Error).name }));
        throw new HttpError(401, 'The API key is missing, unknown, expired or revoked.', undefined, {
          'www-authenticate': 'Bearer',
        });
      }
      const wait = services.limits.perKey?.take(principal.keyId) ?? 0;
      if (wait > 0) throw tooManyRequests(wait, 'This API key is over its request rate.');
    }

    const path: Record<string, string> = {};
    for (const [k, v] of Object.entries(match.params)) {
      try {
        path[k] = decodeURIComponent(v);
      } catch {
        throw invalid(400, [{ pointer: `/path/${k}`, detail: 'is not valid percent-encoding' }], 'request');
      }
    }
    const query = search ? parseQuery(search) : {};
    const headers: Record<string, unknown> = {};
    for (const name of ['idempotency-key', 'if-match', 'if-none-match']) {
      const v = req.headers[name];
      if (v !== undefined) headers[name] = v;
    }
    const paramErrors = op.checkParams({ path, query, header: headers });
    if (paramErrors.length) throw invalid(400, paramErrors);

    let body: unknown;
    if (op.hasBody) {
      body = await parseJsonBody(op, req, raw);
      if (body !== undefined) {
        const bodyErrors = op.checkBody(body);
        if (bodyErrors.length) throw invalid(422, bodyErrors, 'request body');
      }
    }

    const ctx: RequestContext = { requestId, principal, path, query, headers, body, pathname };
    if (!principal) {
      return (handlers.public[op.operationId] as PublicHandler)(ctx, services);
    }
    const handler = handlers.authenticated[op.operationId] as Handler;
    const authed = { ...ctx, principal };
    const run = () => handler(authed, services);
    const key = headers['idempotency-key'];
    if (op.idempotent && typeof key === 'string') {
      return withIdempotency(
        services.store,
        { principal, key, method, path: pathname, raw, op: op.operationId },
        run,
      );
    }
    return run();
  }

  const server = createServer(
    { keepAliveTimeout: 5_000, headersTimeout: 20_000, requestTimeout: 30_000 },
    (req, res) => {
      const started = performance.now();
      const incoming = req.headers['x-request-id'];
      const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      inFlight++;
      handle(req, requestId)
        .catch((err: unknown): Reply => {
          const instance = (req.url ?? '/').split('?')[0] ?? '/';
          if (err instanceof HttpError) {
            return {
              status: err.status,
              body: problem(err.status, err.message, instance, requestId, err.errors),
              headers: err.headers,
            };
          }
          if (err instanceof InvalidCursorError) {
            return {
              status: 400,
              body: problem(400, 'The cursor is not one this server issued.', instance, requestId, [
                { pointer: '/query/cursor', detail: 'is not a valid cursor' },
              ]),
            };
          }
          // Only the error's class goes to the log: messages of driver errors can quote parameters.
          log.log('error', 'request failed', {
            requestId,
            error: (err as Error)?.name ?? 'Error',
            code: (err as { code?: string })?.code,
          });
          return {
            status: 500,
            body: problem(500, 'An unexpected error occurred.', instance, requestId),
          };
        })
        .then((reply) => {
          send(res, requestId, reply);
          log.log('info', 'request', {
            requestId,
            method: req.method,
            route: (req.url ?? '/').split('?')[0],
            status: reply.status,
            ms: Math.round((performance.now() - started) * 10) / 10,
          });
        })
        .catch(() => {
          if (!res.headersSent) res.destroy();
        })
        .finally(() => {
          inFlight--;
          if (draining && inFlight === 0) idleResolve?.();
        });
    },
  );

  // Requests node:http cannot parse never reach the handler: answer them in the same problem format.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify(problem(status, 'The HTTP request could not be parsed.', '/', requestId));
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `content-type: application/problem+json\r\nx-request-id: ${requestId}\r\nconnection: close\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
  return {
    server,
    async drain(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            idleResolve = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
