import { defineProject } from 'vitest/config';

// The contract suite (test/contract) once more, on Steady's mock server instead of Prism's.
export default defineProject({
  test: {
    name: 'contract-steady',
    include: ['../contract/**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
