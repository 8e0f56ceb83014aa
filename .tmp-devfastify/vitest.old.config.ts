import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { root: '/work/main', include: ['city-platform-old-devfastify/faults.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks' } });
