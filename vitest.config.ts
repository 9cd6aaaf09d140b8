import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'sdk',
      'server',
      'provider',
      'cdktf-bindings',
      'examples',
      'cli',
      'scripts',
      'test/*/vitest.config.ts',
    ],
  },
});
