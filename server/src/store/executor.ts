import type { DialectName } from './dialect.ts';

/** The minimal SQL surface both drivers provide. SQL uses `?` placeholders. */
export interface SqlExecutor {
  readonly dialect: DialectName;
  /** Rows of a SELECT or of a statement with RETURNING. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Number of rows changed. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  /** A script of statements without parameters (migrations). */
  script(sql: string): Promise<void>;
  /**
   * Runs fn in one transaction with an executor bound to it. Nested calls reuse the outer transaction.
   * `immediate`: SQLite takes the write lock at BEGIN (no-op for PostgreSQL).
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  readonly inTransaction: boolean;
}

export interface SqlDriver {
  readonly root: SqlExecutor;
  /** Runs fn while holding the cross-process migration lock (PG advisory lock; SQLite: BEGIN IMMEDIATE). */
  withMigrationLock<T>(fn: (ex: SqlExecutor) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
