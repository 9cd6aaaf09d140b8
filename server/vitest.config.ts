import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Starts one throwaway PostgreSQL cluster for the project (server/test/support/postgres.ts).
    globalSetup: ['./test/support/pg-global-setup.ts'],
  },
});
