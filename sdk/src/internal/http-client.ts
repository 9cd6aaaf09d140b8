// The HTTP core shared by the resource groups: prepares a call, runs its attempts through the retry layer,
// returns an APIPromise. Typed by path (`call`) for the resources; untyped (`send`) for `coffer.request`.
import { APIPromise, type WithResponse } from '../api-promise.ts';
import { APIError } from '../errors.ts';
import type { CofferOptions, HttpMethod, RequestOptions } from '../options.ts';
import { REDACTED } from '../secret.ts';
import { type AttemptContext, attempt } from './attempt.ts';
import { type Config, resolveConfig } from './config.ts';
import { redactBody, redactHeaders } from './redact.ts';
import { prepareCall } from './request.ts';
import { type RetryContext, withRetries } from './retry.ts';
import type { AnyCallInit, CallInit, Data, Operation, PathsWith } from './routes.ts';

const NO_INIT: AnyCallInit = {};

/**
 * Holds the API key as a {@link Secret} in a private field; `JSON.stringify` and `util.inspect` of it show
 * only the base URL.
 */
export class HttpClient {
  readonly #config: Config;

  constructor(options: CofferOptions = {}, env: NodeJS.ProcessEnv = process.env) {
    this.#config = resolveConfig(options, env);
  }

  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  get timeoutMs(): number {
    return this.#config.timeoutMs;
  }

  get maxRetries(): number {
    return this.#config.retry.maxRetries;
  }

  /** One operation of the spec, typed by its path: the path decides the parameters, body and result. */
  call<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    path: P,
    init: CallInit<Operation<M, P>>,
    options?: RequestOptions,
  ): APIPromise<Data<Operation<M, P>>> {
    return this.send<Data<Operation<M, P>>>(method, path, init, options);
  }

  /** Any route; `T` is what the caller expects the 2xx body to be. */
  send<T>(
    method: HttpMethod,
    path: string,
    init: AnyCallInit = NO_INIT,
    options?: RequestOptions,
  ): APIPromise<T> {
    return new APIPromise<T>(this.#run<T>(method, path, init, options));
  }

  #run<T>(
    method: HttpMethod,
    path: string,
    init: AnyCallInit,
    options: RequestOptions | undefined,
  ): Promise<WithResponse<T>> {
    const c = this.#config;
    const { wire, retryable } = prepareCall(
      method,
      path,
      init,
      options,
      c.prefix,
      c.headers,
      `Bearer ${c.apiKey.reveal()}`,
    );
    const what = `${method} ${path}`;
    const log = c.logger;
    const ctx: AttemptContext = {
      transport: c.transport,
      what,
      baseUrl: c.baseUrl,
      timeoutMs: options?.timeoutMs ?? c.timeoutMs,
      signal: options?.signal,
      logger: log,
    };
    const once = (n: number) => {
      log?.debug(`request ${what}`, {
        attempt: n + 1,
        url: `${c.baseUrl}${path}`,
        params: { path: init.path, query: init.query },
        headers: redactHeaders(wire.headers),
        body: init.body === undefined ? undefined : redactBody(init.body),
      });
      return attempt<T>(wire, ctx, n);
    };
    const maxRetries = options?.maxRetries ?? c.retry.maxRetries;
    if (!retryable || maxRetries <= 0) return once(0);
    const retry: RetryContext = {
      policy: maxRetries === c.retry.maxRetries ? c.retry : { ...c.retry, maxRetries },
      signal: options?.signal,
      onRetry: log
        ? (failure, n, delayMs) =>
            log.debug(`retry ${what}`, {
              attempt: n + 1,
              ...(failure instanceof APIError
                ? { status: failure.status, requestId: failure.requestId }
                : { error: failure.name }),
              delayMs,
            })
        : undefined,
    };
    return withRetries(once, retry);
  }

  /** Closes the SDK's own connection pool (a caller-supplied dispatcher is left open). */
  close(): Promise<void> {
    return this.#config.transport.close();
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
