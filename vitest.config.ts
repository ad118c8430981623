import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Test files are independent (each starts its own fixture servers on free loopback ports and
    // opens its own database), so they run in parallel processes.
    pool: 'forks',
    fileParallelism: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
