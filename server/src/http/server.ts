/**
 * The request pipeline on node:http(s), as named stages in this order: route (404/405), authenticate on the
 * headers alone (401, one Authorization header only), rate-limit (429), role gate (403 from the spec's
 * `x-coffer-roles`), read the body (capped; an unauthenticated body is never read), decode and validate
 * against the compiled spec (400/422), idempotency, the handler, and the problem-details / access-log
 * response. Every stage but the handler runs before any work a caller's body could make expensive.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { SecureContextOptions } from 'node:tls';
import type { Principal } from './access.ts';
import type { Handler, PublicHandler, Reply, RequestContext, Services } from './context.ts';
import { withIdempotency } from './idempotency.ts';
import { HttpError, invalid, problem } from './problem.ts';
import type { Operation, Spec } from './spec.ts';
import { ClientAbortError, decodeJsonBody, MAX_BODY_BYTES, readBody } from './stages/body.ts';
import { errorReply } from './stages/error-reply.ts';

export { MAX_BODY_BYTES };

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

export interface AppOptions {
  /** Serve HTTPS with this certificate and key (PEM); plain HTTP when absent. */
  tls?: SecureContextOptions | undefined;
  /** Open connections at most; past it new connections are closed at once. */
  maxConnections?: number | undefined;
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

/**
 * The query as an object without a prototype: `__proto__`, `constructor` and the like are parameters (unknown
 * ones, answered 400 on their name), never Object.prototype's members nor a way to replace the prototype.
 */
function parseQuery(search: URLSearchParams): Record<string, unknown> {
  const q: Record<string, unknown> = Object.create(null);
  for (const [k, v] of search) {
    const prev = q[k];
    if (prev === undefined) q[k] = v;
    else q[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return q;
}

function tooManyRequests(seconds: number, detail: string, kind?: string): HttpError {
  return new HttpError(
    429,
    `${detail} Retry after ${seconds} second${seconds === 1 ? '' : 's'}.`,
    undefined,
    { 'retry-after': String(seconds) },
    kind,
  );
}

/**
 * Refuses a request that carries header `name` more than once: Node keeps only the first Authorization and
 * joins repeated Idempotency-Keys into one ("a, b"), and neither is what the client meant.
 */
function once(req: IncomingMessage, name: string, pointerName: string): void {
  let n = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if ((req.rawHeaders[i] as string).toLowerCase() === name) n++;
  }
  if (n > 1) {
    throw new HttpError(400, `The request has more than one ${pointerName} header.`, [
      { pointer: `/header/${pointerName}`, detail: 'must appear once' },
    ]);
  }
}

/** The Authorization header, refusing a request that carries more than one. */
function authorizationHeader(req: IncomingMessage): string | undefined {
  once(req, 'authorization', 'Authorization');
  return req.headers.authorization;
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Stage: the route and operation for the request target. */
function route(spec: Spec, req: IncomingMessage) {
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
  return { op, match, pathname, search, method };
}

/** Stage: the role gate, before the body is read (a member key cannot make the server parse a body). */
function checkRole(op: Operation, principal: Principal): void {
  if (op.roles && !op.roles.includes(principal.role)) {
    throw new HttpError(
      403,
      `A ${principal.role} key cannot call ${op.operationId} (it needs ${op.roles.join(', ')}).`,
    );
  }
}

export function createApp(
  spec: Spec,
  handlers: HandlerTable,
  services: Services,
  options: AppOptions = {},
): App {
  checkCoverage(spec, handlers);
  const { log } = services;
  let inFlight = 0;
  let draining = false;
  let idleResolve: (() => void) | null = null;

  const send = (res: ServerResponse, requestId: string, reply: Reply, extra: Record<string, string>) => {
    const headers: Record<string, string> = { 'x-request-id': requestId, ...extra, ...reply.headers };
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

  async function authenticate(
    req: IncomingMessage,
    op: Operation,
    requestId: string,
    clientRequestId: string | null,
  ) {
    const principal = await services.auth.authenticate(authorizationHeader(req));
    if (principal) {
      const wait = services.limits.perKey?.take(principal.keyId) ?? 0;
      if (wait > 0) throw tooManyRequests(wait, 'This API key is over its request rate.');
      return principal;
    }
    // An unauthenticated body is never read: the connection closes after the answer.
    const close: Record<string, string> = hasBody(req) ? { connection: 'close' } : {};
    // Past the limit a failure is answered 429 and not audited one by one (a flood of bad tokens would
    // otherwise be a flood of audit writes); valid keys from the same address are not affected.
    const wait = services.limits.authFailures?.take(req.socket.remoteAddress ?? '') ?? 0;
    if (wait > 0) {
      const e = tooManyRequests(
        wait,
        'Too many failed authentications from this address.',
        'too-many-auth-failures',
      );
      Object.assign(e.headers, close);
      throw e;
    }
    await services.store.audit
      .appendEvent({
        type: 'auth.failed',
        principalId: null,
        requestId,
        name: null,
        scopeType: null,
        scopeId: null,
        details: {
          kind: 'request',
          method: req.method,
          path: op.template,
          ...(clientRequestId ? { clientRequestId } : {}),
        },
      })
      .catch((err) => log.log('error', 'audit write failed', { requestId, error: (err as Error).name }));
    throw new HttpError(401, 'The API key is missing, unknown, expired or revoked.', undefined, {
      'www-authenticate': 'Bearer',
      ...close,
    });
  }

  async function handle(
    req: IncomingMessage,
    requestId: string,
    clientRequestId: string | null,
  ): Promise<Reply> {
    const { op, match, pathname, search, method } = route(spec, req);

    let principal: Principal | null = null;
    if (op.authenticated) {
      principal = await authenticate(req, op, requestId, clientRequestId);
      checkRole(op, principal);
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
    once(req, 'idempotency-key', 'Idempotency-Key');
    for (const name of ['idempotency-key', 'if-match', 'if-none-match']) {
      const v = req.headers[name];
      if (v !== undefined) headers[name] = v;
    }
    const paramErrors = op.checkParams({ path, query, header: headers });
    if (paramErrors.length) throw invalid(400, paramErrors);

    // Operations without a body never read one; Node discards whatever was sent.
    const raw = op.hasBody ? await readBody(req) : Buffer.alloc(0);
    let body: unknown;
    if (op.hasBody) {
      body = decodeJsonBody(raw, req.headers['content-type'], op.bodyRequired);
      if (body !== undefined) {
        const bodyErrors = op.checkBody(body);
        if (bodyErrors.length) throw invalid(422, bodyErrors, 'request body');
      }
    }

    const ctx: RequestContext = {
      requestId,
      clientRequestId,
      principal,
      path,
      query,
      headers,
      body,
      pathname,
    };
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

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    // The server's own id is what the audit records; a well-formed client id is echoed beside it.
    const requestId = randomUUID();
    const incoming = req.headers['x-request-id'];
    const clientRequestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : null;
    const extra: Record<string, string> = clientRequestId ? { 'x-client-request-id': clientRequestId } : {};
    const route = (req.url ?? '/').split('?')[0];
    inFlight++;
    handle(req, requestId, clientRequestId)
      .catch((err: unknown): Reply | null => {
        if (err instanceof ClientAbortError) return null;
        return errorReply(err, services, (req.url ?? '/').split('?')[0] ?? '/', requestId);
      })
      .then((reply) => {
        const ms = Math.round((performance.now() - started) * 10) / 10;
        const ids = { requestId, ...(clientRequestId ? { clientRequestId } : {}) };
        if (reply === null) {
          // Nobody is listening for an answer; one quiet line, not an error.
          log.log('info', 'client aborted', { ...ids, method: req.method, route, ms });
          res.destroy();
          return;
        }
        send(res, requestId, reply, extra);
        log.log('info', 'request', { ...ids, method: req.method, route, status: reply.status, ms });
      })
      .catch(() => {
        if (!res.headersSent) res.destroy();
      })
      .finally(() => {
        inFlight--;
        if (draining && inFlight === 0) idleResolve?.();
      });
  };

  const timeouts = { keepAliveTimeout: 5_000, headersTimeout: 10_000, requestTimeout: 30_000 };
  const server: Server = options.tls
    ? (createTlsServer({ ...timeouts, ...options.tls }, onRequest) as unknown as Server)
    : createServer(timeouts, onRequest);
  server.maxConnections = options.maxConnections ?? 1_000;

  // Requests node:http cannot parse never reach the handler: answer them in the same problem format.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const status =
      err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[
      status
    ];
    const detail =
      status === 408 ? 'The request was not received in time.' : 'The HTTP request could not be parsed.';
    const body = JSON.stringify(problem(status, detail, '/', requestId));
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\n` +
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
