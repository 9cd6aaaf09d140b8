/** What every repository shares: row type, ids, timestamps, error mapping, cursors, pages, WHERE clauses. */
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { mapDbError, tsIn } from '../dialect.ts';
import { InvalidCursorError, type Page, type Reach } from '../types.ts';

export type Row = Record<string, unknown>;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(v: string): boolean {
  return typeof v === 'string' && UUID_RE.test(v);
}

export const now = (): string => new Date().toISOString();

export async function guarded<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw mapDbError(err);
  }
}

export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/** Decode a (timestamp, uuid) cursor, validating both so the database never sees garbage. */
export function tsIdCursor(cursor: string): [string, string] {
  const [ts, id] = decodeCursor(cursor, 2) as [string, string];
  if (!isUuid(id) || Number.isNaN(new Date(ts).getTime())) throw new InvalidCursorError();
  return [tsIn(ts), id.toLowerCase()];
}

export function pageOf<T>(rows: Row[], limit: number, map: (r: Row) => T, key: (t: T) => string[]): Page<T> {
  const items = rows.slice(0, limit).map(map);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/** A WHERE clause built from optional filters, with its parameters in order. */
export class Where {
  readonly #parts: string[] = [];
  readonly params: unknown[] = [];

  /** `column = value`, when the value is given. */
  eq(column: string, value: unknown): this {
    if (value !== undefined) this.add(`${column} = ?`, value);
    return this;
  }

  /** A condition with its parameters. */
  add(condition: string, ...params: unknown[]): this {
    this.#parts.push(condition);
    this.params.push(...params);
    return this;
  }

  /** ` WHERE a AND b`, or '' when there is no condition. */
  sql(): string {
    return this.#parts.length ? ` WHERE ${this.#parts.join(' AND ')}` : '';
  }
}

/**
 * A condition on (scope_type, scope_id) columns: the scopes within a reach. For tables that record their
 * organization (`orgColumn`), the organization is matched on that column; otherwise through the scope
 * tables (a secret's organization is its scope's).
 */
export function reachCondition(reach: Reach, orgColumn?: string): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (orgColumn) {
    parts.push(`${orgColumn} = ?`);
    params.push(reach.organizationId);
  }
  if (reach.workspaceId !== undefined) {
    parts.push("scope_type = 'workspace' AND scope_id = ?");
    params.push(reach.workspaceId);
  } else if (reach.teamId !== undefined) {
    parts.push(
      "((scope_type = 'team' AND scope_id = ?) OR (scope_type = 'workspace' AND scope_id IN (SELECT id FROM workspaces WHERE team_id = ?)))",
    );
    params.push(reach.teamId, reach.teamId);
  } else if (!orgColumn) {
    const o = reach.organizationId;
    parts.push(
      "((scope_type = 'organization' AND scope_id = ?) OR (scope_type = 'team' AND scope_id IN (SELECT id FROM teams WHERE organization_id = ?)) OR (scope_type = 'workspace' AND scope_id IN (SELECT id FROM workspaces WHERE organization_id = ?)))",
    );
    params.push(o, o, o);
  }
  return { sql: `(${parts.join(' AND ')})`, params };
}
