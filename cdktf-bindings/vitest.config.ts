import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cdktf-bindings',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./test/setup.ts'],
    testTimeout: 30_000,
  },
});
