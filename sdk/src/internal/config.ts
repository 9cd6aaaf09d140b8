// Options and environment resolved into the client's settings, with a clear error for what is missing.
import { Agent } from 'undici';
import { CofferError } from '../errors.ts';
import type { CofferOptions, Logger } from '../options.ts';
import { API_KEY_CHARACTERS } from '../rules.ts';
import { Secret } from '../secret.ts';
import { VERSION } from '../version.ts';
import { loggerFromEnv } from './log.ts';
import type { RetryPolicy } from './retry.ts';
import { DispatcherTransport } from './transport/dispatcher.ts';
import { FetchTransport } from './transport/fetch.ts';
import type { Transport } from './transport/wire.ts';

/** The retry defaults (README "Retries"): they ride out `coffer serve`'s own limiter. */
export const RETRY_DEFAULTS: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
  rateLimitBudgetMs: 60_000,
};

export interface Config {
  /** As given, without trailing slashes: `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** The base URL's path, prepended to every route (`''` for a bare origin). */
  prefix: string;
  apiKey: Secret;
  timeoutMs: number;
  retry: RetryPolicy;
  logger: Logger | undefined;
  /** Sent with every request (the API key is added per call). */
  headers: Readonly<Record<string, string>>;
  transport: Transport;
}

export function resolveConfig(options: CofferOptions, env: NodeJS.ProcessEnv): Config {
  const baseUrl = options.baseUrl ?? env.COFFER_BASE_URL;
  const apiKey = options.apiKey ?? env.COFFER_API_KEY;
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
    // Never quote what may be a key (COFFER_BASE_URL and COFFER_API_KEY swapped).
    throw new CofferError(
      baseUrl.startsWith('cof_')
        ? 'Invalid Coffer base URL: it looks like an API key (are COFFER_BASE_URL and COFFER_API_KEY swapped?)'
        : `Invalid Coffer base URL ${JSON.stringify(baseUrl)} (expected e.g. http://127.0.0.1:8080)`,
    );
  }
  if (url.username || url.password) {
    // It would be printed in every error and debug line that names the URL; Coffer authenticates by API key.
    throw new CofferError(
      'Invalid Coffer base URL: it carries a user name or password (not shown); Coffer uses only the API key',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CofferError(`Invalid Coffer base URL protocol ${url.protocol} (expected http: or https:)`);
  }
  // A key no HTTP header can carry (a trailing newline read from a file, a control character) would fail
  // every call as if the server were unreachable; say what is wrong instead, without quoting the key.
  const key = typeof apiKey === 'string' ? apiKey : apiKey.reveal();
  if (!API_KEY_CHARACTERS.test(key)) {
    throw new CofferError(
      'Invalid Coffer API key: it holds a space, a line break or another character an HTTP header cannot carry (not shown); trim what was read from a file',
    );
  }
  const r = options.retry;
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    prefix: url.pathname.replace(/\/+$/, ''),
    apiKey: Secret.from(apiKey),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: {
      maxRetries: options.maxRetries ?? RETRY_DEFAULTS.maxRetries,
      baseDelayMs: r?.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs,
      maxDelayMs: r?.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs,
      maxRetryAfterMs: r?.maxRetryAfterMs ?? RETRY_DEFAULTS.maxRetryAfterMs,
      rateLimitBudgetMs: r?.rateLimitBudgetMs ?? RETRY_DEFAULTS.rateLimitBudgetMs,
    },
    logger: options.logger ?? loggerFromEnv(env),
    headers: {
      accept: 'application/json',
      'user-agent': options.userAgent ?? `coffer-sdk-js/${VERSION} node/${process.version}`,
      ...options.defaultHeaders,
    },
    transport: transportFor(options, url.origin),
  };
}

function transportFor(options: CofferOptions, origin: string): Transport {
  if (options.fetch) return new FetchTransport(options.fetch, origin);
  if (options.dispatcher) return new DispatcherTransport(options.dispatcher, origin, false);
  const agent = new Agent({
    connections: options.connections ?? 64,
    connectTimeout: options.connectTimeout ?? 10_000,
    headersTimeout: options.headersTimeout ?? 30_000,
    bodyTimeout: options.bodyTimeout ?? 30_000,
    keepAliveTimeout: options.keepAliveTimeout ?? 10_000,
  });
  return new DispatcherTransport(agent, origin, true);
}
