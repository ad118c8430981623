import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Test files are independent (each starts its own fixture servers on free loopback ports and
    // opens its own database), so they run in parallel processes.
    pool: 'forks',
    fileParallelism: true,
    // Vitest's default is one worker fewer than the CPUs: a single worker on a 2-core machine. Most
    // files spend their time waiting (fixture latency, child processes, a browser), so three run
    // side by side without starving each other.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
