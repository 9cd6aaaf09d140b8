import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Each file starts its own server, but OpenTofu runs are CPU-heavy: one file at a time keeps timings sane.
    fileParallelism: false,
  },
});
