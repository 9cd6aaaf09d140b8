import { intOut, jsonOut, tsIn, tsOut } from '../dialect.ts';
import type { SqlExecutor } from '../executor.ts';
import type { IdempotencyRecord, IdempotencyRepo } from '../types.ts';
import { now, type Row } from './common.ts';

const IDEMPOTENCY_COLS =
  'principal_id, key, method, path, body_hash, status, response_body, response_headers, created_at, expires_at';

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

export function idempotencyRepo(ex: SqlExecutor): IdempotencyRepo {
  const getLive = async (principalId: string, key: string, at: string) => {
    const rows = await ex.query(
      `SELECT ${IDEMPOTENCY_COLS} FROM idempotency_keys WHERE principal_id = ? AND key = ? AND expires_at > ?`,
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
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (principal_id, key) DO NOTHING RETURNING ${IDEMPOTENCY_COLS}`,
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
