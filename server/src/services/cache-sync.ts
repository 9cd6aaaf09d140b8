/**
 * Clears the resolve cache on every replica when one of them writes: PostgreSQL LISTEN/NOTIFY on one
 * dedicated connection per replica. A write's NOTIFY is sent after its transaction committed; the other
 * replicas clear their caches when it arrives (well under a second on a LAN), so a rotation is visible
 * everywhere at once instead of a TTL later. If the connection drops, the replica clears its cache (it may
 * have missed a notification) and reconnects every second until it is back. SQLite is one process: nothing
 * to tell.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ResolveCache } from './resolve-cache.ts';

const CHANNEL = 'coffer_resolve_cache';
const RETRY_MS = 1_000;

interface Log {
  log(level: 'info' | 'warn' | 'error' | 'debug', msg: string, fields?: Record<string, unknown>): void;
}

export class PgCacheSync {
  readonly #url: string;
  readonly #cache: ResolveCache;
  readonly #log: Log;
  readonly #id = randomUUID();
  #client: pg.Client | null = null;
  #closed = false;
  #retry: NodeJS.Timeout | null = null;

  private constructor(url: string, cache: ResolveCache, log: Log) {
    this.#url = url;
    this.#cache = cache;
    this.#log = log;
  }

  /** Listens, and makes the cache's local clears notify the other replicas. */
  static async start(url: string, cache: ResolveCache, log: Log): Promise<PgCacheSync> {
    const sync = new PgCacheSync(url, cache, log);
    await sync.#connect();
    cache.onClear = () => sync.#notify();
    return sync;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload !== this.#id) this.#cache.clearLocal();
    });
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.#client = client;
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = null;
    // Notifications may have been missed meanwhile.
    this.#cache.clearLocal();
    if (this.#closed) return;
    this.#log.log('warn', 'resolve-cache notifications lost; reconnecting');
    this.#schedule();
  }

  #schedule(): void {
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (this.#closed) return;
      this.#connect().catch(() => this.#schedule());
    }, RETRY_MS);
    this.#retry.unref();
  }

  #notify(): void {
    const c = this.#client;
    if (!c) return;
    c.query('SELECT pg_notify($1, $2)', [CHANNEL, this.#id]).catch(() => this.#lost(c));
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const c = this.#client;
    this.#client = null;
    await c?.end().catch(() => {});
  }
}
