/**
 * In-process token buckets: `rate` tokens per second, at most `burst` saved up, one bucket per key.
 * Used for requests per API key and for failed authentications per client address. Per process: each
 * replica on a shared PostgreSQL store limits on its own (a shared counter would cost a database round trip
 * per request).
 */
interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets are forgotten once full again; the sweep runs when the map grows past this. */
const SWEEP_AT = 10_000;

export class RateLimiter {
  readonly #rate: number;
  readonly #burst: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(ratePerSecond: number, burst: number) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('rate must be > 0 and burst >= 1');
    this.#rate = ratePerSecond / 1000;
    this.#burst = burst;
  }

  /** Whole seconds until a token is available (0: one is available now). Takes nothing. */
  wait(key: string, now = performance.now()): number {
    const tokens = this.#refill(key, now);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.#rate / 1000));
  }

  /** Takes a token when one is available and returns 0; otherwise the whole seconds to wait. */
  take(key: string, now = performance.now()): number {
    const wait = this.wait(key, now);
    if (wait === 0) {
      const b = this.#buckets.get(key) as Bucket;
      b.tokens -= 1;
    }
    return wait;
  }

  #refill(key: string, now: number): number {
    let b = this.#buckets.get(key);
    if (!b) {
      if (this.#buckets.size >= SWEEP_AT) this.#sweep(now);
      b = { tokens: this.#burst, at: now };
      this.#buckets.set(key, b);
      return b.tokens;
    }
    b.tokens = Math.min(this.#burst, b.tokens + (now - b.at) * this.#rate);
    b.at = now;
    return b.tokens;
  }

  #sweep(now: number): void {
    for (const [key, b] of this.#buckets) {
      if (b.tokens + (now - b.at) * this.#rate >= this.#burst) this.#buckets.delete(key);
    }
  }

  get size(): number {
    return this.#buckets.size;
  }
}
