// What the end-to-end suite needs from outside: OpenTofu, the provider launcher and the server CLI. In CI
// (CI=true) a missing piece fails the suite; elsewhere it is skipped with a loud message.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVER_CLI } from '@coffer/server/launch';
import { findTofu, providerAvailable } from 'terraform-provider-coffer/dev';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const IN_CI = !!process.env.CI && process.env.CI !== 'false';

export function missingPieces(): string[] {
  const out: string[] = [];
  if (!findTofu()) out.push('OpenTofu (scripts/setup.d/10-opentofu.sh builds it; or set TOFU_BIN)');
  if (!providerAvailable() || !existsSync(join(ROOT, 'provider', 'src', 'main.ts'))) {
    out.push('provider/bin/terraform-provider-coffer (and provider/src/main.ts)');
  }
  if (!existsSync(SERVER_CLI)) out.push('server/src/cli.ts');
  return out;
}

/** True when the suite should be skipped (outside CI); throws in CI. */
export function shouldSkip(suite: string): boolean {
  const gone = missingPieces();
  if (gone.length === 0) return false;
  const message = `${suite}: missing ${gone.join(', ')}`;
  if (IN_CI) throw new Error(`${message} (required in CI)`);
  console.warn(`\n!!! SKIPPING ${message}. In CI this fails.\n`);
  return true;
}
