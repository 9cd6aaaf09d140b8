/**
 * PostgreSQL driver over `pg` (Pool). Statements are sent as named prepared statements (prepared once per
 * pooled connection). Startup work (migrations, canary, rotation) runs in one transaction holding
 * `pg_advisory_xact_lock`, so replicas starting together apply migrations exactly once.
 */
import pg from 'pg';
import { toPgPlaceholders } from './dialect.ts';
import type { SqlDriver, SqlExecutor } from './executor.ts';

/** Arbitrary constant: "coffer" in ASCII, used as the advisory lock key for migrations. */
const MIGRATION_LOCK_KEY = 0x636f66666572;

type Queryable = pg.Pool | pg.PoolClient;

class StatementNames {
  readonly #names = new Map<string, { name: string; text: string }>();
  get(sql: string): { name: string; text: string } {
    let n = this.#names.get(sql);
    if (!n) {
      n = { name: `coffer_${this.#names.size + 1}`, text: toPgPlaceholders(sql) };
      this.#names.set(sql, n);
    }
    return n;
  }
}

class PgExecutor implements SqlExecutor {
  readonly dialect = 'postgres' as const;
  readonly inTransaction: boolean;
  readonly #q: Queryable;
  readonly #pool: pg.Pool;
  readonly #names: StatementNames;

  constructor(pool: pg.Pool, q: Queryable, names: StatementNames, inTransaction: boolean) {
    this.#pool = pool;
    this.#q = q;
    this.#names = names;
    this.inTransaction = inTransaction;
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const { name, text } = this.#names.get(sql);
    const res = await this.#q.query({ name, text, values: params as unknown[] });
    return res.rows as T[];
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<number> {
    const { name, text } = this.#names.get(sql);
    const res = await this.#q.query({ name, text, values: params as unknown[] });
    return res.rowCount ?? 0;
  }

  async script(sql: string): Promise<void> {
    await this.#q.query(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const client = await this.#pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      try {
        const result = await fn(new PgExecutor(this.#pool, client, this.#names, true));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw err;
      }
    } finally {
      client.release(broken);
    }
  }
}

export interface PostgresOptions {
  databaseUrl: string;
  poolSize?: number | undefined;
  statementTimeoutMs?: number | undefined;
}

export function openPostgresDriver(opts: PostgresOptions): SqlDriver & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: opts.poolSize ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    // A hung query must not hold a request (and a pooled connection) forever.
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    application_name: 'coffer',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const names = new StatementNames();
  const root = new PgExecutor(pool, pool, names, false);
  let closed = false;
  return {
    pool,
    root,
    withMigrationLock: (fn) =>
      root.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
        return fn(tx);
      }),
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
