// What the end-to-end suites need besides a CLI (./cli.ts finds OpenTofu and Terraform): the provider
// launcher and the server CLI. In CI a missing piece fails the suite; elsewhere it is skipped with a loud
// message (scripts/lib/ci.ts).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVER_CLI } from '@coffer/server/launch';
import { providerAvailable } from 'terraform-provider-coffer/dev';

export const ROOT = resolve(import.meta.dirname, '../../..');

export function missingPieces(): string[] {
  const out: string[] = [];
  if (!providerAvailable() || !existsSync(join(ROOT, 'provider', 'src', 'main.ts'))) {
    out.push('provider/bin/terraform-provider-coffer (and provider/src/main.ts)');
  }
  if (!existsSync(SERVER_CLI)) out.push('server/src/cli.ts');
  return out;
}
