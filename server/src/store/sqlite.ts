/**
 * SQLite driver over node:sqlite (DatabaseSync). The database is synchronous; this wraps it in the async
 * SqlExecutor so it shares the repository code with PostgreSQL.
 *
 * Settings: journal_mode=WAL; synchronous=NORMAL by default (in WAL mode a commit is in the WAL file, i.e.
 * in the OS page cache, before the call returns, so every acknowledged write survives `kill -9` of the
 * process; only an OS crash or power loss can lose the last transactions. `FULL` also fsyncs the WAL on
 * every commit and survives power loss at a write-throughput cost); busy_timeout=5000 ms; one connection
 * (the process is the only writer); prepared statements cached per SQL text.
 *
 * Transactions: because every statement runs synchronously on one connection, an open transaction must
 * not see statements of other concurrent requests. While `transaction(fn)` is running, statements issued
 * outside it wait (an async gate) until it commits or rolls back. Inside fn use only the tx executor.
 * Concurrent transactions are group-committed (see GroupCommit).
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { SqlDriver, SqlExecutor } from './executor.ts';
import { StoreStartupError } from './types.ts';

const SQLITE_FILE_NAME = 'coffer.db';

type Sync = 'NORMAL' | 'FULL';

interface Job {
  fn: (tx: SqlExecutor) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit. Transactions queued while one batch runs are run together in the next batch: one
 * BEGIN IMMEDIATE ... COMMIT, each transaction inside its own SAVEPOINT (a failing one rolls back alone), and
 * every caller is answered only after the COMMIT. Fewer commits write each shared page (indexes, the audit
 * table's last leaf) once per batch instead of once per transaction. While a batch is open, statements
 * outside it wait at the connection's gate, as they did for a single transaction.
 */
class GroupCommit {
  readonly #c: SqliteConnection;
  #queue: Job[] = [];
  #running = false;

  constructor(c: SqliteConnection) {
    this.#c = c;
  }

  run<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.#running) {
        this.#running = true;
        void this.#loop();
      }
    });
  }

  async #loop(): Promise<void> {
    const c = this.#c;
    while (this.#queue.length > 0) {
      while (c.gate) await c.waitGate();
      const batch = this.#queue;
      this.#queue = [];
      let open!: () => void;
      c.gate = new Promise<void>((r) => {
        open = r;
      });
      const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
      let batchError: unknown = null;
      try {
        c.db.exec('BEGIN IMMEDIATE');
        for (const job of batch) {
          c.db.exec('SAVEPOINT coffer_tx');
          try {
            const value = await job.fn(new SqliteExecutor(c, true));
            c.db.exec('RELEASE coffer_tx');
            results.push({ ok: true, value });
          } catch (error) {
            // Some errors (I/O, disk full) end the whole transaction: then nothing of the batch is kept.
            if (!c.db.isTransaction) throw error;
            c.db.exec('ROLLBACK TO coffer_tx');
            c.db.exec('RELEASE coffer_tx');
            results.push({ ok: false, error });
          }
        }
        c.db.exec('COMMIT');
      } catch (error) {
        batchError = error;
        if (c.db.isTransaction) c.db.exec('ROLLBACK');
      } finally {
        c.gate = null;
        open();
      }
      batch.forEach((job, i) => {
        const r = results[i];
        if (batchError !== null || !r) job.reject(batchError ?? new Error('transaction not run'));
        else if (r.ok) job.resolve(r.value);
        else job.reject(r.error);
      });
      // Let statements waiting at the gate (and new requests) run before the next batch claims it.
      await new Promise<void>((r) => setImmediate(r));
    }
    this.#running = false;
  }
}

class SqliteConnection {
  readonly db: DatabaseSync;
  readonly group: GroupCommit = new GroupCommit(this);
  readonly #stmts = new Map<string, StatementSync>();
  gate: Promise<void> | null = null;

  constructor(path: string, synchronous: Sync) {
    const fresh = !existsSync(path);
    try {
      this.db = new DatabaseSync(path, { enableForeignKeyConstraints: true });
      if (fresh) chmodSync(path, 0o600); // -wal and -shm inherit the database file's mode
      this.db.exec('PRAGMA journal_mode = WAL');
      this.db.exec(`PRAGMA synchronous = ${synchronous}`);
      this.db.exec('PRAGMA busy_timeout = 5000');
    } catch (err) {
      throw damaged(path, err);
    }
    checkIntegrity(this.db, path);
  }

  stmt(sql: string): StatementSync {
    let s = this.#stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.#stmts.set(sql, s);
    }
    return s;
  }

  /**
   * Resolves when no transaction is open. Callers must re-check `gate` synchronously after awaiting this
   * (another transaction may start in the microtask gap): use `while (c.gate) await c.waitGate();`.
   */
  waitGate(): Promise<void> {
    return this.gate ?? Promise.resolve();
  }
}

/** What SQLite said, in words a person can act on; never row contents. */
function damaged(path: string, err: unknown): StoreStartupError {
  const reason = (err as { errstr?: string }).errstr ?? (err as Error).message;
  return new StoreStartupError(
    `${path} cannot be opened as a SQLite database (${reason}); it may be damaged or not a Coffer store. Restore it from a backup, or move it aside and start with --init-store for a new, empty store.`,
  );
}

/** PRAGMA quick_check at start: a damaged file stops the start with what SQLite found. */
function checkIntegrity(db: DatabaseSync, path: string): void {
  let rows: Array<Record<string, unknown>>;
  try {
    rows = db.prepare('PRAGMA quick_check(5)').all() as Array<Record<string, unknown>>;
  } catch (err) {
    db.close();
    throw damaged(path, err);
  }
  const problems = rows.map((r) => String(Object.values(r)[0])).filter((m) => m !== 'ok');
  if (problems.length > 0) {
    db.close();
    throw new StoreStartupError(
      `${path} failed SQLite's integrity check (${problems.join('; ')}); restore it from a backup, or move it aside and start with --init-store for a new, empty store.`,
    );
  }
}

function bind(params: readonly unknown[]): SQLInputValue[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : (p as SQLInputValue)));
}

class SqliteExecutor implements SqlExecutor {
  readonly dialect = 'sqlite' as const;
  readonly inTransaction: boolean;
  readonly #c: SqliteConnection;

  constructor(c: SqliteConnection, inTransaction: boolean) {
    this.#c = c;
    this.inTransaction = inTransaction;
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    if (!this.inTransaction) while (this.#c.gate) await this.#c.waitGate();
    return this.#c.stmt(sql).all(...bind(params)) as T[];
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<number> {
    if (!this.inTransaction) while (this.#c.gate) await this.#c.waitGate();
    return Number(this.#c.stmt(sql).run(...bind(params)).changes);
  }

  async script(sql: string): Promise<void> {
    if (!this.inTransaction) while (this.#c.gate) await this.#c.waitGate();
    this.#c.db.exec(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.#c.group.run(fn);
  }
}

const CHECKPOINT_INTERVAL_MS = 200;
/** Past this many WAL frames (4 MiB of 4 KiB pages) the WAL is rewound; see sqlite-checkpointer.ts. */
const WAL_RESTART_FRAMES = 1024;
/** A WAL that grew past this (a burst, a long reader) is cut back to it when it is rewound. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/** If the worker never answers a quiesce, the gate opens again after this. */
const QUIESCE_TIMEOUT_MS = 2_000;

/** Moves WAL checkpoints (and their fsync) to a worker thread; see sqlite-checkpointer.ts. */
function startCheckpointer(c: SqliteConnection, path: string): { stop(): Promise<void> } {
  c.db.exec('PRAGMA wal_autocheckpoint = 0');
  c.db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const worker = new Worker(new URL('./sqlite-checkpointer.ts', import.meta.url), {
    workerData: { path, intervalMs: CHECKPOINT_INTERVAL_MS, restartFrames: WAL_RESTART_FRAMES },
  });
  worker.unref();
  let reopen: (() => void) | null = null;
  let timeout: NodeJS.Timeout | undefined;
  let stopping = false;
  const openGate = () => {
    clearTimeout(timeout);
    const open = reopen;
    reopen = null;
    open?.();
  };
  const quiesce = async () => {
    while (c.gate) await c.waitGate();
    if (stopping) return;
    let open!: () => void;
    c.gate = new Promise<void>((r) => {
      open = r;
    });
    reopen = () => {
      c.gate = null;
      open();
    };
    timeout = setTimeout(openGate, QUIESCE_TIMEOUT_MS).unref();
    worker.postMessage('quiesced');
  };
  worker.on('message', (m) => {
    if (m === 'quiesce') void quiesce();
    else if (m === 'resume') openGate();
  });
  let failed = false;
  worker.on('error', () => {
    // Without the worker the serving connection checkpoints by itself again.
    failed = true;
    openGate();
    if (c.db.isOpen) c.db.exec('PRAGMA wal_autocheckpoint = 1000');
  });
  return {
    async stop() {
      stopping = true;
      if (failed) return;
      const stopped = new Promise<void>((resolve) => {
        worker.on('message', (m) => {
          if (m === 'stopped') resolve();
        });
        worker.once('exit', () => resolve());
      });
      worker.postMessage('stop');
      await stopped;
      openGate();
      await worker.terminate();
    },
  };
}

export interface SqliteOptions {
  dataDir: string;
  synchronous?: Sync | undefined;
  /** Override the file name (tests). */
  fileName?: string;
}

export function sqlitePath(opts: Pick<SqliteOptions, 'dataDir' | 'fileName'>): string {
  return join(opts.dataDir, opts.fileName ?? SQLITE_FILE_NAME);
}

export function openSqliteDriver(opts: SqliteOptions): SqlDriver & { path: string } {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const path = sqlitePath(opts);
  const c = new SqliteConnection(path, opts.synchronous ?? 'NORMAL');
  const root = new SqliteExecutor(c, false);
  const checkpointer = startCheckpointer(c, path);
  let closed = false;
  return {
    path,
    root,
    withMigrationLock: (fn) => root.transaction(fn),
    async ping() {
      if (closed) throw new Error('store is closed');
      await root.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      while (c.gate) await c.waitGate();
      await checkpointer.stop();
      // Fold the WAL into the database file so a stopped server leaves one file behind.
      c.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      c.db.close();
    },
  };
}
