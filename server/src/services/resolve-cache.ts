/**
 * In-process TTL cache of resolved values (the secrets manager's `cache.ttlSeconds`; 0 disables it).
 * Any write in this process clears it and tells the other replicas (`onClear`: PostgreSQL NOTIFY, see
 * cache-sync.ts), which clear theirs. A generation counter keeps a resolve that read before a clear from
 * caching what it read after it.
 */
import type { SecretValue } from '../crypto/secret-value.ts';
import type { ScopeType, StorageBackend } from '../store/types.ts';

export interface ResolvedEntry {
  name: string;
  value: SecretValue;
  source: 'override' | 'workspace' | 'team' | 'organization';
  scope: { type: ScopeType; id: string };
  version: number;
  expiresAt: string | null;
  backend: StorageBackend;
  secretId: string | null;
}

const MAX_ENTRIES = 100_000;

export class ResolveCache {
  readonly #entries = new Map<string, { entry: ResolvedEntry | null; until: number }>();
  #generation = 0;
  /** Called after each local clear() (a write here): tells the other replicas. */
  onClear: (() => void) | null = null;

  /** Changes on every clear; pass it to set() to drop values read before a clear. */
  get generation(): number {
    return this.#generation;
  }

  /** A workspace resolves one chain (its own), so the workspace and the name are the whole key. */
  static key(workspaceId: string, name: string): string {
    return `${workspaceId}\u0000${name}`;
  }

  /** undefined: not cached; null: cached as missing. */
  get(key: string, now: number): ResolvedEntry | null | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (e.until <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return e.entry;
  }

  set(key: string, entry: ResolvedEntry | null, ttlSeconds: number, now: number, generation?: number): void {
    if (ttlSeconds <= 0) return;
    if (generation !== undefined && generation !== this.#generation) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    let until = now + ttlSeconds * 1000;
    if (entry?.expiresAt) until = Math.min(until, Date.parse(entry.expiresAt));
    this.#entries.set(key, { entry, until });
  }

  /** After a write in this process: clears, and tells the other replicas. */
  clear(): void {
    this.clearLocal();
    this.onClear?.();
  }

  /** Another replica wrote (or the channel that would say so was lost). */
  clearLocal(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}
