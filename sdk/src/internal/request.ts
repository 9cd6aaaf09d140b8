// One logical call in wire form: the target, the headers (auth, idempotency key, conditions) and the body,
// and whether the call is safe to repeat.
import { randomUUID } from 'node:crypto';
import type { HttpMethod, RequestOptions } from '../options.ts';
import type { AnyCallInit } from './routes.ts';
import { serializeBody, serializePath, serializeQuery } from './serialize.ts';
import type { WireRequest } from './transport/wire.ts';

const IDEMPOTENT = new Set<string>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export interface PreparedCall {
  wire: WireRequest;
  /** Whether a retry cannot apply the call twice (README "Retries"). */
  retryable: boolean;
}

/** A version (3 or "3") becomes the strong ETag `"3"`; anything else (an ETag you read, `*`) is sent as is. */
function formatEtag(v: string | number): string {
  return typeof v === 'number' || /^[0-9]+$/.test(v) ? `"${v}"` : v;
}

export function prepareCall(
  method: HttpMethod,
  template: string,
  init: AnyCallInit,
  options: RequestOptions | undefined,
  prefix: string,
  baseHeaders: Readonly<Record<string, string>>,
  authorization: string,
): PreparedCall {
  const headers: Record<string, string> = { ...baseHeaders, authorization };
  if (options?.headers) Object.assign(headers, options.headers);
  let retryable = IDEMPOTENT.has(method);
  // A POST, and a conditional write: without the key, a retry of a write that landed but whose answer was lost
  // would answer 412 (If-Match: the version moved on; If-None-Match: the resource exists now).
  const conditional = options?.ifMatch !== undefined || options?.ifNoneMatch !== undefined;
  if ((method === 'POST' || (conditional && method !== 'GET')) && options?.idempotencyKey !== false) {
    headers['idempotency-key'] = options?.idempotencyKey ?? randomUUID();
    retryable = true;
  }
  if (options?.ifMatch !== undefined) {
    headers['if-match'] = formatEtag(options.ifMatch);
    // A PATCH replayed with If-Match cannot apply twice: the second attempt answers 412.
    if (method === 'PATCH') retryable = true;
  }
  if (options?.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch;
  let body: string | null = null;
  if (init.body !== undefined) {
    body = serializeBody(init.body);
    headers['content-type'] ??= 'application/json';
  }
  let target = prefix + serializePath(template, init.path);
  if (init.query) {
    const q = serializeQuery(init.query);
    if (q) target += `?${q}`;
  }
  return { wire: { method, target, headers, body }, retryable };
}
