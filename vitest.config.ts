import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Test files are independent (each starts its own fixture servers on free loopback ports and
    // opens its own database), so they run in parallel processes.
    pool: 'forks',
    fileParallelism: true,
    // Workers: Vitest's default (one fewer than the CPUs). The browser and CLI files are CPU-bound
    // (Chromium, a tsx start per CLI call): on two cores, three at once made each file three times
    // slower and pushed some past their timeouts, for no gain in total time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
