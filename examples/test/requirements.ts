// What a test needs from outside this package: OpenTofu, the provider executable and the server CLI. A
// missing piece skips the test loudly, and fails it under CI (scripts/lib/ci.ts).
import { existsSync } from 'node:fs';
import { SERVER_CLI } from '@coffer/server/launch';
import { findTofu, providerAvailable } from 'terraform-provider-coffer/dev';

/** Names the missing pieces among OpenTofu, the provider executable and the server CLI. */
export function missing(need: { tofu?: boolean; provider?: boolean; server?: boolean }): string[] {
  const out: string[] = [];
  if (need.tofu && !findTofu()) out.push('OpenTofu (run scripts/setup.d/10-opentofu.sh or set TOFU_BIN)');
  if (need.provider && !providerAvailable()) out.push('provider/bin/terraform-provider-coffer');
  if (need.server && !existsSync(SERVER_CLI)) out.push('server/src/cli.ts');
  return out;
}
