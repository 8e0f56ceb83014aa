import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'common/**/*.test.ts',
      'main/**/*.test.ts',
      'tools/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/lint/**/*.test.ts',
      'city-platform/**/*.test.ts',
      'sync-protocol/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
