import { defineProject } from 'vitest/config';

// The contract suite (test/contract) once more, through `prism proxy --errors` in front of `coffer serve`.
export default defineProject({
  test: {
    name: 'contract-server',
    include: ['../contract/**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
