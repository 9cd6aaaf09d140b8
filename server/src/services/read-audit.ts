/**
 * Group commit for the read audit: entries from concurrent resolves are written in one transaction, and
 * each request is answered only after the transaction holding its entries has committed. A value is never
 * handed out without its audit record on disk; the database sees one commit per batch instead of one per
 * request.
 */
import type { NewSecretReadAudit, Store } from '../store/types.ts';

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class ReadAuditWriter {
  readonly #store: Store;
  #entries: NewSecretReadAudit[] = [];
  #waiters: Waiter[] = [];
  #running = false;

  constructor(store: Store) {
    this.#store = store;
  }

  append(entries: NewSecretReadAudit[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#entries.push(...entries);
    if (!this.#running) {
      this.#running = true;
      setImmediate(() => void this.#drain());
    }
    return done;
  }

  async #drain(): Promise<void> {
    while (this.#entries.length > 0) {
      const entries = this.#entries;
      const waiters = this.#waiters;
      this.#entries = [];
      this.#waiters = [];
      try {
        await this.#store.audit.appendSecretReads(entries);
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.#running = false;
  }
}
