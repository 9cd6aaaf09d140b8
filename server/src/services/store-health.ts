/**
 * Readiness beyond a ping: once a write failed for want of space, readiness answers 503 until a probe write
 * succeeds again, so a load balancer stops sending writes to a full replica and sends them back once space
 * returns (without waiting for a client to try one).
 */
import type { Store } from '../store/types.ts';

const PROBE_KEY = 'readyz.probe';

export class StoreHealth {
  readonly #store: Store;
  #full = false;
  #damaged = false;

  constructor(store: Store) {
    this.#store = store;
  }

  markFull(): void {
    this.#full = true;
  }

  /** The store reported damage: readiness stays 503 until an operator restores it and restarts. */
  markDamaged(): void {
    this.#damaged = true;
  }

  /** 'full' while the last write failed for space and a probe write still fails; 'ok' otherwise. */
  async check(): Promise<'ok' | 'full' | 'damaged'> {
    if (this.#damaged) return 'damaged';
    if (!this.#full) return 'ok';
    try {
      // A write that needs a new page of room (the value is larger than one page), then gone again.
      await this.#store.setMeta(PROBE_KEY, `${Date.now()}:${'x'.repeat(8192)}`);
      await this.#store.setMeta(PROBE_KEY, '');
      this.#full = false;
      return 'ok';
    } catch {
      return 'full';
    }
  }
}
