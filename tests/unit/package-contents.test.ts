/**
 * What `npm pack` would publish: the build, the command, the worked example and the scaffold's
 * templates and the control room's views — never the tests, benchmarks, sources, local state or this repository's demo config.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');

describe('the published package', () => {
  it('ships the build and the example, and nothing of the repository around them', () => {
    // --ignore-scripts: list what is there without building again (npm test built it first).
    const pack = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(pack.status, pack.stderr).toBe(0);
    const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{ files: Array<{ path: string }> }>;
    const files = packed!.files.map((f) => f.path);

    for (const needed of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/report/index.js',
      'dist/runtime.js',
      'dist/testing/index.d.ts',
      'dist/cli/main.js',
      'bin/kanslist.mjs',
      'bots/bygglov-registrering.ts',
      'selectors/casehub.ts',
      'reports/templates/bygglov-kvittens.pdf',
      'templates/init/tests/bygglov-registrering.test.ts',
      'views/layout.eta',
      'views/assets/app.css',
      'package.json',
      'README.md',
    ]) {
      expect(files).toContain(needed);
    }
    const unwanted = files.filter((f) =>
      /^(tests|bench|src|var|fixtures|scripts|\.ci)\/|^kanslist\.config\.ts$|^vitest|^tsconfig|\.tsbuildinfo$/.test(f),
    );
    expect(unwanted).toEqual([]);
  });
});
