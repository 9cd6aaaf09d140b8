import { clampLimit, decodeCursor } from '../cursor.ts';
import { intOut, tsInNullable, tsOut, tsOutNullable } from '../dialect.ts';
import type { SqlExecutor } from '../executor.ts';
import {
  DuplicateError,
  type PageRequest,
  type WorkspaceSecretPut,
  type WorkspaceSecretRecord,
  type WorkspaceSecretsRepo,
} from '../types.ts';
import { guarded, now, pageOf, type Row } from './common.ts';

export const WORKSPACE_SECRET_COLS =
  'workspace_id, key, set_by, created_at, updated_at, expires_at, version, value_envelope';

export function workspaceSecretFromRow(r: Row): WorkspaceSecretRecord {
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

export function workspaceSecretsRepo(ex: SqlExecutor): WorkspaceSecretsRepo {
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
           RETURNING ${WORKSPACE_SECRET_COLS}`,
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
      const rows = await ex.query(
        `SELECT ${WORKSPACE_SECRET_COLS} FROM workspace_secrets WHERE workspace_id = ? AND key = ?`,
        [workspaceId, key],
      );
      return rows[0] ? workspaceSecretFromRow(rows[0]) : null;
    },

    async list(workspaceId, page: PageRequest = {}) {
      const limit = clampLimit(page.limit);
      const params: unknown[] = [workspaceId];
      let sql = `SELECT ${WORKSPACE_SECRET_COLS} FROM workspace_secrets WHERE workspace_id = ?`;
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
