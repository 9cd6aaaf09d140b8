/** Bearer API keys: hashing, lookup with a short in-memory cache, bootstrap of the first owner key. */
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/types.ts';
import { type Principal, principalOf } from './access.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** `cof_<8 hex>_<43 base64url>`: 256 random bits after a recognisable, non-secret prefix. */
export function newToken(): { token: string; prefix: string } {
  const prefix = `cof_${randomBytes(4).toString('hex')}`;
  return { token: `${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

/**
 * The listed prefix of a token we did not mint (a bootstrap key from the environment): nothing. Even a
 * token shaped like ours was chosen by the operator, and any characters of it shown to every member key
 * would be characters of a secret.
 */
const OPERATOR_TOKEN_PREFIX = '';

const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
const TOUCH_MS = 60_000;

interface Cached {
  principal: Principal;
  until: number;
  keyExpires: number;
  touched: number;
}

export class Authenticator {
  readonly #store: Store;
  readonly #cache = new Map<string, Cached>();
  constructor(store: Store) {
    this.#store = store;
  }

  /** The principal for an Authorization header value, or null (missing, unknown, expired, revoked). */
  async authenticate(header: string | undefined): Promise<Principal | null> {
    if (!header) return null;
    const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!m) return null;
    const hash = hashToken(m[1] as string);
    const now = Date.now();
    const hit = this.#cache.get(hash);
    if (hit && hit.until > now) {
      if (hit.keyExpires <= now) return null;
      if (now - hit.touched > TOUCH_MS) {
        hit.touched = now;
        this.#touch(hit.principal.keyId);
      }
      return hit.principal;
    }
    const rec = await this.#store.apiKeys.findByTokenHash(hash);
    if (!rec || rec.revokedAt) {
      this.#cache.delete(hash);
      return null;
    }
    const keyExpires = rec.expiresAt ? Date.parse(rec.expiresAt) : Number.POSITIVE_INFINITY;
    if (keyExpires <= now) return null;
    if (this.#cache.size >= CACHE_MAX) this.#cache.clear();
    const principal = principalOf(rec);
    this.#cache.set(hash, { principal, until: now + CACHE_MS, keyExpires, touched: now });
    this.#touch(rec.id);
    return principal;
  }

  /** A revoked key stops working in this process at once (other replicas within the cache time). */
  forget(keyId: string): void {
    for (const [hash, c] of this.#cache) if (c.principal.keyId === keyId) this.#cache.delete(hash);
  }

  #touch(id: string): void {
    this.#store.apiKeys.touchLastUsed(id).catch(() => {});
  }
}

export interface BootstrapResult {
  /** The token to print, only when this start minted it. */
  printToken: string | null;
  created: boolean;
  ignoredEnvKey: boolean;
}

export const MIN_BOOTSTRAP_KEY_LENGTH = 24;

/**
 * On an empty key table, creates the bootstrap key (from COFFER_BOOTSTRAP_API_KEY or freshly minted): owner of
 * the bootstrap organization (created with it) and a deployment key.
 */
export async function bootstrapOwnerKey(
  store: Store,
  opts: { envKey: string | undefined; organizationId: string },
): Promise<BootstrapResult> {
  if ((await store.apiKeys.count()) > 0) {
    return { printToken: null, created: false, ignoredEnvKey: opts.envKey !== undefined };
  }
  const minted = opts.envKey ? null : newToken();
  const token = opts.envKey ?? (minted as { token: string }).token;
  try {
    if (!(await store.organizations.get(opts.organizationId))) {
      await store.organizations.create({ id: opts.organizationId, name: opts.organizationId });
    }
    await store.apiKeys.create({
      name: 'bootstrap-owner',
      role: 'owner',
      scopeType: 'organization',
      scopeId: opts.organizationId,
      organizationId: opts.organizationId,
      deployment: true,
      prefix: minted ? minted.prefix : OPERATOR_TOKEN_PREFIX,
      tokenHash: hashToken(token),
      expiresAt: null,
    });
  } catch (err) {
    // Another replica on the same database created it first.
    if ((err as Error).name === 'DuplicateError')
      return { printToken: null, created: false, ignoredEnvKey: false };
    throw err;
  }
  return { printToken: minted ? token : null, created: true, ignoredEnvKey: false };
}
