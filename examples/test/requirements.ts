// What a test needs from outside this package. In CI (CI=true) a missing piece fails the test; elsewhere the
// test is skipped with a loud message naming what is missing.
import { existsSync } from 'node:fs';
import { SERVER_CLI } from '@coffer/server/launch';
import { findTofu, providerAvailable } from 'terraform-provider-coffer/dev';

export const IN_CI = !!process.env.CI && process.env.CI !== 'false';

/** Names the missing pieces among OpenTofu, the provider executable and the server CLI. */
export function missing(need: { tofu?: boolean; provider?: boolean; server?: boolean }): string[] {
  const out: string[] = [];
  if (need.tofu && !findTofu()) out.push('OpenTofu (run scripts/setup.d/10-opentofu.sh or set TOFU_BIN)');
  if (need.provider && !providerAvailable()) out.push('provider/bin/terraform-provider-coffer');
  if (need.server && !existsSync(SERVER_CLI)) out.push('server/src/cli.ts');
  return out;
}

/** Throws in CI when something is missing; otherwise warns and answers true (= skip). */
export function skipUnlessAvailable(what: string, need: Parameters<typeof missing>[0]): boolean {
  const gone = missing(need);
  if (gone.length === 0) return false;
  const message = `${what}: missing ${gone.join(', ')}`;
  if (IN_CI) throw new Error(`${message} (required in CI)`);
  console.warn(`\n!!! SKIPPING ${message}. In CI this fails.\n`);
  return true;
}
