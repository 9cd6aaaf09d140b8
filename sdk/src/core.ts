// The transport: openapi-fetch over undici (Agent, keep-alive), plus timeouts, retries with jitter,
// Retry-After, idempotency keys, typed errors and redacted debug logging.
import { randomUUID } from 'node:crypto';
import createClient, { type Client } from 'openapi-fetch';
import { Agent, type Dispatcher } from 'undici';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  CofferError,
  type FieldError,
  ValidationError,
} from './errors.ts';
import { REDACTED, Secret } from './secret.ts';
import { createDispatcherFetch, LiteRequest, LiteResponse } from './transport.ts';

export const VERSION = '0.1.0';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Receives debug lines. Authorization headers and secret-bearing body fields are already redacted. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
}

export interface RetryOptions {
  /** First backoff ceiling, doubled on every attempt (full jitter). Default 500. */
  baseDelayMs?: number;
  /** Largest backoff ceiling. Default 8000. */
  maxDelayMs?: number;
  /** Largest `Retry-After` the SDK will wait for; a longer one ends the retries. Default 60000. */
  maxRetryAfterMs?: number;
}

export interface CofferOptions {
  /** e.g. `http://127.0.0.1:8080` (routes are under `/v1`). Default: env `COFFER_BASE_URL`. */
  baseUrl?: string;
  /** Bearer token. Default: env `COFFER_API_KEY`. Stored as a {@link Secret}. */
  apiKey?: string | Secret;
  /** Per-attempt timeout (whole request incl. body). Default 30000; 0 disables. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2; 0 disables. */
  maxRetries?: number;
  retry?: RetryOptions;
  /** Your own undici dispatcher (Agent, Pool, ProxyAgent, MockAgent...). The SDK then does not create one. */
  dispatcher?: Dispatcher;
  /** Max connections per origin of the SDK's Agent. Default 64. */
  connections?: number;
  /** TCP+TLS connect timeout of the SDK's Agent. Default 10000. */
  connectTimeout?: number;
  /** Agent's headers timeout. Default 30000 (timeoutMs usually fires first). */
  headersTimeout?: number;
  /** Agent's body timeout. Default 30000. */
  bodyTimeout?: number;
  /** Idle keep-alive of pooled sockets. Default 10000. */
  keepAliveTimeout?: number;
  userAgent?: string;
  /** A fetch-compatible function to use instead of undici's fetch (dispatcher options then do not apply). */
  fetch?: (input: Request) => Promise<Response>;
  /** Debug logger; also enabled (to stderr) by env `COFFER_LOG=debug`. */
  logger?: Logger;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /**
   * `Idempotency-Key` for POST. By default the SDK generates one per call (reused on every retry);
   * pass your own to deduplicate across processes, or `false` to send none (the POST is then not retried).
   */
  idempotencyKey?: string | false;
  /** `If-Match`: an ETag (`"3"`) or a version number (3, quoted for you). */
  ifMatch?: string | number;
  /** `If-None-Match: *`: create only (a PUT answers 412 when the resource exists already). */
  ifNoneMatch?: '*';
  headers?: Record<string, string>;
}

export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}

export interface Call {
  method: HttpMethod;
  /** Path template from the spec, e.g. `/v1/secrets/{secretId}`. */
  path: string;
  params?: { path?: Record<string, string | number>; query?: object };
  body?: unknown;
}

/** The result object; with the SDK's transport the WHATWG Response is only built if `response` is read. */
class LazyResult<T> implements WithResponse<T> {
  readonly data: T;
  readonly requestId: string | undefined;
  #lite: LiteResponse;
  #real: Response | undefined;

  constructor(data: T, lite: LiteResponse, requestId: string | undefined) {
    this.data = data;
    this.requestId = requestId;
    this.#lite = lite;
  }

  get response(): Response {
    this.#real ??= this.#lite.toResponse();
    return this.#real;
  }
}

function withResponse<T>(
  data: T,
  res: Response | LiteResponse,
  requestId: string | undefined,
): WithResponse<T> {
  return res instanceof LiteResponse
    ? new LazyResult(data, res, requestId)
    : { data, response: res, requestId };
}

/** A promise of the parsed body that can also give the raw response: `await p.withResponse()`. */
export class APIPromise<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'APIPromise';
  readonly #inner: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(inner: Promise<WithResponse<T>>) {
    this.#inner = inner;
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#inner;
  }

  #parsed(): Promise<T> {
    this.#data ??= this.#inner.then((r) => r.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: APIPromise is deliberately a thenable.
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: the same signature as Promise#then.
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  // biome-ignore lint/suspicious/noExplicitAny: the same signature as Promise#catch.
  catch<R = never>(onrejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parsed().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }
}

const TIMEOUT = Symbol('coffer.timeout');
const RETRY_STATUS = new Set([408, 429]);
const IDEMPOTENT = new Set<string>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const SENSITIVE_KEYS = /^(value|values|token|apikey|api_key|secret|password|authorization)$/i;

/** Full-jitter exponential backoff: a random delay in [0, min(cap, base * 2^attempt)). */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** `Retry-After` in ms (delta-seconds or an HTTP date), or undefined when absent or unparsable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date (IMF-fixdate and the obsolete forms all contain a weekday/month name).
  const date = /[A-Za-z]/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** A deep copy of a request body with secret-bearing fields replaced, for logs. */
export function redactBody(body: unknown, depth = 0): unknown {
  if (body instanceof Secret) return REDACTED;
  if (body === null || typeof body !== 'object' || depth > 8) return body;
  if (Array.isArray(body)) return body.map((v) => redactBody(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    out[k] = SENSITIVE_KEYS.test(k) && v != null ? REDACTED : redactBody(v, depth + 1);
  }
  return out;
}

/** JSON body serializer that unwraps Secret values at the last moment (toJSON would give `[redacted]`). */
function serializeBody(body: unknown): string {
  return JSON.stringify(body, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    return original instanceof Secret ? original.reveal() : value;
  });
}

const PATH_PARAM = /\{([^{}]+)\}/g;

/** Fills `{name}` placeholders (simple style, percent-encoded); the spec only uses primitive path params. */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  let parts = pathTemplates.get(pathname);
  if (parts === undefined) {
    // Split once per template: even indexes are literal text, odd ones parameter names.
    parts = pathname.split(PATH_PARAM);
    if (pathTemplates.size < 1000) pathTemplates.set(pathname, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const v = params[name];
    out += v === undefined || v === null ? `{${name}}` : encodeURIComponent(String(v));
    out += parts[i + 1] as string;
  }
  return out;
}
const pathTemplates = new Map<string, string[]>();

/** Form-style query (`a=1&b=x&tag=1&tag=2`), keys in insertion order, undefined/null skipped. */
export function serializeQuery(query: Record<string, unknown>): string {
  let out = '';
  for (const key in query) {
    const v = query[key];
    if (v === undefined || v === null) continue;
    const k = encodeURIComponent(key);
    if (Array.isArray(v)) {
      for (const x of v) out += `${out ? '&' : ''}${k}=${encodeURIComponent(String(x))}`;
    } else {
      out += `${out ? '&' : ''}${k}=${encodeURIComponent(v instanceof Date ? v.toISOString() : String(v))}`;
    }
  }
  return out;
}

function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = /^(authorization|cookie|x-api-key)$/i.test(k) ? REDACTED : v;
  }
  return out;
}

function stderrLogger(): Logger {
  return {
    debug(message, fields) {
      process.stderr.write(`[coffer] ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
    },
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A version (3 or "3") becomes the strong ETag `"3"`; anything else (an ETag you read, `*`) is sent as is. */
function formatEtag(v: string | number): string {
  return typeof v === 'number' || /^[0-9]+$/.test(v) ? `"${v}"` : v;
}

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const TIMEOUT_ERROR = Object.freeze(new Error('coffer: request timed out'));

/**
 * A per-attempt timeout for the dispatcher transport. undici's request accepts any EventEmitter-like
 * `signal` (`on`/`once`/`removeListener`); this one has no `aborted` property on purpose so undici takes
 * that path instead of registering a listener on a real AbortSignal, which costs more than the rest of the
 * SDK's per-request work.
 */
class Deadline {
  fired = false;
  reason: unknown;
  #listener: (() => void) | null = null;
  readonly #timer: NodeJS.Timeout;

  constructor(ms: number) {
    this.#timer = setTimeout(() => {
      this.fired = true;
      this.reason = TIMEOUT_ERROR;
      const l = this.#listener;
      this.#listener = null;
      l?.();
    }, ms);
  }

  on(_event: string, listener: () => void): this {
    this.#listener = listener;
    return this;
  }

  once(event: string, listener: () => void): this {
    return this.on(event, listener);
  }

  removeListener(): this {
    this.#listener = null;
    return this;
  }

  clear(): void {
    clearTimeout(this.#timer);
  }
}

/**
 * The HTTP core shared by the resource groups. Holds the API key as a {@link Secret} in a private field;
 * `JSON.stringify` and `util.inspect` of it show only the base URL.
 */
export class CoreClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly #apiKey: Secret;
  readonly #client: Client<Record<string, never>>;
  readonly #dispatcher: Dispatcher | undefined;
  readonly #ownsDispatcher: boolean;
  readonly #logger: Logger | undefined;
  readonly #retry: Required<RetryOptions>;
  readonly #baseHeaders: Record<string, string>;
  /** True when requests go through the SDK's dispatcher transport (which accepts a {@link Deadline}). */
  readonly #lean: boolean;

  constructor(options: CofferOptions = {}) {
    const baseUrl = options.baseUrl ?? process.env.COFFER_BASE_URL;
    const apiKey = options.apiKey ?? process.env.COFFER_API_KEY;
    if (!baseUrl) {
      throw new CofferError(
        'No Coffer base URL: pass `new Coffer({ baseUrl })` or set the COFFER_BASE_URL environment variable',
      );
    }
    if (apiKey === undefined || apiKey === '') {
      throw new CofferError(
        'No Coffer API key: pass `new Coffer({ apiKey })` or set the COFFER_API_KEY environment variable',
      );
    }
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new CofferError(
        `Invalid Coffer base URL ${JSON.stringify(baseUrl)} (expected e.g. http://127.0.0.1:8080)`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new CofferError(`Invalid Coffer base URL protocol ${url.protocol} (expected http: or https:)`);
    }
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#apiKey = Secret.from(apiKey);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 2;
    this.#retry = {
      baseDelayMs: options.retry?.baseDelayMs ?? 500,
      maxDelayMs: options.retry?.maxDelayMs ?? 8000,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 60_000,
    };
    this.#logger = options.logger ?? (process.env.COFFER_LOG === 'debug' ? stderrLogger() : undefined);

    const baseHeaders: Record<string, string> = {
      accept: 'application/json',
      'user-agent': options.userAgent ?? `coffer-sdk-js/${VERSION} node/${process.version}`,
      ...options.defaultHeaders,
    };
    this.#baseHeaders = baseHeaders;

    this.#lean = !options.fetch;
    if (options.fetch) {
      this.#ownsDispatcher = false;
      this.#client = createClient({
        baseUrl: this.baseUrl,
        fetch: options.fetch,
        headers: baseHeaders,
        bodySerializer: serializeBody,
        pathSerializer: serializePath,
        querySerializer: serializeQuery,
      });
    } else {
      this.#ownsDispatcher = options.dispatcher === undefined;
      this.#dispatcher =
        options.dispatcher ??
        new Agent({
          connections: options.connections ?? 64,
          connectTimeout: options.connectTimeout ?? 10_000,
          headersTimeout: options.headersTimeout ?? 30_000,
          bodyTimeout: options.bodyTimeout ?? 30_000,
          keepAliveTimeout: options.keepAliveTimeout ?? 10_000,
        });
      this.#client = createClient({
        baseUrl: '',
        // See transport.ts: openapi-fetch drives undici's Dispatcher.request through a lean fetch.
        Request: LiteRequest as unknown as typeof Request,
        fetch: createDispatcherFetch(this.#dispatcher, this.baseUrl) as unknown as (
          input: Request,
        ) => Promise<Response>,
        // Headers travel as a plain object in `cofferHeaders` (see #run) rather than through a Headers
        // instance built for every request.
        bodySerializer: serializeBody,
        pathSerializer: serializePath,
        querySerializer: serializeQuery,
      });
    }
  }

  /** Closes the SDK's own connection pool (a caller-supplied dispatcher is left open). */
  async close(): Promise<void> {
    if (this.#ownsDispatcher && this.#dispatcher) await this.#dispatcher.close();
  }

  /** Refuses a call before sending it. */
  static invalid(errors: FieldError[]): never {
    throw new ValidationError(errors);
  }

  /** Runs one logical call (with retries) and returns the parsed body, or throws a typed error. */
  call<T>(call: Call, options?: RequestOptions): APIPromise<T> {
    return new APIPromise<T>(this.#run<T>(call, options));
  }

  async #run<T>(call: Call, options: RequestOptions | undefined): Promise<WithResponse<T>> {
    const { method, path } = call;
    const maxRetries = options?.maxRetries ?? this.maxRetries;
    const timeoutMs = options?.timeoutMs ?? this.timeoutMs;
    const userSignal = options?.signal;
    const headers: Record<string, string> = this.#lean
      ? { ...this.#baseHeaders, authorization: `Bearer ${this.#apiKey.reveal()}` }
      : { authorization: `Bearer ${this.#apiKey.reveal()}` };
    if (options?.headers) Object.assign(headers, options.headers);
    let retryable = IDEMPOTENT.has(method);
    if (method === 'POST' && options?.idempotencyKey !== false) {
      headers['idempotency-key'] = options?.idempotencyKey ?? randomUUID();
      retryable = true;
    }
    if (options?.ifMatch !== undefined) {
      headers['if-match'] = formatEtag(options.ifMatch);
      // A PATCH replayed with If-Match cannot apply twice: the second attempt answers 412.
      if (method === 'PATCH') retryable = true;
    }
    if (options?.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch;
    const init = this.#lean
      ? {
          params: call.params,
          body: call.body,
          cofferHeaders: headers,
          signal: undefined as AbortSignal | undefined,
        }
      : { params: call.params, body: call.body, headers, signal: undefined as AbortSignal | undefined };
    const what = `${method} ${path}`;
    const log = this.#logger;

    for (let attempt = 0; ; attempt++) {
      userSignal?.throwIfAborted();
      // Fast path (SDK transport, no caller signal): a Deadline, far cheaper than AbortController + listeners.
      // Otherwise an AbortController fed by the timer and the caller's signal.
      let deadline: Deadline | undefined;
      let controller: AbortController | undefined;
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      if (userSignal || (!this.#lean && timeoutMs > 0)) {
        const c = new AbortController();
        controller = c;
        init.signal = c.signal;
        if (timeoutMs > 0) timer = setTimeout(() => c.abort(TIMEOUT), timeoutMs);
        if (userSignal) {
          onAbort = () => c.abort(userSignal.reason);
          userSignal.addEventListener('abort', onAbort, { once: true });
        }
      } else if (timeoutMs > 0) {
        deadline = new Deadline(timeoutMs);
        init.signal = deadline as unknown as AbortSignal;
      }
      const started = log ? performance.now() : 0;
      if (log) {
        log.debug(`request ${what}`, {
          attempt: attempt + 1,
          url: `${this.baseUrl}${path}`,
          params: call.params,
          headers: redactHeaders(headers),
          body: call.body === undefined ? undefined : redactBody(call.body),
        });
      }

      let delay: number | undefined;
      try {
        // biome-ignore lint/suspicious/noExplicitAny: the resource layer types the call; the core is untyped.
        const result = await (this.#client as any).request(method, path, init);
        const response = result.response as Response | LiteResponse;
        const requestId = response.headers.get('x-request-id') ?? undefined;
        const status = response.status;
        if (log)
          log.debug(`response ${what}`, { status, requestId, ms: Math.round(performance.now() - started) });
        if (response.ok) return withResponse(result.data as T, response, requestId);
        const failure = APIError.from(
          status,
          result.error,
          response instanceof LiteResponse ? response.headers.toHeaders() : response.headers,
          what,
        );
        if (!(retryable && attempt < maxRetries && (RETRY_STATUS.has(status) || status >= 500)))
          throw failure;
        delay = this.#delay(attempt, response.headers.get('retry-after'));
        if (delay === undefined) throw failure;
        log?.debug(`retry ${what}`, { attempt: attempt + 1, status, requestId, delayMs: delay });
      } catch (err) {
        if (err instanceof CofferError) throw err;
        if (userSignal?.aborted) throw userSignal.reason;
        if (err instanceof SyntaxError) {
          throw new CofferError(`Invalid JSON in the response to ${what}: ${err.message}`, { cause: err });
        }
        const code = errorCode(err);
        let failure: CofferError;
        if (
          deadline?.fired ||
          controller?.signal.reason === TIMEOUT ||
          (code !== undefined && TIMEOUT_CODES.has(code))
        ) {
          failure = new APITimeoutError(
            `Request timed out after ${timeoutMs} ms (${what}, attempt ${attempt + 1} of ${maxRetries + 1})`,
            { cause: err },
          );
        } else {
          const reason = code ?? (err instanceof Error ? err.message : String(err));
          failure = new APIConnectionError(`Connection error: ${reason} (${what} to ${this.baseUrl})`, {
            cause: err,
          });
        }
        if (!(retryable && attempt < maxRetries)) throw failure;
        delay = this.#delay(attempt, null) as number;
        log?.debug(`retry ${what}`, { attempt: attempt + 1, error: failure.name, code, delayMs: delay });
      } finally {
        if (timer) clearTimeout(timer);
        deadline?.clear();
        if (onAbort) userSignal?.removeEventListener('abort', onAbort);
      }
      // Wait outside the attempt's timer; the caller's signal still cuts the wait short.
      await sleep(delay as number, userSignal);
    }
  }

  /** The wait before the next attempt, or undefined when `Retry-After` asks for more than we accept. */
  #delay(attempt: number, retryAfter: string | null): number | undefined {
    const ra = parseRetryAfter(retryAfter);
    if (ra !== undefined) return ra <= this.#retry.maxRetryAfterMs ? ra : undefined;
    return backoffDelay(attempt, this.#retry.baseDelayMs, this.#retry.maxDelayMs);
  }

  toJSON(): Record<string, unknown> {
    return {
      baseUrl: this.baseUrl,
      apiKey: REDACTED,
      timeoutMs: this.timeoutMs,
      maxRetries: this.maxRetries,
    };
  }
}
