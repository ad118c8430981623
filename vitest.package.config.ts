import { defineConfig } from 'vitest/config';

// The package test (tests/package): Kanslist packed, installed into a repository made by
// `kanslist init`, and that repository's own commands. `npm run test:package`; CI runs it.
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 25 * 60_000,
    hookTimeout: 10 * 60_000,
  },
});
