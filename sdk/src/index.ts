export { APIPromise, type WithResponse } from './api-promise.ts';
export { Coffer, type Health, type RawRequestInit, type Readiness } from './client.ts';
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
export type { CofferOptions, HttpMethod, Logger, RequestOptions, RetryOptions } from './options.ts';
export { Page, PageIterable } from './pagination.ts';
export type {
  ApiKey,
  ApiKeyCreated,
  ApiKeyCreateParams,
  ApiKeyListParams,
  ApiKeys,
} from './resources/api-keys.ts';
export type {
  Audit,
  AuditEvent,
  AuditEventListParams,
  AuditEventType,
  AuditTarget,
  Principal,
  SecretRead,
  SecretReadListParams,
} from './resources/audit.ts';
export type {
  Organization,
  OrganizationCreateParams,
  OrganizationDeleteParams,
  OrganizationListParams,
  Organizations,
  OrganizationUpdateParams,
} from './resources/organizations.ts';
export type {
  ResolvedSecret,
  ResolveParams,
  ResolveResult,
  SecretCreateParams,
  SecretListParams,
  SecretMetadata,
  Secrets,
  SecretUpdateParams,
} from './resources/secrets.ts';
export type {
  SecretsManager,
  SecretsManagerCheckResult,
  SecretsManagerConfig,
  SecretsManagerMigrateParams,
  SecretsManagerMigration,
  SecretsManagerPutParams,
} from './resources/secrets-manager.ts';
export type {
  Team,
  TeamCreateParams,
  TeamDeleteParams,
  TeamListParams,
  Teams,
  TeamUpdateParams,
} from './resources/teams.ts';
export type {
  WorkspaceSecret,
  WorkspaceSecretListParams,
  WorkspaceSecretPutParams,
  WorkspaceSecrets,
} from './resources/workspace-secrets.ts';
export type {
  Workspace,
  WorkspaceCreateParams,
  WorkspaceDeleteParams,
  WorkspaceListParams,
  Workspaces,
  WorkspaceUpdateParams,
} from './resources/workspaces.ts';
export {
  DISPLAY_NAME,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_EXPIRES_IN_DAYS,
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
  Backend,
  components,
  ItemOf,
  ListQuery,
  operations,
  paths,
  QueryParams,
  RequestBody,
  ResponseBody,
  Role,
  Schema,
  Schemas,
  Scope,
  SecretInput,
  SecretOutput,
} from './types.ts';
export { VERSION } from './version.ts';
