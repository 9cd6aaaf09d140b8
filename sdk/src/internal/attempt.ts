// One attempt of a call: send it with its deadline, then turn the outcome into the parsed body or a typed error.
import { APIConnectionError, APIError, APITimeoutError, CofferError } from '../errors.ts';
import type { Logger } from '../options.ts';
import { Deadline } from './deadline.ts';
import { CallResult } from './result.ts';
import type { Transport, WireRequest, WireResponse } from './transport/wire.ts';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export interface AttemptContext {
  transport: Transport;
  /** `METHOD /path/{template}`, for messages and logs. */
  what: string;
  baseUrl: string;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  logger: Logger | undefined;
}

/** The first `code` string on an error or its causes (undici and Node put them at different depths). */
function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    if ('code' in e && typeof e.code === 'string') return e.code;
    e = 'cause' in e ? e.cause : undefined;
  }
  return undefined;
}

/** The body of a 2xx answer: undefined when empty (204, HEAD), else JSON. */
function parseData(res: WireResponse, method: string, what: string): unknown {
  if (res.status === 204 || method === 'HEAD' || res.text === '') return undefined;
  try {
    return JSON.parse(res.text);
  } catch (err) {
    throw new CofferError(`Invalid JSON in the response to ${what}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** The body of an error answer: JSON when it parses (problem details), else the text. */
function parseProblem(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function connectionFailure(
  err: unknown,
  deadline: Deadline | null,
  ctx: AttemptContext,
  n: number,
): CofferError {
  const code = errorCode(err);
  if (deadline?.timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new APITimeoutError(
      `Request timed out after ${ctx.timeoutMs} ms (${ctx.what}, attempt ${n + 1})`,
      {
        cause: err,
      },
    );
  }
  const reason = code ?? (err instanceof Error ? err.message : String(err));
  return new APIConnectionError(`Connection error: ${reason} (${ctx.what} to ${ctx.baseUrl})`, {
    cause: err,
  });
}

/** Sends `wire` once (attempt number `n`, from 0). */
export async function attempt<T>(wire: WireRequest, ctx: AttemptContext, n: number): Promise<CallResult<T>> {
  const { signal, logger } = ctx;
  signal?.throwIfAborted();
  const deadline = ctx.timeoutMs > 0 || signal ? new Deadline(ctx.timeoutMs, signal) : null;
  const started = logger ? performance.now() : 0;
  let res: WireResponse;
  try {
    res = await ctx.transport.send(wire, deadline);
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    throw connectionFailure(err, deadline, ctx, n);
  } finally {
    deadline?.clear();
  }
  const requestId = res.headers.get('x-request-id') ?? undefined;
  logger?.debug(`response ${ctx.what}`, {
    status: res.status,
    requestId,
    ms: Math.round(performance.now() - started),
  });
  if (res.ok) return new CallResult(parseData(res, wire.method, ctx.what) as T, res, requestId);
  throw APIError.from(res.status, parseProblem(res.text), res.headers.toHeaders(), ctx.what);
}
