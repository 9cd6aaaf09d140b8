/**
 * Coffer store: the repository interface shared by the SQLite (node:sqlite) and PostgreSQL (pg)
 * implementations. Everything is async so both implementations fit the same shape.
 *
 * Conventions:
 * - Timestamps are ISO-8601 strings in UTC with millisecond precision (`new Date().toISOString()`).
 * - Encrypted values cross this interface as `Envelope` strings produced by the store's Cipher
 *   (`server/src/crypto`). The HTTP layer never builds envelopes itself: it calls the `*Value` helpers
 *   (`encryptSecretValue`, `decryptSecretValue`, ...) exposed on `Store.crypto`, which bind the ciphertext
 *   to its row (AAD) so a ciphertext copied into another row fails to decrypt.
 * - Decrypted plaintext is returned as `SecretValue` (prints as "[redacted]").
 * - Pagination is keyset: `list*` returns `{ items, nextCursor }`; `nextCursor` is an opaque string, null on
 *   the last page. Pass it back unchanged; an invalid cursor throws `InvalidCursorError` (answer 400).
 */

// The API's enumerations come from the spec (generated into @coffer/sdk/rules); a type-only import, so the
// server carries no SDK code at run time.
import type { Backend, Role, ScopeType, SecretCategory } from '@coffer/sdk/rules';

export type { Role, ScopeType };
export type Category = SecretCategory;
export type StorageBackend = Backend;

/** Opaque encrypted value (see README-store.md, "Envelope"). */
export type Envelope = string;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  /** 1..500; the store clamps to that range. Default 100. */
  limit?: number;
  cursor?: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Records

/** An organization: a hard boundary. Every team, workspace, secret and API key belongs to exactly one. */
export interface OrganizationRecord {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Starts at 1; +1 on every update: the ETag. */
  revision: number;
}

export interface TeamRecord extends OrganizationRecord {
  organizationId: string;
}

export interface WorkspaceRecord extends OrganizationRecord {
  organizationId: string;
  /** Null: the workspace belongs directly to its organization. */
  teamId: string | null;
}

/**
 * What a key reaches, as the store filters by it: an organization, one team of it (the team and its
 * workspaces) or one workspace of it.
 */
export type Reach =
  | { organizationId: string; teamId?: undefined; workspaceId?: undefined }
  | { organizationId: string; teamId: string; workspaceId?: undefined }
  | { organizationId: string; teamId?: undefined; workspaceId: string };

/** What is left beneath a team, workspace or organization (a delete without cascade refuses while any is not 0). */
export interface ScopeContents {
  secrets: number;
  overrides: number;
  teams: number;
  workspaces: string[];
  /** Unrevoked deployment keys of an organization (0 for a team or workspace). */
  deploymentKeys: number;
}

export interface SecretRecord {
  id: string; // uuid
  scopeType: ScopeType;
  scopeId: string;
  name: string;
  category: Category;
  description: string | null;
  expiresAt: string | null;
  /** Starts at 1; the store adds 1 on every update that changes the value (`valueChanged: true`). */
  version: number;
  /** Starts at 1; +1 on every update (metadata too): the ETag. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  lastRotatedAt: string | null;
  storageBackend: StorageBackend;
  /** Vault path / AWS ARN, never the value. */
  storageReference: string | null;
  /** The remote version Coffer wrote and reads (KV v2 version, AWS version id); null for DB, ENV, KV v1. */
  storageRemoteVersion: string | null;
  /** DB backend: the encrypted value (AAD bound to id+scope+name). Null for external backends. */
  valueEnvelope: Envelope | null;
  /** READONLY_VAULT: `path#key`. */
  vaultRef: string | null;
}

export interface NewSecret {
  /** Optional: the store generates a uuid when absent. Needed up front when encrypting (AAD uses the id). */
  id?: string;
  scopeType: ScopeType;
  scopeId: string;
  name: string;
  category: Category;
  description?: string | null;
  expiresAt?: string | null;
  storageBackend: StorageBackend;
  storageReference?: string | null;
  storageRemoteVersion?: string | null;
  valueEnvelope?: Envelope | null;
  vaultRef?: string | null;
}

export interface SecretPatch {
  description?: string | null;
  expiresAt?: string | null;
  category?: Category;
  storageBackend?: StorageBackend;
  storageReference?: string | null;
  storageRemoteVersion?: string | null;
  valueEnvelope?: Envelope | null;
  vaultRef?: string | null;
  /** True when the value (or vaultRef) changed: version += 1 and lastRotatedAt = now. */
  valueChanged?: boolean;
}

export interface SecretFilter extends PageRequest {
  /** Only secrets on scopes within this reach. */
  within?: Reach;
  scopeType?: ScopeType;
  scopeId?: string;
  namePrefix?: string;
  category?: Category;
}

export interface WorkspaceSecretRecord {
  workspaceId: string;
  key: string;
  /** Principal (API key id) that last set it. */
  setBy: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  /** 1 on create, +1 on each replace. */
  version: number;
  valueEnvelope: Envelope;
}

export interface WorkspaceSecretPut {
  workspaceId: string;
  key: string;
  setBy: string;
  expiresAt: string | null;
  valueEnvelope: Envelope;
  /** Create only: throw DuplicateError instead of replacing an existing override. */
  createOnly?: boolean;
}

export interface ApiKeyRecord {
  id: string; // uuid
  name: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  /** First characters of the token, shown in listings (e.g. "cfr_ab12cd"). */
  prefix: string;
  /**
   * Lowercase hex SHA-256 of the full token. Tokens are >= 256 bits of randomness, so a fast unsalted hash
   * is correct: brute force is infeasible regardless of hash speed, and a deterministic hash allows an
   * indexed lookup by hash (a per-row salt or a slow KDF would force a scan or a second identifier).
   */
  tokenHash: string;
  /** The organization the key belongs to; null only for a key made before its scope existed (it covers nothing). */
  organizationId: string | null;
  /** A deployment key: organizations, the secrets-manager configuration, keys in any organization. */
  deployment: boolean;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type NewApiKey = Omit<
  ApiKeyRecord,
  'createdAt' | 'lastUsedAt' | 'revokedAt' | 'id' | 'organizationId' | 'deployment'
> & {
  id?: string;
  organizationId?: string | null;
  deployment?: boolean;
};

export interface ApiKeyFilter extends PageRequest {
  within?: Reach;
  scopeType?: ScopeType;
  scopeId?: string;
  includeRevoked?: boolean;
}

export interface SecretReadAuditRecord {
  id: string; // uuid
  at: string;
  secretId: string | null;
  name: string;
  scopeType: ScopeType;
  scopeId: string;
  backend: StorageBackend;
  cacheHit: boolean;
  /** API key id (or "bootstrap", ...). */
  principalId: string | null;
  requestId: string | null;
  /** The organization the read happened in (the workspace's). */
  organizationId: string | null;
  /** 'resolve' | 'backend-fetch' | ... */
  kind: string;
  /**
   * value: the value was handed out; fallback: from the server's environment because the backend failed;
   * missing: a remote value that is no longer there (nothing handed out; `detail` says why).
   */
  outcome: 'value' | 'fallback' | 'missing';
  /** Why, for fallback and missing (never a value). */
  detail: string | null;
}

export type NewSecretReadAudit = Omit<
  SecretReadAuditRecord,
  'id' | 'at' | 'outcome' | 'detail' | 'organizationId'
> & {
  organizationId?: string | null;
  at?: string;
  outcome?: SecretReadAuditRecord['outcome'];
  detail?: string | null;
};

export interface AuditEventRecord {
  id: string; // uuid
  at: string;
  /** e.g. 'secret.created', 'secret.updated', 'secret.deleted', 'workspaceSecret.put', 'apiKey.revoked',
   * 'secretsManager.updated', 'auth.failed'. */
  type: string;
  principalId: string | null;
  requestId: string | null;
  /** Secret name / workspace key / api key name the event is about (filterable). */
  name: string | null;
  scopeType: ScopeType | null;
  scopeId: string | null;
  /** The organization the event belongs to; null for deployment-level events (organizations, configuration, failed logins). */
  organizationId: string | null;
  /** Non-secret details (never values). */
  details: Record<string, unknown> | null;
}

export type NewAuditEvent = Omit<AuditEventRecord, 'id' | 'at' | 'organizationId'> & {
  at?: string;
  organizationId?: string | null;
};

export interface AuditFilter extends PageRequest {
  /** Inclusive lower bound (ISO). */
  from?: string;
  /** Exclusive upper bound (ISO). */
  to?: string;
  name?: string;
  type?: string;
  /** Order by (at, id) descending; the cursor then walks towards older records. */
  newestFirst?: boolean;
  /** Only records within this reach. */
  within?: Reach;
  /** Inclusive lower bound (ISO) on the records within `within` only (not on deployment-level ones). */
  withinFrom?: string;
  /** Also deployment-level records (organization_id null). */
  deploymentLevel?: boolean;
}

export interface SecretsManagerConfigRecord {
  /**
   * The stored configuration JSON (the PUT body after defaults). The Vault token is NOT in here in clear:
   * it is stored separately as `vaultTokenEnvelope` (use `Store.crypto.encryptConfigToken`).
   */
  config: Record<string, unknown>;
  vaultTokenEnvelope: Envelope | null;
  updatedAt: string;
}

export interface IdempotencyRecord {
  key: string;
  principalId: string;
  method: string;
  path: string;
  /** sha256 hex of the canonical request body. */
  bodyHash: string;
  status: number;
  responseBody: string;
  responseHeaders: Record<string, string>;
  createdAt: string;
  expiresAt: string;
}

// ---------------------------------------------------------------------------------------------------------
// Results and errors

export type UpdateResult<T> =
  | { ok: true; record: T }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'revision_conflict'; currentRevision: number };

export interface ResolveCandidates {
  /** Rows with scopeType 'workspace' and scopeId = workspaceId, name in names. */
  workspace: SecretRecord[];
  /** Rows of the workspace's team (empty when it has none). */
  team: SecretRecord[];
  /** Rows of the workspace's organization. */
  organization: SecretRecord[];
  /** Workspace overrides for workspaceId whose key is in names. */
  overrides: WorkspaceSecretRecord[];
}

/** Unique constraint violation, e.g. (scopeType, scopeId, name) on secrets: answer 409. */
export class DuplicateError extends Error {
  readonly constraint: string;
  constructor(constraint: string, message?: string) {
    super(message ?? `duplicate: ${constraint}`);
    this.name = 'DuplicateError';
    this.constraint = constraint;
  }
}

/** The cursor string could not be decoded: answer 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid pagination cursor');
    this.name = 'InvalidCursorError';
  }
}

/** The store refuses to start (wrong encryption secret, bad settings). Message is safe to print. */
/**
 * The store refused a write for want of space: SQLite's SQLITE_FULL (disk full, or max_page_count reached)
 * or PostgreSQL's class 53 (insufficient resources: disk_full, out_of_memory, too_many_connections).
 */
export function isStorageFullError(err: unknown): boolean {
  const e = err as { errcode?: number; code?: string; errstr?: string } | null;
  if (!e || typeof e !== 'object') return false;
  // node:sqlite reports the primary result code in errcode (extended codes keep it in the low byte).
  if (typeof e.errcode === 'number' && (e.errcode & 0xff) === 13) return true;
  return e.code === '53100';
}

/** SQLite found the database damaged (SQLITE_CORRUPT, SQLITE_NOTADB) or PostgreSQL data corruption (XX001/2). */
export function isStoreDamagedError(err: unknown): boolean {
  const e = err as { errcode?: number; code?: string } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.errcode === 'number') return [11, 26].includes(e.errcode & 0xff);
  return e.code === 'XX001' || e.code === 'XX002';
}

export class StoreStartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreStartupError';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Crypto helpers bound to row identity (AAD). Exposed on Store.crypto.

import type { StoreCrypto } from '../crypto/bindings.ts';

export type { StoreCrypto };

// ---------------------------------------------------------------------------------------------------------
// The repository

export interface SecretsRepo {
  /** Throws DuplicateError on (scopeType, scopeId, name). */
  create(input: NewSecret): Promise<SecretRecord>;
  get(id: string): Promise<SecretRecord | null>;
  getByNaturalKey(scopeType: ScopeType, scopeId: string, name: string): Promise<SecretRecord | null>;
  /** Ordered by (createdAt, id) ascending; stable under concurrent inserts. */
  list(filter: SecretFilter): Promise<Page<SecretRecord>>;
  /**
   * Compare-and-set on version: when `expectedVersion` is given and differs from the stored one, nothing
   * changes and `{ ok: false, reason: 'revision_conflict' }` comes back (answer 412).
   */
  /** With `expectedRevision`, only if the row is still at that revision (If-Match). */
  update(id: string, patch: SecretPatch, expectedRevision?: number): Promise<UpdateResult<SecretRecord>>;
  /** True when a row was deleted (false: 404). */
  delete(id: string): Promise<boolean>;
  /** Candidates per layer, expired rows included (the caller applies expiry and precedence). */
  findForResolve(chain: ResolveChain, names: string[]): Promise<ResolveCandidates>;
  /** Secrets on one scope, for a cascade delete (every one, no paging). */
  listOnScope(scopeType: ScopeType, scopeId: string): Promise<SecretRecord[]>;
  count(): Promise<number>;
}

/** The scopes a workspace resolves through, narrowest first. */
export interface ResolveChain {
  workspaceId: string;
  teamId: string | null;
  organizationId: string;
}

export interface OrganizationsRepo {
  /** Throws DuplicateError when the id is taken. */
  create(input: { id: string; name: string }): Promise<OrganizationRecord>;
  get(id: string): Promise<OrganizationRecord | null>;
  /** Every organization, or only `only`. Ordered by (createdAt, id). */
  list(filter: PageRequest & { only?: string }): Promise<Page<OrganizationRecord>>;
  update(
    id: string,
    patch: { name?: string },
    expectedRevision?: number,
  ): Promise<UpdateResult<OrganizationRecord>>;
  delete(id: string): Promise<boolean>;
}

export interface TeamsRepo {
  create(input: { id: string; organizationId: string; name: string }): Promise<TeamRecord>;
  get(id: string): Promise<TeamRecord | null>;
  list(filter: PageRequest & { organizationId: string; only?: string }): Promise<Page<TeamRecord>>;
  update(id: string, patch: { name?: string }, expectedRevision?: number): Promise<UpdateResult<TeamRecord>>;
  delete(id: string): Promise<boolean>;
}

export interface WorkspacesRepo {
  create(input: {
    id: string;
    organizationId: string;
    teamId: string | null;
    name: string;
  }): Promise<WorkspaceRecord>;
  get(id: string): Promise<WorkspaceRecord | null>;
  list(
    filter: PageRequest & { organizationId: string; teamId?: string; only?: string },
  ): Promise<Page<WorkspaceRecord>>;
  update(
    id: string,
    patch: { name?: string; teamId?: string | null },
    expectedRevision?: number,
  ): Promise<UpdateResult<WorkspaceRecord>>;
  delete(id: string): Promise<boolean>;
}

export interface ScopesRepo {
  /** What is left on a scope and beneath it. */
  contents(scopeType: ScopeType, scopeId: string): Promise<ScopeContents>;
  /** Revokes every unrevoked key on the scope; returns their ids. */
  revokeKeysOn(scopeType: ScopeType, scopeId: string): Promise<string[]>;
  /**
   * Whether the scope exists, inside a transaction that writes into it (`write`) or deletes it (`delete`). On
   * PostgreSQL its row stays locked until the transaction ends (FOR KEY SHARE / FOR UPDATE), so a write into
   * a scope and its delete are ordered: the delete waits for the write and then sees what it wrote, or the
   * write waits for the delete and finds no scope. SQLite runs write transactions one at a time already.
   */
  lock(scopeType: ScopeType, scopeId: string, intent: 'write' | 'delete'): Promise<boolean>;
  /** Deletes a workspace's overrides; returns how many. */
  deleteOverrides(workspaceId: string): Promise<number>;
}

export interface WorkspaceSecretsRepo {
  /** Creates (version 1, created: true) or replaces (version + 1, created: false); with `createOnly` an
   * existing override throws DuplicateError and stays as it was. */
  upsert(input: WorkspaceSecretPut): Promise<{ record: WorkspaceSecretRecord; created: boolean }>;
  get(workspaceId: string, key: string): Promise<WorkspaceSecretRecord | null>;
  /** Ordered by key. */
  list(workspaceId: string, page?: PageRequest): Promise<Page<WorkspaceSecretRecord>>;
  delete(workspaceId: string, key: string): Promise<boolean>;
}

export interface ApiKeysRepo {
  /** Throws DuplicateError on tokenHash. */
  create(input: NewApiKey): Promise<ApiKeyRecord>;
  get(id: string): Promise<ApiKeyRecord | null>;
  /** Returns the row whatever its state; the caller checks revokedAt / expiresAt. */
  findByTokenHash(tokenHash: string): Promise<ApiKeyRecord | null>;
  /** Ordered by (createdAt, id). */
  list(filter?: ApiKeyFilter): Promise<Page<ApiKeyRecord>>;
  /** Sets revokedAt (idempotent: keeps the first revocation time). Null when the id is unknown. */
  revoke(id: string, at?: string): Promise<ApiKeyRecord | null>;
  /** Best-effort, cheap: the store may skip the write when lastUsedAt is less than ~60 s old. */
  touchLastUsed(id: string, at?: string): Promise<void>;
  count(): Promise<number>;
}

export interface AuditRepo {
  appendSecretRead(entry: NewSecretReadAudit): Promise<SecretReadAuditRecord>;
  appendSecretReads(entries: NewSecretReadAudit[]): Promise<void>;
  /** Ordered by (at, id) ascending (descending with `newestFirst`). */
  listSecretReads(filter: AuditFilter): Promise<Page<SecretReadAuditRecord>>;
  appendEvent(entry: NewAuditEvent): Promise<AuditEventRecord>;
  listEvents(filter: AuditFilter): Promise<Page<AuditEventRecord>>;
}

export interface ConfigRepo {
  getSecretsManager(): Promise<SecretsManagerConfigRecord | null>;
  putSecretsManager(
    config: Record<string, unknown>,
    vaultTokenEnvelope: Envelope | null,
  ): Promise<SecretsManagerConfigRecord>;
  /** Back to "no config" (DB defaults). */
  deleteSecretsManager(): Promise<void>;
}

export interface IdempotencyRepo {
  /** Null when absent or expired. */
  get(principalId: string, key: string): Promise<IdempotencyRecord | null>;
  /**
   * Insert; when a live record with the same (principalId, key) already exists the existing record is
   * returned and nothing is written (first writer wins).
   */
  put(record: IdempotencyRecord): Promise<IdempotencyRecord>;
  /** Deletes expired rows; returns how many. */
  purgeExpired(now?: string): Promise<number>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly organizations: OrganizationsRepo;
  readonly teams: TeamsRepo;
  readonly workspaces: WorkspacesRepo;
  readonly scopes: ScopesRepo;
  readonly secrets: SecretsRepo;
  readonly workspaceSecrets: WorkspaceSecretsRepo;
  readonly apiKeys: ApiKeysRepo;
  readonly audit: AuditRepo;
  readonly config: ConfigRepo;
  readonly idempotency: IdempotencyRepo;
  readonly crypto: StoreCrypto;
  /** Meta key/value (schema version, canary, bootstrap flags...). */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Runs fn with a Store bound to one transaction (SQLite: BEGIN IMMEDIATE; PG: one pooled client).
   * Commits when fn resolves, rolls back when it throws. Do not nest.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Readiness: resolves when the database answers a trivial query; throws otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** COFFER_DATA_DIR: SQLite files and the generated encryption.secret live here. */
  dataDir: string;
  /** COFFER_DATABASE_URL: when set, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string | undefined;
  /** COFFER_ENCRYPTION_SECRET (>= 32 chars). When absent, read/generate `<dataDir>/encryption.secret`. */
  encryptionSecret?: string | undefined;
  /** COFFER_ENCRYPTION_SECRET_PREVIOUS: re-encrypt everything from this key on start. */
  previousSecret?: string | undefined;
  /** PostgreSQL pool size (COFFER_DATABASE_POOL_SIZE), default 10. */
  poolSize?: number | undefined;
  /** SQLite synchronous mode; default 'NORMAL' (WAL: durable against process crashes). */
  sqliteSynchronous?: 'NORMAL' | 'FULL' | undefined;
  /** Start a new SQLite store in a data directory that was used before (`--init-store`). */
  initStore?: boolean | undefined;
}

/** Implemented in ./index.ts: `export async function openStore(opts: OpenStoreOptions): Promise<Store>`. */
export type OpenStore = (opts: OpenStoreOptions) => Promise<Store>;
