export { Coffer } from './client.ts';
export {
  APIPromise,
  backoffDelay,
  type CofferOptions,
  type HttpMethod,
  type Logger,
  parseRetryAfter,
  type RequestOptions,
  type RetryOptions,
  VERSION,
  type WithResponse,
} from './core.ts';
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  CofferError,
  ConflictError,
  type FieldError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  type Problem,
  RateLimitError,
  UnprocessableEntityError,
  ValidationError,
} from './errors.ts';
export { Page, PageIterable } from './pagination.ts';
export type { ApiKeys, Audit, ListQuery, Secrets, SecretsManager, WorkspaceSecrets } from './resources.ts';
export {
  SCOPE_ID,
  SCOPE_TYPES,
  type ScopeType,
  SECRET_CATEGORIES,
  SECRET_NAME,
  type SecretCategory,
  WORKSPACE_SECRET_KEYS,
  type WorkspaceSecretKey,
} from './rules.ts';
export { Secret } from './secret.ts';
export type {
  components,
  ItemOf,
  operations,
  paths,
  QueryParams,
  RequestBody,
  ResponseBody,
  Schemas,
  SecretInput,
  SecretOutput,
} from './types.ts';
