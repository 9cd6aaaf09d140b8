// The API's naming rules, as the spec states them. The enumerations are generated from openapi/coffer.yaml;
// the patterns and limits below are the spec's (`SecretName`, `ScopeId`, `VaultSecretPath`, the AWS region,
// `WorkspaceSecretPut.expiresInDays`, `cache.ttlSeconds`), and test/rules.test.ts reads each from the spec.
// Importable alone as `@coffer/sdk/rules`, without the HTTP stack.
import {
  backendValues,
  type components,
  scopeTypeValues,
  secretCategoryValues,
  secretsManagerConfigInputFallbackValues,
  vaultAuthMethodValues,
  vaultKvVersionValues,
  workspaceSecretKeyValues,
} from './generated/schema.ts';

type Schemas = components['schemas'];
export type ScopeType = Schemas['ScopeType'];
export type SecretCategory = Schemas['SecretCategory'];
export type WorkspaceSecretKey = Schemas['WorkspaceSecretKey'];
export type Backend = Schemas['Backend'];
export type Role = Schemas['Role'];
export type Fallback = NonNullable<Schemas['SecretsManagerConfigInput']['fallback']>;
export type VaultAuthMethod = Schemas['VaultAuthMethod'];
export type VaultKvVersion = Schemas['VaultKvVersion'];

export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
export const SCOPE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The spec's `DisplayName` (organization, team and workspace names): 1..128 characters, no outer spaces. */
export const DISPLAY_NAME = /^\S(.*\S)?$/;
export const MAX_DISPLAY_NAME_LENGTH = 128;
/** The largest `expiresInDays` of a workspace override. */
export const MAX_EXPIRES_IN_DAYS = 3650;
export const SCOPE_TYPES: readonly ScopeType[] = scopeTypeValues;
export const SECRET_CATEGORIES: readonly SecretCategory[] = secretCategoryValues;
export const WORKSPACE_SECRET_KEYS: readonly WorkspaceSecretKey[] = workspaceSecretKeyValues;
export const BACKENDS: readonly Backend[] = backendValues;
export const FALLBACKS: readonly Fallback[] = secretsManagerConfigInputFallbackValues;
export const VAULT_AUTH_METHODS: readonly VaultAuthMethod[] = vaultAuthMethodValues;
export const VAULT_KV_VERSIONS: readonly VaultKvVersion[] = vaultKvVersionValues;
/** The spec's `VaultSecretPath` pattern, which mount points (`VaultK8sAuth.mountPoint`, ...) share. */
export const VAULT_PATH = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
/** The spec's AWS region pattern (`AwsSettings.region`, `VaultAwsAuth.region`). */
export const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;
/** The spec's `AwsSettings.secretPrefix` pattern (AWS secret-name characters; empty allowed). */
export const AWS_SECRET_PREFIX = /^[A-Za-z0-9/_+=.@-]{0,256}$/;
/** The spec's `VaultRef`: a READONLY_VAULT reference `path#key`, up to MAX_VAULT_REF_LENGTH characters. */
export const VAULT_REF = /^[A-Za-z0-9_./-]+#[A-Za-z0-9_.-]+$/;
export const MAX_VAULT_REF_LENGTH = 512;
/** The largest `aws.recoveryWindowDays` of the secrets manager. */
export const MAX_RECOVERY_WINDOW_DAYS = 30;
/** The largest `cache.ttlSeconds` of the secrets manager. */
export const MAX_CACHE_TTL_SECONDS = 86400;
/** The shape of the spec's `format: date-time` (RFC 3339 section 5.6, with an offset); pair it with Date.parse. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/**
 * What an API key is made of: visible ASCII, no whitespace. A key read from a file keeps its newline (trim it);
 * anything else here could not travel in `Authorization` as it was minted.
 */
export const API_KEY_CHARACTERS = /^[\x21-\x7e]+$/;
