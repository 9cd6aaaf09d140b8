import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Builds dist/ once: the tests run the real `coffer` binary, as installed.
    globalSetup: ['./test/global-setup.ts'],
    // Each test runs the binary many times; the 2-core CI machine runs the other suites beside it.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
