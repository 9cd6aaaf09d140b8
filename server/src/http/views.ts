/** Store records to API JSON: metadata only, never a value or a token hash. */
import type { ApiKeyRecord, SecretRecord, WorkspaceSecretRecord } from '../store/types.ts';

export function secretView(r: SecretRecord) {
  return {
    id: r.id,
    name: r.name,
    scope: { type: r.scopeType, id: r.scopeId },
    category: r.category,
    description: r.description,
    expiresAt: r.expiresAt,
    version: r.version,
    revision: r.revision,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    lastRotatedAt: r.lastRotatedAt,
    storage: storageView(r),
  };
}

/** Where the value lives: the backend, its path or ARN, and for remote values the version Coffer recorded. */
function storageView(r: SecretRecord) {
  const s: { backend: string; reference: string | null; remoteVersion?: string; kvVersion?: 1 | 2 } = {
    backend: r.storageBackend,
    reference: r.storageReference ?? r.vaultRef,
  };
  if (r.storageRemoteVersion !== null) s.remoteVersion = r.storageRemoteVersion;
  // A KV v2 value always has a version; a KV v1 value has none.
  if (r.storageBackend === 'VAULT') s.kvVersion = r.storageRemoteVersion !== null ? 2 : 1;
  return s;
}

export function workspaceSecretView(r: WorkspaceSecretRecord) {
  return {
    workspaceId: r.workspaceId,
    key: r.key,
    setBy: r.setBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    expiresAt: r.expiresAt,
    version: r.version,
  };
}

export function apiKeyView(r: ApiKeyRecord) {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    scope: { type: r.scopeType, id: r.scopeId },
    organizationId: r.organizationId,
    deployment: r.deployment,
    prefix: r.prefix,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
  };
}

/** The strong ETag of a representation: its revision, quoted. */
export function etag(revision: number): string {
  return `"${revision}"`;
}

/** The instants every store holds alike: years 0001 to 9999 in UTC (PostgreSQL refuses year 0000). */
const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/** Accepts a validated date-time and answers the store's form (UTC, milliseconds); null if unrepresentable. */
export function isoOrNull(v: string): string | null {
  const t = Date.parse(v);
  return Number.isFinite(t) && t >= FIRST_INSTANT && t <= LAST_INSTANT ? new Date(t).toISOString() : null;
}
