import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e-cdktf',
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // One server, one OpenTofu at a time: both variants manage the secrets-manager singleton.
    fileParallelism: false,
  },
});
