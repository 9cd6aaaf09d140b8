// The client's and each request's options (public types).
import type { Dispatcher } from 'undici';
import type { Secret } from './secret.ts';

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
  /** Largest single `Retry-After` the SDK will wait for; a longer one ends the retries. Default 60000. */
  maxRetryAfterMs?: number;
  /**
   * How long one call keeps retrying 429 answers, counted from its first attempt: a retry whose wait would end
   * later is not made. 429s do not use up `maxRetries` (a rate limit says "later", not "broken"); `maxRetries: 0`
   * still turns them off. Default 60000.
   */
  rateLimitBudgetMs?: number;
}

export interface CofferOptions {
  /** e.g. `http://127.0.0.1:8080` (routes are under `/v1`). Default: env `COFFER_BASE_URL`. */
  baseUrl?: string;
  /** Bearer token. Default: env `COFFER_API_KEY`. Stored as a {@link Secret}. */
  apiKey?: string | Secret;
  /** Per-attempt timeout (whole request incl. body). Default 30000; 0 disables. */
  timeoutMs?: number;
  /** Retries after connection errors, timeouts, 408 and 5xx. Default 2; 0 disables every retry (429s too). */
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
  /** A fetch-compatible function to use instead of undici (dispatcher options then do not apply). */
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
   * `Idempotency-Key` for a POST or a conditional write (`ifMatch`, `ifNoneMatch`). By default the SDK generates
   * one per call (reused on every retry); pass your own to deduplicate across processes, or `false` to send none
   * (a POST is then not retried).
   */
  idempotencyKey?: string | false;
  /** `If-Match`: an ETag (`"3"`) or a secret's `revision` (3, quoted for you); it changes on every update, metadata too. */
  ifMatch?: string | number;
  /** `If-None-Match: *`: create only (a PUT answers 412 when the resource exists already). */
  ifNoneMatch?: '*';
  headers?: Record<string, string>;
}
