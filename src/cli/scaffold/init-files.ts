/**
 * The files of a new robot repository (`kanslist init`): its own package.json with Kanslist as a
 * dependency, config, TypeScript settings, the worked example (CaseHub's system map, the permit bot
 * with its receipt letter, a schedule) copied from the package, a test of that bot against CaseHub,
 * a README that starts with the repository's two commands, and a CI script.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT, packageManifest } from '../../util/package-info.ts';
import type { ProjectSettings } from './project-settings.ts';
import type { ScaffoldFile } from './write-files.ts';

/** The package's templates/init folder: files of the scaffold kept as real, type-checked files (its tests). */
const TEMPLATES = join(PACKAGE_ROOT, 'templates', 'init');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export function initFiles(s: ProjectSettings): ScaffoldFile[] {
  return [
    { path: 'package.json', text: packageJson(s) },
    { path: 'kanslist.config.ts', text: configFile(s) },
    { path: 'tsconfig.json', text: TSCONFIG },
    { path: 'vitest.config.ts', text: VITEST_CONFIG },
    { path: '.gitignore', text: 'node_modules/\nvar/\n' },
    { path: 'README.md', text: readme(s) },
    { path: '.ci/run', text: CI_SCRIPT, mode: 0o755 },
    // The worked example the package manifest lists, copied as it is: the organisation owns it from then on.
    ...(packageManifest().kanslist?.example ?? []).map((path) => ({ path, copyFrom: join(PACKAGE_ROOT, path) })),
    ...filesUnder(TEMPLATES).map((file) => ({ path: relative(TEMPLATES, file), copyFrom: file })),
  ];
}

/** Versions of the tools the scaffold's own tests and type check need; the same as Kanslist's. */
function devVersion(name: string, fallback: string): string {
  return (packageManifest() as { devDependencies?: Record<string, string> }).devDependencies?.[name] ?? fallback;
}

function packageJson(s: ProjectSettings): string {
  // `npm test` and `npm run demo` install the dependencies on a fresh clone, as Kanslist's own do.
  const install = `node -e "process.exit(require('fs').existsSync('node_modules/kanslist/package.json') ? 0 : 1)" || npm install --no-audit --no-fund`;
  return `${JSON.stringify(
    {
      name: s.name,
      private: true,
      description: `${s.organisation}: robots for the routine work in our case systems, built on Kanslist.`,
      type: 'module',
      engines: { node: '>=20' },
      scripts: {
        predemo: install,
        demo: 'kanslist demo',
        pretest: install,
        test: 'vitest run',
        typecheck: 'tsc --noEmit',
        kanslist: 'kanslist',
      },
      dependencies: { kanslist: s.kanslistSpec },
      // Kanslist's embedded database (better-sqlite3) and TypeScript loader (esbuild) build or fetch a binary on install.
      allowScripts: { 'better-sqlite3': true, esbuild: true },
      devDependencies: {
        '@types/node': devVersion('@types/node', '^20.19.0'),
        typescript: devVersion('typescript', '^5.9.3'),
        vitest: devVersion('vitest', '^4.0.0'),
      },
    },
    null,
    2,
  )}\n`;
}

function configFile(s: ProjectSettings): string {
  return `import { defineConfig } from 'kanslist';

// Every key can be overridden by an environment variable (KANSLIST_STORE, KANSLIST_LANGUAGE,
// KANSLIST_TIME_ZONE, KANSLIST_<SYSTEM>_URL, …): see Kanslist's operator's guide.
export default defineConfig({
  organisation: ${JSON.stringify(s.organisation)},
  // The embedded store; use a postgres:// URL when several runner machines share one queue.
  store: 'sqlite:var/kanslist.db',
  timeZone: ${JSON.stringify(s.timeZone)},
  language: ${JSON.stringify(s.language)},
  browser: { headless: true },
  // The country gives the working year behind full-time equivalents in the time-saved report.
  reports: { country: ${JSON.stringify(s.country)} },
  // Where each system answers; the system map's baseUrl is the default.
  systems: { casehub: { baseUrl: 'http://127.0.0.1:8080' } },
});
`;
}

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023', 'DOM'],
      strict: true,
      noUncheckedIndexedAccess: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      types: ['node'],
    },
    include: ['bots', 'selectors', 'schedules', 'reports', 'tests', 'kanslist.config.ts', 'vitest.config.ts'],
  },
  null,
  2,
)}\n`;

const VITEST_CONFIG = `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Bot tests drive a real browser against a system on loopback: give them time on a busy machine.
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
`;

const CI_SCRIPT = `#!/usr/bin/env bash
# CI: install the dependencies, make sure a browser is there, type-check, run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export CI=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npx kanslist browser --install-if-missing
npx tsc --noEmit
npm test
`;

function readme(s: ProjectSettings): string {
  return `# ${s.organisation}: robots

\`\`\`sh
npm run demo    # CaseHub (a legacy case system that ships with Kanslist) on loopback, and our permit bot registering today's applications in it
npm test        # our bots' tests, in a real browser against CaseHub
\`\`\`

Both install the dependencies on a fresh clone (Node.js 20 or newer). Kanslist finds a browser by
itself: a configured one, Playwright's own, or a system Chromium (\`npx kanslist browser\` says which).

## What is here

| folder | what it holds |
|---|---|
| \`selectors/\` | system maps: one per case system, its screens and targets (\`npx kanslist new system <name>\`) |
| \`bots/\` | the bots: one routine each (\`npx kanslist new bot <name> --system <system>\`) |
| \`schedules/\` | when bots run (\`npx kanslist schedules\`, \`npx kanslist scheduler\`) |
| \`reports/\` | our own reports and letters; the run, time-saved and exceptions reports ship with Kanslist |
| \`tests/\` | each bot against a fixture, with \`kanslist/testing\` |
| \`var/\` | local state, not committed: the embedded database, evidence, logs, reports |

## Every day

\`\`\`sh
npx kanslist run ${packageManifest().kanslist?.demo?.bot ?? '<bot>'} --input e-tjanst.xlsx
npx kanslist runs                      # what ran; items <run>, review, retry
npx kanslist report time-saved --month 2026-11
npx kanslist check casehub             # does the system map still match the system?
\`\`\`

\`npx tsc --noEmit\` checks every file against Kanslist's types. \`.ci/run\` is the CI job.
Upgrading Kanslist: change its version in \`package.json\`, \`npm install\`, then \`npx tsc --noEmit\` and \`npm test\`.
`;
}
