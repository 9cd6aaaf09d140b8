/**
 * What the organizations, teams and workspaces tables share: a caller-chosen id, a name, timestamps and a
 * revision (the ETag), keyset pages by (created_at, id), and updates that may be conditional on the revision.
 */
import { clampLimit } from '../cursor.ts';
import { intOut, tsOut } from '../dialect.ts';
import type { SqlExecutor } from '../executor.ts';
import type { OrganizationRecord, Page, PageRequest, UpdateResult } from '../types.ts';
import { guarded, now, pageOf, type Row, tsIdCursor, Where } from './common.ts';

export interface TenantTable<T extends OrganizationRecord> {
  table: string;
  /** Columns beyond id, name, created_at, updated_at, revision, mapped to record fields. */
  extra: Record<string, keyof T & string>;
}

export function baseFromRow(r: Row): OrganizationRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    createdAt: tsOut(r.created_at),
    updatedAt: tsOut(r.updated_at),
    revision: intOut(r.revision),
  };
}

export function tenantTable<T extends OrganizationRecord>(ex: SqlExecutor, spec: TenantTable<T>) {
  const extraCols = Object.keys(spec.extra);
  const cols = ['id', 'name', 'created_at', 'updated_at', 'revision', ...extraCols].join(', ');
  const fromRow = (r: Row): T => {
    const rec = baseFromRow(r) as unknown as Record<string, unknown>;
    for (const [col, field] of Object.entries(spec.extra))
      rec[field] = r[col] === null ? null : String(r[col]);
    return rec as unknown as T;
  };
  const get = async (id: string): Promise<T | null> => {
    const rows = await ex.query(`SELECT ${cols} FROM ${spec.table} WHERE id = ?`, [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  };
  return {
    get,

    async create(input: Partial<T> & { id: string; name: string }): Promise<T> {
      const t = now();
      const values = extraCols.map(
        (c) => (input as Record<string, unknown>)[spec.extra[c] as string] ?? null,
      );
      const rows = await guarded(
        ex.query(
          `INSERT INTO ${spec.table} (${cols}) VALUES (?, ?, ?, ?, 1${', ?'.repeat(extraCols.length)}) RETURNING ${cols}`,
          [input.id, input.name, t, t, ...values],
        ),
      );
      return fromRow(rows[0] as Row);
    },

    async list(filter: PageRequest, eq: Record<string, unknown>): Promise<Page<T>> {
      const limit = clampLimit(filter.limit);
      const where = new Where();
      for (const [col, v] of Object.entries(eq)) where.eq(col, v);
      if (filter.cursor) where.add('(created_at, id) > (?, ?)', ...tsIdCursor(filter.cursor));
      const rows = await ex.query(
        `SELECT ${cols} FROM ${spec.table}${where.sql()} ORDER BY created_at, id LIMIT ?`,
        [...where.params, limit + 1],
      );
      return pageOf(rows, limit, fromRow, (x) => [x.createdAt, x.id]);
    },

    async update(
      id: string,
      patch: Record<string, unknown>,
      expectedRevision?: number,
    ): Promise<UpdateResult<T>> {
      const sets = ['updated_at = ?', 'revision = revision + 1'];
      const params: unknown[] = [now()];
      for (const [col, v] of Object.entries(patch)) {
        if (v === undefined) continue;
        sets.push(`${col} = ?`);
        params.push(v);
      }
      let sql = `UPDATE ${spec.table} SET ${sets.join(', ')} WHERE id = ?`;
      params.push(id);
      if (expectedRevision !== undefined) {
        sql += ' AND revision = ?';
        params.push(expectedRevision);
      }
      const rows = await guarded(ex.query(`${sql} RETURNING ${cols}`, params));
      if (rows[0]) return { ok: true, record: fromRow(rows[0]) };
      const current = await get(id);
      if (!current) return { ok: false, reason: 'not_found' };
      return { ok: false, reason: 'revision_conflict', currentRevision: current.revision };
    },

    async delete(id: string): Promise<boolean> {
      return (await ex.execute(`DELETE FROM ${spec.table} WHERE id = ?`, [id])) > 0;
    },
  };
}
