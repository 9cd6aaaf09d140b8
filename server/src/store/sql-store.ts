/**
 * The repository implementation shared by both drivers: one set of SQL statements (with `?` placeholders)
 * over a SqlExecutor. Dialect differences are confined to dialect.ts and the drivers.
 */
import { createHmac, type KeyObject, randomUUID } from 'node:crypto';
import type { Keyring } from '../crypto/cipher.ts';
import { SecretValue } from '../crypto/secret-value.ts';
import { clampLimit, decodeCursor, encodeCursor } from './cursor.ts';
import { boolOut, intOut, jsonOut, mapDbError, tsIn, tsInNullable, tsOut, tsOutNullable } from './dialect.ts';
import type { SqlExecutor } from './executor.ts';
import {
  type ApiKeyFilter,
  type ApiKeyRecord,
  type ApiKeysRepo,
  type AuditEventRecord,
  type AuditFilter,
  type AuditRepo,
  type ConfigRepo,
  DuplicateError,
  type Envelope,
  type IdempotencyRecord,
  type IdempotencyRepo,
  InvalidCursorError,
  type NewApiKey,
  type NewAuditEvent,
  type NewSecret,
  type NewSecretReadAudit,
  type Page,
  type PageRequest,
  type ResolveCandidates,
  type ScopeType,
  type SecretFilter,
  type SecretPatch,
  type SecretReadAuditRecord,
  type SecretRecord,
  type SecretsManagerConfigRecord,
  type SecretsRepo,
  type Store,
  type StoreCrypto,
  type UpdateResult,
  type WorkspaceSecretPut,
  type WorkspaceSecretRecord,
  type WorkspaceSecretsRepo,
} from './types.ts';

type Row = Record<string, unknown>;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(v: string): boolean {
  return typeof v === 'string' && UUID_RE.test(v);
}

const now = (): string => new Date().toISOString();

// ---------------------------------------------------------------------------------------------------------
// AAD: the identity an envelope is bound to.

export const AAD = {
  secret: (r: { id: string; scopeType: ScopeType; scopeId: string; name: string }) =>
    `secret\n${r.id.toLowerCase()}\n${r.scopeType}\n${r.scopeId}\n${r.name}`,
  workspaceSecret: (r: { workspaceId: string; key: string }) =>
    `workspace-secret\n${r.workspaceId}\n${r.key}`,
  configToken: () => 'secrets-manager/vault-token',
  canary: () => 'canary',
  idempotencyMacKey: () => 'idempotency/mac-key',
  idempotentAnswer: (r: { principalId: string; key: string }) =>
    `idempotent-answer\n${r.principalId}\n${r.key}`,
};

/**
 * `macKey`: the random key that fingerprints idempotent requests (kept in `meta` as an envelope, so it
 * survives key rotation while only a holder of the encryption secret can compute a fingerprint).
 */
export function makeStoreCrypto(keyring: Keyring, macKey: KeyObject): StoreCrypto {
  return {
    encryptIdempotentAnswer: (p, r) => keyring.encrypt(p, AAD.idempotentAnswer(r)),
    decryptIdempotentAnswer: (e, r) => keyring.decrypt(e, AAD.idempotentAnswer(r)),
    requestFingerprint: (text) => `m1.${createHmac('sha256', macKey).update(text, 'utf8').digest('hex')}`,
    encryptSecretValue: (p, row) => keyring.encrypt(p, AAD.secret(row)),
    decryptSecretValue: (e, row) => keyring.decrypt(e, AAD.secret(row)),
    encryptWorkspaceValue: (p, row) => keyring.encrypt(p, AAD.workspaceSecret(row)),
    decryptWorkspaceValue: (e, row) => keyring.decrypt(e, AAD.workspaceSecret(row)),
    encryptConfigToken: (p) => keyring.encrypt(p, AAD.configToken()),
    decryptConfigToken: (e) => keyring.decrypt(e, AAD.configToken()),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Row mapping

function secretFromRow(r: Row): SecretRecord {
  return {
    id: String(r.id),
    scopeType: r.scope_type as ScopeType,
    scopeId: String(r.scope_id),
    name: String(r.name),
    category: r.category as SecretRecord['category'],
    description: (r.description as string | null) ?? null,
    expiresAt: tsOutNullable(r.expires_at),
    version: intOut(r.version),
    revision: intOut(r.revision),
    createdAt: tsOut(r.created_at),
    updatedAt: tsOut(r.updated_at),
    lastRotatedAt: tsOutNullable(r.last_rotated_at),
    storageBackend: r.storage_backend as SecretRecord['storageBackend'],
    storageReference: (r.storage_reference as string | null) ?? null,
    valueEnvelope: (r.value_envelope as string | null) ?? null,
    vaultRef: (r.vault_ref as string | null) ?? null,
  };
}

function workspaceSecretFromRow(r: Row): WorkspaceSecretRecord {
  return {
    workspaceId: String(r.workspace_id),
    key: String(r.key),
    setBy: String(r.set_by),
    createdAt: tsOut(r.created_at),
    updatedAt: tsOut(r.updated_at),
    expiresAt: tsOutNullable(r.expires_at),
    version: intOut(r.version),
    valueEnvelope: String(r.value_envelope),
  };
}

function apiKeyFromRow(r: Row): ApiKeyRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    role: r.role as ApiKeyRecord['role'],
    scopeType: r.scope_type as ScopeType,
    scopeId: String(r.scope_id),
    prefix: String(r.prefix),
    tokenHash: String(r.token_hash),
    createdAt: tsOut(r.created_at),
    expiresAt: tsOutNullable(r.expires_at),
    lastUsedAt: tsOutNullable(r.last_used_at),
    revokedAt: tsOutNullable(r.revoked_at),
  };
}

function secretReadFromRow(r: Row): SecretReadAuditRecord {
  return {
    id: String(r.id),
    at: tsOut(r.at),
    secretId: (r.secret_id as string | null) ?? null,
    name: String(r.name),
    scopeType: r.scope_type as ScopeType,
    scopeId: String(r.scope_id),
    backend: r.backend as SecretReadAuditRecord['backend'],
    cacheHit: boolOut(r.cache_hit),
    principalId: (r.principal_id as string | null) ?? null,
    requestId: (r.request_id as string | null) ?? null,
    kind: String(r.kind),
  };
}

function auditEventFromRow(r: Row): AuditEventRecord {
  return {
    id: String(r.id),
    at: tsOut(r.at),
    type: String(r.type),
    principalId: (r.principal_id as string | null) ?? null,
    requestId: (r.request_id as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    scopeType: (r.scope_type as ScopeType | null) ?? null,
    scopeId: (r.scope_id as string | null) ?? null,
    details: r.details === null || r.details === undefined ? null : jsonOut(r.details),
  };
}

function idempotencyFromRow(r: Row): IdempotencyRecord {
  return {
    key: String(r.key),
    principalId: String(r.principal_id),
    method: String(r.method),
    path: String(r.path),
    bodyHash: String(r.body_hash),
    status: intOut(r.status),
    responseBody: String(r.response_body),
    responseHeaders: jsonOut(r.response_headers),
    createdAt: tsOut(r.created_at),
    expiresAt: tsOut(r.expires_at),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

async function guarded<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw mapDbError(err);
  }
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/** Decode a (timestamp, uuid) cursor, validating both so the database never sees garbage. */
function tsIdCursor(cursor: string): [string, string] {
  const [ts, id] = decodeCursor(cursor, 2) as [string, string];
  if (!isUuid(id) || Number.isNaN(new Date(ts).getTime())) throw new InvalidCursorError();
  return [tsIn(ts), id.toLowerCase()];
}

function pageOf<T>(rows: Row[], limit: number, map: (r: Row) => T, key: (t: T) => string[]): Page<T> {
  const items = rows.slice(0, limit).map(map);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/** Shared state of a store and its transaction-bound views. */
interface Shared {
  kind: 'sqlite' | 'postgres';
  keyring: Keyring;
  macKey: KeyObject;
  touched: Map<string, number>;
  ping: () => Promise<void>;
  close: () => Promise<void>;
}

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly secrets: SecretsRepo;
  readonly workspaceSecrets: WorkspaceSecretsRepo;
  readonly apiKeys: ApiKeysRepo;
  readonly audit: AuditRepo;
  readonly config: ConfigRepo;
  readonly idempotency: IdempotencyRepo;
  readonly crypto: StoreCrypto;
  readonly #ex: SqlExecutor;
  readonly #shared: Shared;

  constructor(ex: SqlExecutor, shared: Shared) {
    this.#ex = ex;
    this.#shared = shared;
    this.kind = shared.kind;
    this.crypto = makeStoreCrypto(shared.keyring, shared.macKey);
    this.secrets = secretsRepo(ex);
    this.workspaceSecrets = workspaceSecretsRepo(ex);
    this.apiKeys = apiKeysRepo(ex, shared.touched);
    this.audit = auditRepo(ex);
    this.config = configRepo(ex);
    this.idempotency = idempotencyRepo(ex);
  }

  static create(
    ex: SqlExecutor,
    opts: {
      kind: 'sqlite' | 'postgres';
      keyring: Keyring;
      macKey: KeyObject;
      ping: () => Promise<void>;
      close: () => Promise<void>;
    },
  ): SqlStore {
    return new SqlStore(ex, { ...opts, touched: new Map() });
  }

  get executor(): SqlExecutor {
    return this.#ex;
  }

  get keyring(): Keyring {
    return this.#shared.keyring;
  }

  async getMeta(key: string): Promise<string | null> {
    const rows = await this.#ex.query<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
    return rows[0]?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.#ex.execute(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.#ex.inTransaction) return fn(this);
    return this.#ex.transaction((tx) => fn(new SqlStore(tx, this.#shared)));
  }

  ping(): Promise<void> {
    return this.#shared.ping();
  }

  close(): Promise<void> {
    return this.#shared.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Secrets

const SECRET_COLS =
  'id, scope_type, scope_id, name, category, description, expires_at, version, created_at, updated_at, last_rotated_at, storage_backend, storage_reference, value_envelope, vault_ref, revision';

function secretsRepo(ex: SqlExecutor): SecretsRepo {
  const get = async (id: string): Promise<SecretRecord | null> => {
    if (!isUuid(id)) return null;
    const rows = await ex.query(`SELECT ${SECRET_COLS} FROM secrets WHERE id = ?`, [id.toLowerCase()]);
    return rows[0] ? secretFromRow(rows[0]) : null;
  };

  return {
    async create(input: NewSecret) {
      const id = (input.id ?? randomUUID()).toLowerCase();
      if (!isUuid(id)) throw new TypeError('secret id must be a uuid');
      const t = now();
      const rows = await guarded(
        ex.query(
          `INSERT INTO secrets (${SECRET_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, NULL, ?, ?, ?, ?, 1) RETURNING ${SECRET_COLS}`,
          [
            id,
            input.scopeType,
            input.scopeId,
            input.name,
            input.category,
            input.description ?? null,
            tsInNullable(input.expiresAt),
            t,
            t,
            input.storageBackend,
            input.storageReference ?? null,
            input.valueEnvelope ?? null,
            input.vaultRef ?? null,
          ],
        ),
      );
      return secretFromRow(rows[0] as Row);
    },

    get,

    async getByNaturalKey(scopeType, scopeId, name) {
      const rows = await ex.query(
        `SELECT ${SECRET_COLS} FROM secrets WHERE scope_type = ? AND scope_id = ? AND name = ?`,
        [scopeType, scopeId, name],
      );
      return rows[0] ? secretFromRow(rows[0]) : null;
    },

    async list(filter: SecretFilter) {
      const limit = clampLimit(filter.limit);
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.scopeType !== undefined) {
        where.push('scope_type = ?');
        params.push(filter.scopeType);
      }
      if (filter.scopeId !== undefined) {
        where.push('scope_id = ?');
        params.push(filter.scopeId);
      }
      if (filter.category !== undefined) {
        where.push('category = ?');
        params.push(filter.category);
      }
      if (filter.namePrefix !== undefined && filter.namePrefix !== '') {
        where.push('substr(name, 1, ?) = ?');
        params.push(filter.namePrefix.length, filter.namePrefix);
      }
      if (filter.cursor) {
        const [ts, id] = tsIdCursor(filter.cursor);
        where.push('(created_at, id) > (?, ?)');
        params.push(ts, id);
      }
      params.push(limit + 1);
      const rows = await ex.query(
        `SELECT ${SECRET_COLS} FROM secrets${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id LIMIT ?`,
        params,
      );
      return pageOf(rows, limit, secretFromRow, (s) => [s.createdAt, s.id]);
    },

    async update(
      id: string,
      patch: SecretPatch,
      expectedRevision?: number,
    ): Promise<UpdateResult<SecretRecord>> {
      if (!isUuid(id)) return { ok: false, reason: 'not_found' };
      const t = now();
      // Every update changes the representation (updatedAt at least), so every update is a new revision.
      const sets: string[] = ['updated_at = ?', 'revision = revision + 1'];
      const params: unknown[] = [t];
      const set = (col: string, v: unknown) => {
        sets.push(`${col} = ?`);
        params.push(v);
      };
      if (patch.description !== undefined) set('description', patch.description);
      if (patch.expiresAt !== undefined) set('expires_at', tsInNullable(patch.expiresAt));
      if (patch.category !== undefined) set('category', patch.category);
      if (patch.storageBackend !== undefined) set('storage_backend', patch.storageBackend);
      if (patch.storageReference !== undefined) set('storage_reference', patch.storageReference);
      if (patch.valueEnvelope !== undefined) set('value_envelope', patch.valueEnvelope);
      if (patch.vaultRef !== undefined) set('vault_ref', patch.vaultRef);
      if (patch.valueChanged) {
        sets.push('version = version + 1');
        set('last_rotated_at', t);
      }
      params.push(id.toLowerCase());
      let sql = `UPDATE secrets SET ${sets.join(', ')} WHERE id = ?`;
      if (expectedRevision !== undefined) {
        sql += ' AND revision = ?';
        params.push(expectedRevision);
      }
      const rows = await guarded(ex.query(`${sql} RETURNING ${SECRET_COLS}`, params));
      if (rows[0]) return { ok: true, record: secretFromRow(rows[0]) };
      const current = await get(id);
      if (!current) return { ok: false, reason: 'not_found' };
      return { ok: false, reason: 'revision_conflict', currentRevision: current.revision };
    },

    async delete(id) {
      if (!isUuid(id)) return false;
      return (await ex.execute('DELETE FROM secrets WHERE id = ?', [id.toLowerCase()])) > 0;
    },

    async findForResolve(workspaceId, teamId, names): Promise<ResolveCandidates> {
      const out: ResolveCandidates = { workspace: [], team: [], organization: [], overrides: [] };
      const unique = [...new Set(names)];
      if (unique.length === 0) return out;
      const inList = placeholders(unique.length);
      const layers: string[] = ["(scope_type = 'workspace' AND scope_id = ?)", "scope_type = 'organization'"];
      const params: unknown[] = [workspaceId];
      if (teamId !== undefined) {
        layers.push("(scope_type = 'team' AND scope_id = ?)");
        params.push(teamId);
      }
      const rows = await ex.query(
        `SELECT ${SECRET_COLS} FROM secrets WHERE name IN (${inList}) AND (${layers.join(' OR ')}) ORDER BY created_at, id`,
        [...unique, ...params],
      );
      for (const r of rows) {
        const s = secretFromRow(r);
        if (s.scopeType === 'workspace') out.workspace.push(s);
        else if (s.scopeType === 'team') out.team.push(s);
        else out.organization.push(s);
      }
      const ov = await ex.query(
        `SELECT * FROM workspace_secrets WHERE workspace_id = ? AND key IN (${inList}) ORDER BY key`,
        [workspaceId, ...unique],
      );
      out.overrides = ov.map(workspaceSecretFromRow);
      return out;
    },

    async count() {
      const rows = await ex.query<{ n: unknown }>('SELECT count(*) AS n FROM secrets');
      return intOut(rows[0]?.n ?? 0);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Workspace secrets (overrides)

function workspaceSecretsRepo(ex: SqlExecutor): WorkspaceSecretsRepo {
  return {
    async upsert(input: WorkspaceSecretPut) {
      const t = now();
      const rows = await guarded(
        ex.query(
          `INSERT INTO workspace_secrets (workspace_id, key, set_by, created_at, updated_at, expires_at, version, value_envelope)
           VALUES (?, ?, ?, ?, ?, ?, 1, ?)
           ON CONFLICT (workspace_id, key) DO ${
             input.createOnly
               ? 'NOTHING'
               : `UPDATE SET
             set_by = excluded.set_by, updated_at = excluded.updated_at, expires_at = excluded.expires_at,
             value_envelope = excluded.value_envelope, version = workspace_secrets.version + 1`
}
           RETURNING *`,
          [
            input.workspaceId,
            input.key,
            input.setBy,
            t,
            t,
            tsInNullable(input.expiresAt),
            input.valueEnvelope,
          ],
        ),
      );
      if (!rows[0]) throw new DuplicateError('workspace_secrets (workspace_id, key)');
      const record = workspaceSecretFromRow(rows[0]);
      return { record, created: record.version === 1 };
    },

    async get(workspaceId, key) {
      const rows = await ex.query('SELECT * FROM workspace_secrets WHERE workspace_id = ? AND key = ?', [
        workspaceId,
        key,
      ]);
      return rows[0] ? workspaceSecretFromRow(rows[0]) : null;
    },

    async list(workspaceId, page: PageRequest = {}) {
      const limit = clampLimit(page.limit);
      const params: unknown[] = [workspaceId];
      let sql = 'SELECT * FROM workspace_secrets WHERE workspace_id = ?';
      if (page.cursor) {
        const [key] = decodeCursor(page.cursor, 1) as [string];
        sql += ' AND key > ?';
        params.push(key);
      }
      params.push(limit + 1);
      const rows = await ex.query(`${sql} ORDER BY key LIMIT ?`, params);
      return pageOf(rows, limit, workspaceSecretFromRow, (w) => [w.key]);
    },

    async delete(workspaceId, key) {
      return (
        (await ex.execute('DELETE FROM workspace_secrets WHERE workspace_id = ? AND key = ?', [
          workspaceId,
          key,
        ])) > 0
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// API keys

const TOUCH_INTERVAL_MS = 60_000;

function apiKeysRepo(ex: SqlExecutor, touched: Map<string, number>): ApiKeysRepo {
  const get = async (id: string) => {
    if (!isUuid(id)) return null;
    const rows = await ex.query('SELECT * FROM api_keys WHERE id = ?', [id.toLowerCase()]);
    return rows[0] ? apiKeyFromRow(rows[0]) : null;
  };
  return {
    async create(input: NewApiKey) {
      const id = (input.id ?? randomUUID()).toLowerCase();
      if (!isUuid(id)) throw new TypeError('api key id must be a uuid');
      const rows = await guarded(
        ex.query(
          `INSERT INTO api_keys (id, name, role, scope_type, scope_id, prefix, token_hash, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
          [
            id,
            input.name,
            input.role,
            input.scopeType,
            input.scopeId,
            input.prefix,
            input.tokenHash,
            now(),
            tsInNullable(input.expiresAt),
          ],
        ),
      );
      return apiKeyFromRow(rows[0] as Row);
    },

    get,

    async findByTokenHash(tokenHash) {
      const rows = await ex.query('SELECT * FROM api_keys WHERE token_hash = ?', [tokenHash]);
      return rows[0] ? apiKeyFromRow(rows[0]) : null;
    },

    async list(filter: ApiKeyFilter = {}) {
      const limit = clampLimit(filter.limit);
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.scopeType !== undefined) {
        where.push('scope_type = ?');
        params.push(filter.scopeType);
      }
      if (filter.scopeId !== undefined) {
        where.push('scope_id = ?');
        params.push(filter.scopeId);
      }
      if (!filter.includeRevoked) where.push('revoked_at IS NULL');
      if (filter.cursor) {
        const [ts, id] = tsIdCursor(filter.cursor);
        where.push('(created_at, id) > (?, ?)');
        params.push(ts, id);
      }
      params.push(limit + 1);
      const rows = await ex.query(
        `SELECT * FROM api_keys${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id LIMIT ?`,
        params,
      );
      return pageOf(rows, limit, apiKeyFromRow, (k) => [k.createdAt, k.id]);
    },

    async revoke(id, at) {
      if (!isUuid(id)) return null;
      await ex.execute('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
        tsIn(at ?? now()),
        id.toLowerCase(),
      ]);
      touched.delete(id.toLowerCase());
      return get(id);
    },

    async touchLastUsed(id, at) {
      if (!isUuid(id)) return;
      const t = at ? tsIn(at) : now();
      const ms = Date.parse(t);
      const prev = touched.get(id);
      if (prev !== undefined && ms - prev < TOUCH_INTERVAL_MS) return;
      touched.set(id, ms);
      if (touched.size > 10_000) touched.clear();
      await ex.execute(
        'UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
        [t, id.toLowerCase(), t],
      );
    },

    async count() {
      const rows = await ex.query<{ n: unknown }>('SELECT count(*) AS n FROM api_keys');
      return intOut(rows[0]?.n ?? 0);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Audit

function auditWhere(filter: AuditFilter, typeColumn: string): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.from !== undefined) {
    where.push('at >= ?');
    params.push(tsIn(filter.from));
  }
  if (filter.to !== undefined) {
    where.push('at < ?');
    params.push(tsIn(filter.to));
  }
  if (filter.name !== undefined) {
    where.push('name = ?');
    params.push(filter.name);
  }
  if (filter.type !== undefined) {
    where.push(`${typeColumn} = ?`);
    params.push(filter.type);
  }
  if (filter.cursor) {
    const [ts, id] = tsIdCursor(filter.cursor);
    where.push(filter.newestFirst ? '(at, id) < (?, ?)' : '(at, id) > (?, ?)');
    params.push(ts, id);
  }
  return { where, params };
}

const READ_COLS =
  'id, at, secret_id, name, scope_type, scope_id, backend, cache_hit, principal_id, request_id, kind';
const READ_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const READ_CHUNK = 32;

function auditRepo(ex: SqlExecutor): AuditRepo {
  const readParams = (e: NewSecretReadAudit): [string, unknown[]] => {
    const id = randomUUID();
    const at = e.at ? tsIn(e.at) : now();
    return [
      id,
      [
        id,
        at,
        e.secretId ?? null,
        e.name,
        e.scopeType,
        e.scopeId,
        e.backend,
        ex.dialect === 'sqlite' ? (e.cacheHit ? 1 : 0) : Boolean(e.cacheHit),
        e.principalId ?? null,
        e.requestId ?? null,
        e.kind,
      ],
    ];
  };
  const insertRead = `INSERT INTO secret_reads (${READ_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  return {
    async appendSecretRead(entry) {
      const [, params] = readParams(entry);
      const rows = await ex.query(`${insertRead} RETURNING ${READ_COLS}`, params);
      return secretReadFromRow(rows[0] as Row);
    },

    async appendSecretReads(entries) {
      if (entries.length === 0) return;
      // Multi-row INSERTs in chunks of at most READ_CHUNK rows: one round trip per chunk instead of per row,
      // and at most READ_CHUNK distinct statement texts to prepare.
      const rows = entries.map((e) => readParams(e)[1]);
      const insertChunks = async (target: SqlExecutor) => {
        for (let i = 0; i < rows.length; i += READ_CHUNK) {
          const chunk = rows.slice(i, i + READ_CHUNK);
          await target.execute(
            `INSERT INTO secret_reads (${READ_COLS}) VALUES ${chunk.map(() => READ_ROW).join(', ')}`,
            chunk.flat(),
          );
        }
      };
      if (rows.length <= READ_CHUNK) await insertChunks(ex);
      else await ex.transaction(insertChunks);
    },

    async listSecretReads(filter) {
      const limit = clampLimit(filter.limit);
      const { where, params } = auditWhere(filter, 'kind');
      params.push(limit + 1);
      const rows = await ex.query(
        `SELECT ${READ_COLS} FROM secret_reads${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${filter.newestFirst ? 'at DESC, id DESC' : 'at, id'} LIMIT ?`,
        params,
      );
      return pageOf(rows, limit, secretReadFromRow, (r) => [r.at, r.id]);
    },

    async appendEvent(entry: NewAuditEvent) {
      const rows = await ex.query(
        `INSERT INTO audit_events (id, at, type, principal_id, request_id, name, scope_type, scope_id, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [
          randomUUID(),
          entry.at ? tsIn(entry.at) : now(),
          entry.type,
          entry.principalId ?? null,
          entry.requestId ?? null,
          entry.name ?? null,
          entry.scopeType ?? null,
          entry.scopeId ?? null,
          entry.details === null || entry.details === undefined ? null : JSON.stringify(entry.details),
        ],
      );
      return auditEventFromRow(rows[0] as Row);
    },

    async listEvents(filter) {
      const limit = clampLimit(filter.limit);
      const { where, params } = auditWhere(filter, 'type');
      params.push(limit + 1);
      const rows = await ex.query(
        `SELECT * FROM audit_events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${filter.newestFirst ? 'at DESC, id DESC' : 'at, id'} LIMIT ?`,
        params,
      );
      return pageOf(rows, limit, auditEventFromRow, (r) => [r.at, r.id]);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Secrets-manager configuration (singleton row id = 1)

function configRepo(ex: SqlExecutor): ConfigRepo {
  return {
    async getSecretsManager() {
      const rows = await ex.query(
        'SELECT config, vault_token_envelope, updated_at FROM secrets_manager_config WHERE id = 1',
      );
      const r = rows[0];
      if (!r) return null;
      return {
        config: jsonOut<Record<string, unknown>>(r.config),
        vaultTokenEnvelope: (r.vault_token_envelope as string | null) ?? null,
        updatedAt: tsOut(r.updated_at),
      } satisfies SecretsManagerConfigRecord;
    },

    async putSecretsManager(config, vaultTokenEnvelope: Envelope | null) {
      const t = now();
      await ex.execute(
        `INSERT INTO secrets_manager_config (id, config, vault_token_envelope, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET config = excluded.config, vault_token_envelope = excluded.vault_token_envelope,
           updated_at = excluded.updated_at`,
        [JSON.stringify(config), vaultTokenEnvelope, t],
      );
      return { config: JSON.parse(JSON.stringify(config)), vaultTokenEnvelope, updatedAt: t };
    },

    async deleteSecretsManager() {
      await ex.execute('DELETE FROM secrets_manager_config WHERE id = 1');
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Idempotency

function idempotencyRepo(ex: SqlExecutor): IdempotencyRepo {
  const getLive = async (principalId: string, key: string, at: string) => {
    const rows = await ex.query(
      'SELECT * FROM idempotency_keys WHERE principal_id = ? AND key = ? AND expires_at > ?',
      [principalId, key, at],
    );
    return rows[0] ? idempotencyFromRow(rows[0]) : null;
  };
  return {
    get: (principalId, key) => getLive(principalId, key, now()),

    async put(record) {
      const t = now();
      // An expired record with the same key no longer counts: drop it first.
      await ex.execute(
        'DELETE FROM idempotency_keys WHERE principal_id = ? AND key = ? AND expires_at <= ?',
        [record.principalId, record.key, t],
      );
      const rows = await ex.query(
        `INSERT INTO idempotency_keys (principal_id, key, method, path, body_hash, status, response_body, response_headers, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (principal_id, key) DO NOTHING RETURNING *`,
        [
          record.principalId,
          record.key,
          record.method,
          record.path,
          record.bodyHash,
          record.status,
          record.responseBody,
          JSON.stringify(record.responseHeaders),
          tsIn(record.createdAt),
          tsIn(record.expiresAt),
        ],
      );
      if (rows[0]) return idempotencyFromRow(rows[0]);
      const existing = await getLive(record.principalId, record.key, t);
      return existing ?? record;
    },

    async purgeExpired(at) {
      return ex.execute('DELETE FROM idempotency_keys WHERE expires_at <= ?', [at ? tsIn(at) : now()]);
    },
  };
}

export { SecretValue };
