import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'contract',
    include: ['**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 90_000,
    // One Prism for the whole suite; files run one after another so a stateful target (prism proxy in
    // front of the real server) sees a predictable order.
    fileParallelism: false,
  },
});
