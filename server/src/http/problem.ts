/** RFC 9457 problem details: the one error shape every failing response has. */
import type { FieldError } from './spec.ts';

const TYPES: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthenticated', 'Authentication required'],
  403: ['forbidden', 'Permission denied'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  408: ['request-timeout', 'Request timeout'],
  409: ['conflict', 'Conflict'],
  412: ['precondition-failed', 'Precondition failed'],
  413: ['payload-too-large', 'Payload too large'],
  422: ['validation', 'Invalid request'],
  429: ['rate-limited', 'Too many requests'],
  500: ['internal', 'Internal error'],
  503: ['backend-unavailable', 'Service unavailable'],
};

/** Problem kinds that share a status with another but call for a different reaction from a client. */
/** kind → title. */
const SPECIFIC_TYPES: Record<string, string> = {
  // A 429: waiting does not make a wrong key right, so clients should not retry it as they retry a rate limit.
  'too-many-auth-failures': 'Too many failed authentications',
};

/** Thrown by handlers; the server turns it into a problem+json response. Details must never hold values. */
export class HttpError extends Error {
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** A key of SPECIFIC_TYPES; the status's own type when absent. */
  readonly kind: string | undefined;
  constructor(
    status: number,
    detail: string,
    errors?: FieldError[],
    headers: Record<string, string> = {},
    kind?: string,
  ) {
    super(detail);
    this.name = 'HttpError';
    this.status = status;
    this.errors = errors;
    this.headers = headers;
    this.kind = kind;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
}

export function problem(
  status: number,
  detail: string,
  instance: string,
  requestId: string,
  errors?: FieldError[],
  kind?: string,
): Problem {
  const specific = kind ? SPECIFIC_TYPES[kind] : undefined;
  const [slug, title] = specific ? [kind as string, specific] : (TYPES[status] ?? ['error', 'Error']);
  const p: Problem = {
    type: `https://coffer.dev/problems/${slug}`,
    title,
    status,
    detail,
    instance,
    requestId,
  };
  if (errors && errors.length > 0) p.errors = errors;
  return p;
}

export function invalid(status: 400 | 422, errors: FieldError[], what = 'request'): HttpError {
  const n = errors.length;
  return new HttpError(status, `The ${what} has ${n} invalid field${n === 1 ? '' : 's'}.`, errors);
}
