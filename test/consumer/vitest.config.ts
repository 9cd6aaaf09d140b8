import { defineProject } from 'vitest/config';

// The packages as a consumer gets them (npm pack, install outside the repo, type-check, run on Node 22 and 24).
export default defineProject({
  test: {
    name: 'consumer',
    include: ['**/*.test.ts'],
    exclude: ['fixtures/**'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
