// Retry as a layer over one attempt (the shape of undici's retry interceptor over its handler): the attempt
// knows nothing of retries; this file decides whether a failure is worth another attempt and how long to wait.
import { APIConnectionError, APIError, type CofferError } from '../errors.ts';
import { backoffDelay, parseRetryAfter } from './backoff.ts';
import { sleep } from './sleep.ts';

export interface RetryPolicy {
  /** Retries after connection errors, timeouts, 408 and 5xx; 0 turns every retry off. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A single `Retry-After` longer than this ends the retries. */
  maxRetryAfterMs: number;
  /** How long (from the first attempt) 429 answers keep being retried. */
  rateLimitBudgetMs: number;
}

export interface RetryState {
  /** Attempts made so far, minus one (0 after the first attempt failed). */
  attempt: number;
  /** Retries spent on failures other than 429. */
  errorRetries: number;
  /** Time since the first attempt started. */
  elapsedMs: number;
}

/** The 429 for too many failed authentications from one address (see the spec's TooManyRequests). */
const AUTH_FAILURES_TYPE = 'https://coffer.dev/problems/too-many-auth-failures';

/** Up to this share of a `Retry-After` is added at random, so callers told the same second do not all return at once. */
const RETRY_AFTER_SPREAD = 0.2;

/** The wait before the next attempt after `failure`, or undefined to give up and throw it. */
export function retryDelay(
  policy: RetryPolicy,
  failure: CofferError,
  state: RetryState,
  random: () => number = Math.random,
): number | undefined {
  if (policy.maxRetries <= 0) return undefined;
  if (failure instanceof APIError) {
    const status = failure.status;
    const rateLimited = status === 429;
    // A flood of failing keys from this address: waiting does not make the key right.
    if (rateLimited && failure.problem.type === AUTH_FAILURES_TYPE) return undefined;
    if (!rateLimited && status !== 408 && status < 500) return undefined;
    if (!rateLimited && state.errorRetries >= policy.maxRetries) return undefined;
    const retryAfter = parseRetryAfter(failure.headers.get('retry-after'));
    if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return undefined;
    const delay =
      retryAfter !== undefined
        ? retryAfter + Math.floor(random() * retryAfter * RETRY_AFTER_SPREAD)
        : backoffDelay(state.attempt, policy.baseDelayMs, policy.maxDelayMs, random);
    if (rateLimited && state.elapsedMs + delay > policy.rateLimitBudgetMs) return undefined;
    return delay;
  }
  if (failure instanceof APIConnectionError && state.errorRetries < policy.maxRetries) {
    return backoffDelay(state.attempt, policy.baseDelayMs, policy.maxDelayMs, random);
  }
  return undefined;
}

export interface RetryContext {
  policy: RetryPolicy;
  /** The caller's signal: once aborted nothing is retried, and it cuts a wait short. */
  signal: AbortSignal | undefined;
  /** Told about each retry before its wait (the debug log). */
  onRetry?: (failure: CofferError, attempt: number, delayMs: number) => void;
}

/** Only answers and connection failures are worth another attempt; anything else (a bug, invalid JSON) is thrown. */
function mayRetry(e: unknown): e is CofferError {
  return e instanceof APIError || e instanceof APIConnectionError;
}

/** Runs `attempt` until it succeeds or {@link retryDelay} gives up; only API and connection errors are retried. */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, ctx: RetryContext): Promise<T> {
  const started = performance.now();
  let errorRetries = 0;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!mayRetry(err) || ctx.signal?.aborted) throw err;
      const state = { attempt: n, errorRetries, elapsedMs: performance.now() - started };
      const delay = retryDelay(ctx.policy, err, state);
      if (delay === undefined) throw err;
      if (!(err instanceof APIError && err.status === 429)) errorRetries++;
      ctx.onRetry?.(err, n, delay);
      await sleep(delay, ctx.signal);
    }
  }
}
