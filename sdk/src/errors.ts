/** One invalid field, as the API (RFC 9457 `errors[]`) or the SDK's own validation reports it. */
export interface FieldError {
  /** JSON pointer into the request: `/name`, `/scope/id`, `/query/limit`. */
  pointer: string;
  detail: string;
}

/** RFC 9457 problem details as Coffer sends them (`application/problem+json`). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** Base class of every error the SDK throws. */
export class CofferError extends Error {
  override name = 'CofferError';
}

/** The client refused the input before sending anything. */
export class ValidationError extends CofferError {
  override name = 'ValidationError';
  /** Pointer of the first invalid field (e.g. `/name`). */
  readonly pointer: string;
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    const first = errors[0] ?? { pointer: '', detail: 'invalid input' };
    super(
      `Invalid request: ${errors.map((e) => `${e.pointer || '/'}: ${e.detail}`).join('; ')} (refused by the SDK, not sent)`,
    );
    this.pointer = first.pointer;
    this.errors = errors;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The API answered with a non-2xx status. */
export class APIError extends CofferError {
  override name = 'APIError';
  readonly status: number;
  /** Parsed problem details (an empty object when the body was not JSON). */
  readonly problem: Problem;
  /** `X-Request-Id` of the response (or `problem.requestId`); quote it when reporting a problem. */
  readonly requestId: string | undefined;
  readonly headers: Headers;
  /** Shortcut for `problem.errors ?? []`. */
  readonly errors: FieldError[];

  constructor(
    status: number,
    problem: Problem,
    headers: Headers,
    requestId: string | undefined,
    what?: string,
  ) {
    super(APIError.describe(status, problem, requestId, what));
    this.status = status;
    this.problem = problem;
    this.headers = headers;
    this.requestId = requestId;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }

  /** Builds the subclass that matches the status. */
  static from(status: number, body: unknown, headers: Headers, what?: string): APIError {
    const problem: Problem =
      body !== null && typeof body === 'object' && !Array.isArray(body)
        ? (body as Problem)
        : typeof body === 'string' && body !== ''
          ? { detail: body.slice(0, 500) }
          : {};
    const requestId =
      headers.get('x-request-id') ?? (typeof problem.requestId === 'string' ? problem.requestId : undefined);
    const Ctor = errorClassFor(status);
    return new Ctor(status, problem, headers, requestId, what);
  }

  private static describe(status: number, problem: Problem, requestId: string | undefined, what?: string) {
    const title = typeof problem.title === 'string' ? problem.title : (STATUS_TEXT[status] ?? 'Error');
    let msg = `${status} ${title}`;
    if (typeof problem.detail === 'string' && problem.detail !== '' && problem.detail !== title) {
      msg += `: ${problem.detail}`;
    }
    if (Array.isArray(problem.errors) && problem.errors.length > 0) {
      msg += ` [${problem.errors
        .slice(0, 5)
        .map((e) => `${e?.pointer ?? '?'}: ${e?.detail ?? 'invalid'}`)
        .join('; ')}]`;
    }
    const ctx = [what, requestId ? `request id ${requestId}` : 'no request id'].filter(Boolean).join(', ');
    return `${msg} (${ctx})`;
  }
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
export class PreconditionFailedError extends APIError {
  override name = 'PreconditionFailedError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

function errorClassFor(status: number): typeof APIError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 412:
      return PreconditionFailedError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

/** No HTTP response was received (DNS, refused or reset connection, TLS, ...). */
export class APIConnectionError extends CofferError {
  override name = 'APIConnectionError';
}

/** The request did not complete within `timeoutMs` (per attempt). */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError';
}
