// The pieces the CDKTF end-to-end suite drives besides `coffer serve` and OpenTofu: what must exist, and the
// example app's synth script run as a user would run it.
// (Nothing here imports from examples/: the suite runs it as a program.)
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SERVER_CLI } from '@coffer/server/launch';
import { findTofu, providerAvailable } from 'terraform-provider-coffer/dev';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE_MAIN = join(ROOT, 'examples', 'cdktf-app', 'main.ts');

/** What is missing to run the suite. */
export function missingPieces(): string[] {
  const out: string[] = [];
  if (!findTofu()) out.push('OpenTofu (scripts/setup.d/10-opentofu.sh builds it; or set TOFU_BIN)');
  if (!providerAvailable()) out.push('provider/bin/terraform-provider-coffer');
  if (!existsSync(SERVER_CLI)) out.push('server/src/cli.ts');
  return out;
}

/** In CI a missing piece fails the suite; elsewhere it is skipped with a loud message. */
export function shouldSkip(): boolean {
  return skipUnlessAvailable('CDKTF end-to-end suite', missingPieces());
}

/** Synthesizes examples/cdktf-app with its own script; answers each stack's directory. */
export async function synthExample(outdir: string): Promise<{ cdktf: string; cdktn: string }> {
  await promisify(execFile)(process.execPath, [EXAMPLE_MAIN, '--outdir', outdir], { cwd: ROOT });
  return {
    cdktf: join(outdir, 'cdktf', 'stacks', 'coffer-cdktf'),
    cdktn: join(outdir, 'cdktn', 'stacks', 'coffer-cdktn'),
  };
}
