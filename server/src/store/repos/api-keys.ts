/** The API keys repository: hashed tokens, roles and scopes. */
import { randomUUID } from 'node:crypto';
import { clampLimit } from '../cursor.ts';
import { boolOut, intOut, tsIn, tsInNullable, tsOut, tsOutNullable } from '../dialect.ts';
import type { SqlExecutor } from '../executor.ts';
import type { ApiKeyFilter, ApiKeyRecord, ApiKeysRepo, NewApiKey, ScopeType } from '../types.ts';
import { guarded, isUuid, now, pageOf, type Row, reachCondition, tsIdCursor, Where } from './common.ts';

const API_KEY_COLS =
  'id, name, role, scope_type, scope_id, prefix, token_hash, created_at, expires_at, last_used_at, revoked_at, organization_id, deployment';

function apiKeyFromRow(r: Row): ApiKeyRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    role: r.role as ApiKeyRecord['role'],
    scopeType: r.scope_type as ScopeType,
    scopeId: String(r.scope_id),
    prefix: String(r.prefix),
    tokenHash: String(r.token_hash),
    organizationId: (r.organization_id as string | null) ?? null,
    deployment: boolOut(r.deployment),
    createdAt: tsOut(r.created_at),
    expiresAt: tsOutNullable(r.expires_at),
    lastUsedAt: tsOutNullable(r.last_used_at),
    revokedAt: tsOutNullable(r.revoked_at),
  };
}

const TOUCH_INTERVAL_MS = 60_000;

export function apiKeysRepo(ex: SqlExecutor, touched: Map<string, number>): ApiKeysRepo {
  const get = async (id: string) => {
    if (!isUuid(id)) return null;
    const rows = await ex.query(`SELECT ${API_KEY_COLS} FROM api_keys WHERE id = ?`, [id.toLowerCase()]);
    return rows[0] ? apiKeyFromRow(rows[0]) : null;
  };
  return {
    async create(input: NewApiKey) {
      const id = (input.id ?? randomUUID()).toLowerCase();
      if (!isUuid(id)) throw new TypeError('api key id must be a uuid');
      const rows = await guarded(
        ex.query(
          `INSERT INTO api_keys (id, name, role, scope_type, scope_id, prefix, token_hash, created_at, expires_at, organization_id, deployment)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${API_KEY_COLS}`,
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
            input.organizationId ?? null,
            ex.dialect === 'sqlite' ? (input.deployment ? 1 : 0) : Boolean(input.deployment),
          ],
        ),
      );
      return apiKeyFromRow(rows[0] as Row);
    },

    get,

    async findByTokenHash(tokenHash) {
      const rows = await ex.query(`SELECT ${API_KEY_COLS} FROM api_keys WHERE token_hash = ?`, [tokenHash]);
      return rows[0] ? apiKeyFromRow(rows[0]) : null;
    },

    async list(filter: ApiKeyFilter = {}) {
      const limit = clampLimit(filter.limit);
      const where = new Where().eq('scope_type', filter.scopeType).eq('scope_id', filter.scopeId);
      if (filter.within) {
        const reach = reachCondition(filter.within, 'organization_id');
        where.add(reach.sql, ...reach.params);
      }
      if (!filter.includeRevoked) where.add('revoked_at IS NULL');
      if (filter.cursor) where.add('(created_at, id) > (?, ?)', ...tsIdCursor(filter.cursor));
      const rows = await ex.query(
        `SELECT ${API_KEY_COLS} FROM api_keys${where.sql()} ORDER BY created_at, id LIMIT ?`,
        [...where.params, limit + 1],
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
