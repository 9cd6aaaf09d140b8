// The CLIs the end-to-end suites run against: OpenTofu and HashiCorp Terraform (both built by
// scripts/setup.d). Every suite runs once per CLI. In CI a missing CLI fails the suite; elsewhere
// the suite runs with the CLIs it finds and says loudly which one it skipped.
import { findTerraform, findTofu, TERRAFORM_VERSION, TOFU_VERSION } from 'terraform-provider-coffer/dev';
import { describe, it } from 'vitest';
import { skipUnlessAvailable } from '../../../scripts/lib/ci.ts';
import { missingPieces } from './env.ts';

export interface Cli {
  name: 'opentofu' | 'terraform';
  /** As the CLI names itself in its output. */
  label: 'OpenTofu' | 'Terraform';
  /** The command users type. */
  command: 'tofu' | 'terraform';
  bin: string;
  /** The registry host a bare `coffer/coffer` source means to this CLI. */
  registry: 'registry.opentofu.org' | 'registry.terraform.io';
  version: string;
}

interface Known extends Omit<Cli, 'bin'> {
  find: () => string | undefined;
  setup: string;
}

const KNOWN: Known[] = [
  {
    name: 'opentofu',
    label: 'OpenTofu',
    command: 'tofu',
    registry: 'registry.opentofu.org',
    version: TOFU_VERSION,
    find: findTofu,
    setup: 'scripts/setup.d/10-opentofu.sh builds it; or set TOFU_BIN',
  },
  {
    name: 'terraform',
    label: 'Terraform',
    command: 'terraform',
    registry: 'registry.terraform.io',
    version: TERRAFORM_VERSION,
    find: findTerraform,
    setup: 'scripts/setup.d/40-terraform.sh builds it; or set TERRAFORM_BIN',
  },
];

/** The CLIs found on this machine; throws in CI when one (or another piece the suites need) is missing. */
function availableClis(suite: string): Cli[] {
  const found: Cli[] = [];
  const gone = missingPieces();
  for (const { find, setup, ...cli } of KNOWN) {
    const bin = find();
    if (bin) found.push({ ...cli, bin });
    else gone.push(`${cli.label} ${cli.version} (${setup})`);
  }
  skipUnlessAvailable(`part of ${suite}`, gone);
  return missingPieces().length > 0 ? [] : found;
}

/** Declares `body` once per available CLI, as `<suite> (<CLI label>)`. */
export function describeEachCli(suite: string, body: (cli: Cli) => void): void {
  const clis = availableClis(suite);
  if (clis.length === 0) {
    describe.skip(suite, () => {
      it('needs OpenTofu or Terraform, the provider and the server', () => {});
    });
    return;
  }
  for (const cli of clis) describe(`${suite} (${cli.label})`, () => body(cli));
}
