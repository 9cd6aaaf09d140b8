/**
 * Where a secret lives in a remote backend, relative to the backend's prefix (Vault's `secretPath`, AWS's
 * `secretPrefix`). The one place the layout is decided, so that tenancy (organization > team > workspace)
 * can change it in one function.
 *
 * Today: `{scopeType}/{scopeId}/{name}` (`team/platform/STRIPE_API_KEY`), which keeps scopes apart so a
 * Vault policy or an IAM policy can grant one team's Coffer role its own prefix only
 * (`secret/data/coffer/team/platform/*`). Scope ids (`[A-Za-z0-9][A-Za-z0-9._-]{0,63}`) and names
 * (`[A-Za-z_][A-Za-z0-9_]{0,127}`) are valid Vault path segments and AWS secret-name characters as they are,
 * and neither can be `.` or `..`.
 */
import type { SecretLocation } from './types.ts';

const SCOPE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const SCOPE_TYPES = new Set(['organization', 'team', 'workspace']);

export function layoutPath(loc: Pick<SecretLocation, 'scopeType' | 'scopeId' | 'name'>): string {
  // The API validates these already; a store row that somehow breaks them must not escape its prefix.
  if (!SCOPE_TYPES.has(loc.scopeType) || !SCOPE_ID.test(loc.scopeId) || !NAME.test(loc.name)) {
    throw new Error('a secret location with a scope or name outside the API patterns');
  }
  return `${loc.scopeType}/${loc.scopeId}/${loc.name}`;
}

/** The top-level folders of the layout (for counting a backend's secrets). */
export const LAYOUT_ROOTS = ['organization', 'team', 'workspace'] as const;

/** `a/b/` + `c` without doubled or trailing slashes. */
export function joinPath(prefix: string, rest: string): string {
  const p = prefix.replace(/\/+$/, '');
  return p === '' ? rest : `${p}/${rest}`;
}
