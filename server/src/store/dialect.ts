/**
 * Everything that differs between SQLite and PostgreSQL lives here: column types for the migrations,
 * placeholder syntax, value conversion on the way out, and how a unique violation is recognised.
 * The repository SQL itself (sql-store.ts) is shared and written with `?` placeholders.
 */
import { DuplicateError } from './types.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface ColumnTypes {
  /** uuid primary keys / references. */
  uuid: string;
  /** Free text. */
  text: string;
  /** Identifier-like text that is sorted and compared bytewise (names, keys, scope ids). */
  ident: string;
  /** Timestamp with time zone (SQLite: ISO-8601 UTC text, which sorts chronologically). */
  ts: string;
  int: string;
  bool: string;
  json: string;
  /** Auto-increment-free integer used for the singleton row. */
  smallint: string;
}

export const COLUMN_TYPES: Record<DialectName, ColumnTypes> = {
  sqlite: {
    uuid: 'TEXT',
    text: 'TEXT',
    ident: 'TEXT',
    ts: 'TEXT',
    int: 'INTEGER',
    bool: 'INTEGER',
    json: 'TEXT',
    smallint: 'INTEGER',
  },
  postgres: {
    uuid: 'uuid',
    text: 'text',
    ident: 'text COLLATE "C"',
    ts: 'timestamptz',
    int: 'integer',
    bool: 'boolean',
    json: 'jsonb',
    smallint: 'smallint',
  },
};

/** `?` → `$1, $2, ...` (the shared SQL never contains `?` inside string literals). */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Timestamp out of a row (PG: Date; SQLite: ISO text). */
export function tsOut(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export function tsOutNullable(v: unknown): string | null {
  return v === null || v === undefined ? null : tsOut(v);
}

export function boolOut(v: unknown): boolean {
  return v === true || v === 1 || v === 1n || v === 't';
}

export function jsonOut<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export function intOut(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

/** Normalise a timestamp given by a caller (any Date-parsable string) to ISO-8601 UTC with milliseconds. */
export function tsIn(v: string): string {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new TypeError(`invalid timestamp: ${JSON.stringify(v)}`);
  return d.toISOString();
}

export function tsInNullable(v: string | null | undefined): string | null {
  return v === null || v === undefined ? null : tsIn(v);
}

/** SQLite names no constraint in its message: map "table.col, ..." to our constraint names. */
const SQLITE_UNIQUE: Record<string, string> = {
  'secrets.scope_type, secrets.scope_id, secrets.name': 'secrets_scope_name',
  'secrets.id': 'secrets_pkey',
  'api_keys.token_hash': 'api_keys_token_hash',
  'api_keys.id': 'api_keys_pkey',
  'workspace_secrets.workspace_id, workspace_secrets.key': 'workspace_secrets_pkey',
  'idempotency_keys.principal_id, idempotency_keys.key': 'idempotency_keys_pkey',
};

/** Returns a DuplicateError for a unique violation of either dialect, else the error unchanged. */
export function mapDbError(err: unknown): unknown {
  const e = err as { code?: string; errcode?: number; message?: string; constraint?: string };
  if (e && e.code === '23505') return new DuplicateError(e.constraint ?? 'unique');
  if (e && e.code === 'ERR_SQLITE_ERROR' && (e.errcode === 2067 || e.errcode === 1555)) {
    const cols = (e.message ?? '').replace(/^.*constraint failed: /, '');
    return new DuplicateError(SQLITE_UNIQUE[cols] ?? cols);
  }
  return err;
}
