import { defineProject } from 'vitest/config';
import { IN_CI } from '../../scripts/lib/ci.ts';
import { toolPath } from '../../server/test/support/remote-tools.ts';

// The contract suite (test/contract) once more, through `prism proxy --errors` in front of `coffer serve` whose
// secrets live in a real Vault (KV v2 dev server): every response the VAULT backend shapes is checked too.
// Without a Vault binary the project has no tests outside CI (global-setup says so; in CI it fails).
const runs = IN_CI || toolPath('vault') !== null;
export default defineProject({
  test: {
    name: 'contract-server-vault',
    include: runs ? ['../contract/**/*.test.ts'] : [],
    passWithNoTests: true,
    globalSetup: ['./global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
