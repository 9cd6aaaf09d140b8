/**
 * Where a scope sits: its organization and (for a workspace) its team. Every authorization decision asks it,
 * so lookups are cached for a few seconds and dropped whenever the resolve cache is cleared (a write here or
 * on another replica: a move, a delete).
 */
import type { ScopeType, Store, WorkspaceRecord } from '../store/types.ts';
import type { ResolveCache } from './resolve-cache.ts';

export interface Located {
  type: ScopeType;
  id: string;
  organizationId: string;
  /** The team itself for a team; the workspace's team (or null) for a workspace; null for an organization. */
  teamId: string | null;
}

const TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;

export class Directory {
  readonly #store: Store;
  readonly #cache: ResolveCache;
  readonly #entries = new Map<string, { at: number; value: Located | null }>();
  #generation = -1;

  constructor(store: Store, cache: ResolveCache) {
    this.#store = store;
    this.#cache = cache;
  }

  /** Null when the scope does not exist. */
  async locate(type: ScopeType, id: string): Promise<Located | null> {
    if (this.#generation !== this.#cache.generation) {
      this.#entries.clear();
      this.#generation = this.#cache.generation;
    }
    const key = `${type}\u0000${id}`;
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.value;
    const generation = this.#cache.generation;
    const value = await this.#lookup(type, id);
    if (generation === this.#cache.generation) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
      this.#entries.set(key, { at: now, value });
    }
    return value;
  }

  async #lookup(type: ScopeType, id: string): Promise<Located | null> {
    if (type === 'organization') {
      return (await this.#store.organizations.get(id))
        ? { type, id, organizationId: id, teamId: null }
        : null;
    }
    if (type === 'team') {
      const t = await this.#store.teams.get(id);
      return t ? { type, id, organizationId: t.organizationId, teamId: t.id } : null;
    }
    const w = await this.#store.workspaces.get(id);
    return w ? workspaceLocation(w) : null;
  }
}

export function workspaceLocation(w: WorkspaceRecord): Located {
  return { type: 'workspace', id: w.id, organizationId: w.organizationId, teamId: w.teamId };
}
