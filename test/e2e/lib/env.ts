// What the end-to-end suite needs from outside: OpenTofu, the provider launcher and the server CLI. In CI
// (CI=true) a missing piece fails the suite; elsewhere it is skipped with a loud message.
import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const PROVIDER_BIN_DIR = join(ROOT, 'provider', 'bin');
export const PROVIDER_BIN = join(PROVIDER_BIN_DIR, 'terraform-provider-coffer');
export const SERVER_CLI = join(ROOT, 'server', 'src', 'cli.ts');
export const TOFU_VERSION = '1.12.6';
export const IN_CI = !!process.env.CI && process.env.CI !== 'false';

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** TOFU_BIN, the project's build in ~/.cache/coffer-tools, or `tofu` on PATH. */
export function findTofu(): string | undefined {
  return [
    process.env.TOFU_BIN,
    join(homedir(), '.cache', 'coffer-tools', `opentofu-v${TOFU_VERSION}`, 'tofu'),
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'tofu')),
  ].find((c): c is string => !!c && executable(c));
}

export function missingPieces(): string[] {
  const out: string[] = [];
  if (!findTofu()) out.push('OpenTofu (scripts/setup.d/10-opentofu.sh builds it; or set TOFU_BIN)');
  if (!executable(PROVIDER_BIN) || !existsSync(join(ROOT, 'provider', 'src', 'main.ts'))) {
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
