import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Inside the tests, the example bots and maps import 'kanslist' from the sources, so that they
    // and the framework the tests drive are one copy (one BusinessRuleError class, not two). The CLI
    // a test starts runs the build, and so does everything in it.
    alias: [
      { find: /^kanslist$/, replacement: source('index.ts') },
      { find: /^kanslist\/report$/, replacement: source('report/index.ts') },
      { find: /^kanslist\/runtime$/, replacement: source('runtime.ts') },
      { find: /^kanslist\/testing$/, replacement: source('testing/index.ts') },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // The scaffold test installs the packed package into a fresh repository: .ci/run runs it
    // (`npm run test:package`), apart from the quick suite.
    exclude: ['tests/package/**', '**/node_modules/**'],
    // Test files are independent (each starts its own fixture servers on free loopback ports and
    // opens its own database), so they run in parallel processes.
    pool: 'forks',
    fileParallelism: true,
    // Two files at a time, also on two cores (Vitest's default would be one there): a file spends
    // much of its time waiting (a CLI starting, a fixture's latency, PostgreSQL, Chromium's
    // processes), and one file at a time left the second core idle for half the suite. Three at
    // once made each file three times slower and pushed some past their timeouts, for no gain.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
