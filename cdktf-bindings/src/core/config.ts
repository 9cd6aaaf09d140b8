// Maps the constructs' friendly options to the generated resources' configuration, validating on the way.
// Flavor-neutral: `V` is how a flavor passes a secret (a string, a token, or its TerraformVariable class); the
// flavor supplies `reveal` to turn it into the string (usually a token) the generated resource takes.
// The API's naming rules come from the SDK (generated from the spec), without its HTTP stack.
import {
  AWS_REGION,
  AWS_SECRET_PREFIX,
  type Backend,
  DISPLAY_NAME,
  FALLBACKS,
  type Fallback,
  MAX_CACHE_TTL_SECONDS,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_EXPIRES_IN_DAYS,
  MAX_RECOVERY_WINDOW_DAYS,
  MAX_VAULT_REF_LENGTH,
  SCOPE_ID,
  SCOPE_TYPES,
  type ScopeType,
  SECRET_CATEGORIES,
  SECRET_NAME,
  type SecretCategory,
  VAULT_KV_VERSIONS,
  VAULT_PATH,
  VAULT_REF,
  WORKSPACE_SECRET_KEYS,
  type WorkspaceSecretKey,
} from '@coffer/sdk/rules';
import { describe, type Issues, toTimestamp } from './validate.ts';

/** A secret passed to a construct, checked by the flavor (see `SecretInput` in each entry point). */
export interface SecretRef {
  /** What goes into the generated resource: a token (`${var.x}`) or, discouraged, a literal. */
  readonly value: string;
  /** True for a literal string: it would be written into the synthesized JSON. */
  readonly literal: boolean;
}

// ----------------------------------------------------------------------------------------------------------
// Secrets manager

export type { Fallback };

export interface SecretsManagerCommonOptions {
  /** In-process cache TTL of the server, seconds (server default 300; 0 disables). */
  readonly cacheTtlSeconds?: number;
  /** What the server does when the remote backend fails: `NONE` (503, default) or `ENV`. */
  readonly fallback?: Fallback;
}

export type VaultAuth<V> =
  | {
      readonly method: 'token';
      /** The Vault token: a sensitive variable (write-only attribute `token_wo`, never kept in state). */
      readonly token: V;
      /** Bump to send a new token (write-only attributes are not compared). Default 1. */
      readonly tokenVersion?: number;
    }
  | {
      readonly method: 'kubernetes';
      readonly role: string;
      /** Default: the service-account token path. */
      readonly tokenPath?: string;
      /** Default `kubernetes`. */
      readonly mountPoint?: string;
    }
  | {
      readonly method: 'aws';
      readonly role: string;
      /** Default `aws`. */
      readonly mountPoint?: string;
      /** Default `us-east-1`. */
      readonly region?: string;
      readonly stsEndpoint?: string;
      readonly iamServerId?: string;
    };

export interface VaultOptions<V> extends SecretsManagerCommonOptions {
  /** Vault or OpenBao address, e.g. `https://vault.internal:8200`. */
  readonly address: string;
  readonly namespace?: string;
  /** KV engine version, 1 or 2 (default 2). */
  readonly kvVersion?: 1 | 2;
  /** Default `secret/data/coffer` (v2) or `secret/coffer` (v1). */
  readonly secretPath?: string;
  /** KV v2 only; default derived from `secretPath`. */
  readonly secretMetadataPath?: string;
  /** `READONLY_VAULT`: Coffer only reads `path#key` references and never writes or deletes in Vault. */
  readonly readOnly?: boolean;
  readonly auth: VaultAuth<V>;
}

/** The options of `SecretsManager.readonlyVault()`: the Vault settings; the backend is always READONLY_VAULT. */
export type ReadonlyVaultOptions<V> = Omit<VaultOptions<V>, 'readOnly'>;

export interface AwsSecretsManagerOptions extends SecretsManagerCommonOptions {
  readonly region: string;
  /** For VPC endpoints and local emulators, e.g. `http://localhost:4566`. */
  readonly endpoint?: string;
  /** Prefix of the secret names Coffer creates, e.g. `coffer/prod/`. */
  readonly secretPrefix?: string;
  /** Days a deleted secret can be restored in AWS, 0 to 30 (server default 30; 1..6 count as 7; 0: at once). */
  readonly recoveryWindowDays?: number;
}

/** The generated `coffer_secrets_manager` configuration (camelCase, as both generators name it). */
export interface SecretsManagerResourceConfig {
  backend: Backend;
  cacheTtlSeconds?: number;
  fallback?: string;
  vault?: {
    address: string;
    authMethod: string;
    namespace?: string;
    kvVersion?: number;
    secretPath?: string;
    secretMetadataPath?: string;
    tokenWo?: string;
    tokenWoVersion?: number;
    k8S?: { role: string; tokenPath?: string; mountPoint?: string };
    aws?: { role: string; mountPoint?: string; region?: string; stsEndpoint?: string; iamServerId?: string };
  };
  aws?: { region: string; endpoint?: string; secretPrefix?: string; recoveryWindowDays?: number };
}

function checkCommon(issues: Issues, o: SecretsManagerCommonOptions): void {
  issues.integer('cacheTtlSeconds', o.cacheTtlSeconds, 0, MAX_CACHE_TTL_SECONDS);
  issues.oneOf('fallback', o.fallback, FALLBACKS);
}

function common(
  o: SecretsManagerCommonOptions,
): Pick<SecretsManagerResourceConfig, 'cacheTtlSeconds' | 'fallback'> {
  return {
    ...(o.cacheTtlSeconds !== undefined ? { cacheTtlSeconds: o.cacheTtlSeconds } : {}),
    ...(o.fallback !== undefined ? { fallback: o.fallback } : {}),
  };
}

export function plainBackendConfig(
  issues: Issues,
  backend: 'DB' | 'ENV',
  o: SecretsManagerCommonOptions = {},
): SecretsManagerResourceConfig {
  checkCommon(issues, o);
  return { backend, ...common(o) };
}

export function vaultConfig<V>(
  issues: Issues,
  o: VaultOptions<V>,
  reveal: (path: string, v: V) => SecretRef,
): SecretsManagerResourceConfig {
  checkCommon(issues, o);
  if (issues.required('address', o.address)) issues.url('address', o.address);
  issues.nonEmpty('namespace', o.namespace);
  issues.oneOf('kvVersion', o.kvVersion, VAULT_KV_VERSIONS);
  issues.pattern('secretPath', o.secretPath, VAULT_PATH, 'a Vault path without leading or trailing slashes');
  issues.pattern(
    'secretMetadataPath',
    o.secretMetadataPath,
    VAULT_PATH,
    'a Vault path without leading or trailing slashes',
  );
  if (o.kvVersion === 1 && o.secretMetadataPath !== undefined) {
    issues.add('secretMetadataPath', 'only applies to kvVersion 2 (KV v1 has no metadata endpoint)');
  }
  const vault: NonNullable<SecretsManagerResourceConfig['vault']> = { address: o.address, authMethod: '' };
  if (o.namespace !== undefined) vault.namespace = o.namespace;
  if (o.kvVersion !== undefined) vault.kvVersion = o.kvVersion;
  if (o.secretPath !== undefined) vault.secretPath = o.secretPath;
  if (o.secretMetadataPath !== undefined) vault.secretMetadataPath = o.secretMetadataPath;
  const auth = o.auth as VaultAuth<V> | undefined;
  if (!auth || typeof auth !== 'object') {
    issues.add('auth', 'is required: { method: "token" | "kubernetes" | "aws", ... }');
  } else if (auth.method === 'token') {
    vault.authMethod = 'TOKEN';
    if (auth.token === undefined || auth.token === null || (auth.token as unknown) === '') {
      issues.add('auth.token', 'is required for method "token"');
    } else {
      const ref = reveal('auth.token', auth.token);
      vault.tokenWo = ref.value;
    }
    issues.integer('auth.tokenVersion', auth.tokenVersion, 1, Number.MAX_SAFE_INTEGER);
    vault.tokenWoVersion = auth.tokenVersion ?? 1;
  } else if (auth.method === 'kubernetes') {
    vault.authMethod = 'K8S';
    issues.required('auth.role', auth.role);
    issues.known(auth.tokenPath, (p) => {
      if (!p.startsWith('/'))
        issues.add('auth.tokenPath', `must be an absolute file path, got ${JSON.stringify(p)}`);
    });
    issues.pattern('auth.mountPoint', auth.mountPoint, VAULT_PATH, 'a Vault mount path such as kubernetes');
    vault.k8S = {
      role: auth.role,
      ...(auth.tokenPath !== undefined ? { tokenPath: auth.tokenPath } : {}),
      ...(auth.mountPoint !== undefined ? { mountPoint: auth.mountPoint } : {}),
    };
  } else if (auth.method === 'aws') {
    vault.authMethod = 'AWS';
    issues.required('auth.role', auth.role);
    issues.pattern('auth.mountPoint', auth.mountPoint, VAULT_PATH, 'a Vault mount path such as kubernetes');
    issues.pattern('auth.region', auth.region, AWS_REGION, 'an AWS region such as eu-west-1');
    issues.url('auth.stsEndpoint', auth.stsEndpoint);
    issues.nonEmpty('auth.iamServerId', auth.iamServerId);
    vault.aws = {
      role: auth.role,
      ...(auth.mountPoint !== undefined ? { mountPoint: auth.mountPoint } : {}),
      ...(auth.region !== undefined ? { region: auth.region } : {}),
      ...(auth.stsEndpoint !== undefined ? { stsEndpoint: auth.stsEndpoint } : {}),
      ...(auth.iamServerId !== undefined ? { iamServerId: auth.iamServerId } : {}),
    };
  } else {
    issues.add(
      'auth.method',
      `must be one of token, kubernetes, aws, got ${JSON.stringify((auth as { method?: unknown }).method)}`,
    );
  }
  return { backend: o.readOnly ? 'READONLY_VAULT' : 'VAULT', ...common(o), vault };
}

export function awsSecretsManagerConfig(
  issues: Issues,
  o: AwsSecretsManagerOptions,
): SecretsManagerResourceConfig {
  checkCommon(issues, o);
  if (issues.required('region', o.region)) {
    issues.pattern('region', o.region, AWS_REGION, 'an AWS region such as eu-west-1');
  }
  issues.url('endpoint', o.endpoint);
  issues.pattern('secretPrefix', o.secretPrefix, AWS_SECRET_PREFIX, 'AWS secret-name characters');
  issues.integer('recoveryWindowDays', o.recoveryWindowDays, 0, MAX_RECOVERY_WINDOW_DAYS);
  return {
    backend: 'AWS_SECRETS_MANAGER',
    ...common(o),
    aws: {
      region: o.region,
      ...(o.endpoint !== undefined ? { endpoint: o.endpoint } : {}),
      ...(o.secretPrefix !== undefined ? { secretPrefix: o.secretPrefix } : {}),
      ...(o.recoveryWindowDays !== undefined ? { recoveryWindowDays: o.recoveryWindowDays } : {}),
    },
  };
}

// ----------------------------------------------------------------------------------------------------------
// Scoped secrets

export interface SecretScope {
  readonly type: ScopeType;
  readonly id: string;
}

export interface ScopedSecretCommonOptions {
  readonly scope: SecretScope;
  /** An environment-variable name: `^[A-Za-z_][A-Za-z0-9_]{0,127}$`. */
  readonly name: string;
  readonly category?: SecretCategory;
  readonly description?: string;
  /** RFC 3339 timestamp or a Date; expired secrets never resolve. */
  readonly expiresAt?: string | Date;
}

/** Checks a READONLY_VAULT reference (`path#key`) under `path`. */
export function checkVaultRef(issues: Issues, path: string, ref: string): void {
  issues.known(ref, (r) => {
    if (typeof r !== 'string' || r.length > MAX_VAULT_REF_LENGTH || !VAULT_REF.test(r))
      issues.add(
        path,
        `must be a Vault reference path#key of at most ${MAX_VAULT_REF_LENGTH} characters such as secret/data/payments/stripe#api_key (${VAULT_REF.source}), got ${typeof r === 'string' && r.length > MAX_VAULT_REF_LENGTH ? `${r.length} characters` : describe(r)}`,
      );
  });
}

export function checkScopedSecret(issues: Issues, o: ScopedSecretCommonOptions): { expiresAt?: string } {
  if (issues.required('name', o.name))
    issues.pattern('name', o.name, SECRET_NAME, 'an environment-variable name');
  if (!o.scope || typeof o.scope !== 'object') {
    issues.add('scope', 'is required: { type: "organization" | "team" | "workspace", id }');
  } else {
    if (issues.required('scope.type', o.scope.type)) issues.oneOf('scope.type', o.scope.type, SCOPE_TYPES);
    if (issues.required('scope.id', o.scope.id))
      issues.pattern('scope.id', o.scope.id, SCOPE_ID, 'a scope id');
  }
  issues.oneOf('category', o.category, SECRET_CATEGORIES);
  const expiresAt = toTimestamp(o.expiresAt);
  issues.timestamp('expiresAt', expiresAt);
  return expiresAt !== undefined ? { expiresAt } : {};
}

// ----------------------------------------------------------------------------------------------------------
// Workspace overrides

export function checkWorkspaceId(issues: Issues, workspaceId: string): void {
  if (issues.required('workspaceId', workspaceId)) {
    issues.pattern('workspaceId', workspaceId, SCOPE_ID, 'a workspace id');
  }
}

/** Checks override keys under `path` (`secrets`, or a Workspace's `overrides`, which may be empty). */
export function checkWorkspaceKeys(
  issues: Issues,
  keys: readonly string[],
  path = 'secrets',
  requireOne = true,
): keys is WorkspaceSecretKey[] {
  if (requireOne && keys.length === 0)
    issues.add(path, `must name at least one of ${WORKSPACE_SECRET_KEYS.join(', ')}`);
  let ok = true;
  for (const key of keys) {
    if (!(WORKSPACE_SECRET_KEYS as readonly string[]).includes(key)) {
      ok = false;
      issues.add(
        `${path}.${key}`,
        `is not a workspace override key; allowed: ${WORKSPACE_SECRET_KEYS.join(', ')}`,
      );
    }
  }
  return ok;
}

export function checkExpiresInDays(issues: Issues, path: string, value: number | undefined): void {
  issues.integer(path, value, 1, MAX_EXPIRES_IN_DAYS);
}

// ----------------------------------------------------------------------------------------------------------
// Teams and workspaces

export interface TeamCommonOptions {
  /** The team's id, unique in the deployment: `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`. */
  readonly teamId: string;
  /** A display name (1 to 128 characters, no leading or trailing space); the server defaults it to the id. */
  readonly name?: string;
  /** The organization; the server defaults it to the API key's organization. Changing it replaces the team. */
  readonly organizationId?: string;
  /**
   * When true, destroying the team also deletes what it still holds (its secrets, its workspaces with theirs,
   * the API keys on them). Default false: the destroy fails and names what is left.
   */
  readonly deleteContents?: boolean;
}

export interface WorkspaceCommonOptions {
  /** The workspace's id, unique in the deployment: `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`. */
  readonly workspaceId: string;
  /** A display name (1 to 128 characters, no leading or trailing space); the server defaults it to the id. */
  readonly name?: string;
  /** The organization; the server defaults it to the API key's organization. Changing it replaces the workspace. */
  readonly organizationId?: string;
  /**
   * When true, destroying the workspace also deletes the secrets and overrides it still holds. Default false: the
   * destroy fails and names what is left.
   */
  readonly deleteContents?: boolean;
}

/** The generated `coffer_team` configuration (meta-arguments aside). */
export interface TeamResourceConfig {
  id: string;
  name?: string;
  organizationId?: string;
  deleteContents?: boolean;
}

/** The generated `coffer_workspace` configuration (meta-arguments aside). */
export interface WorkspaceResourceConfig {
  id: string;
  name?: string;
  teamId?: string;
  organizationId?: string;
  deleteContents?: boolean;
}

function checkDisplayName(issues: Issues, path: string, name: string | undefined): void {
  issues.known(name, (n) => {
    if (typeof n !== 'string' || n.length > MAX_DISPLAY_NAME_LENGTH || !DISPLAY_NAME.test(n)) {
      issues.add(
        path,
        `must be a display name of 1 to ${MAX_DISPLAY_NAME_LENGTH} characters without leading or trailing spaces, got ${describeName(n)}`,
      );
    }
  });
}

function describeName(n: unknown): string {
  if (typeof n !== 'string') return n === null ? 'null' : typeof n;
  return n.length > MAX_DISPLAY_NAME_LENGTH ? `${n.length} characters` : JSON.stringify(n);
}

function deleteContents(issues: Issues, value: boolean | undefined): { deleteContents?: boolean } {
  issues.known(value, (v) => {
    if (typeof v !== 'boolean') issues.add('deleteContents', `must be true or false, got ${describe(v)}`);
  });
  return value !== undefined ? { deleteContents: value } : {};
}

function checkId(issues: Issues, path: string, value: string | undefined, what: string): void {
  if (issues.required(path, value)) issues.pattern(path, value, SCOPE_ID, what);
}

export function teamConfig(issues: Issues, o: TeamCommonOptions): TeamResourceConfig {
  checkId(issues, 'teamId', o.teamId, 'a team id');
  checkDisplayName(issues, 'name', o.name);
  issues.pattern('organizationId', o.organizationId, SCOPE_ID, 'an organization id');
  return {
    id: o.teamId,
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.organizationId !== undefined ? { organizationId: o.organizationId } : {}),
    ...deleteContents(issues, o.deleteContents),
  };
}

/** `teamId` is the team's id (a literal or a token such as a Team construct's `id`), or undefined. */
export function workspaceConfig(
  issues: Issues,
  o: WorkspaceCommonOptions,
  teamId: string | undefined,
): WorkspaceResourceConfig {
  checkId(issues, 'workspaceId', o.workspaceId, 'a workspace id');
  checkDisplayName(issues, 'name', o.name);
  if (teamId !== undefined) checkId(issues, 'team', teamId, 'a team id');
  issues.pattern('organizationId', o.organizationId, SCOPE_ID, 'an organization id');
  return {
    id: o.workspaceId,
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(teamId !== undefined ? { teamId } : {}),
    ...(o.organizationId !== undefined ? { organizationId: o.organizationId } : {}),
    ...deleteContents(issues, o.deleteContents),
  };
}
