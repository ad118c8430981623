import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainEnv, runCli } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const elsewhere = useTempDir('kanslist-version-');

describe('CLI --version', () => {
  it('--version and -V print the version in package.json, from any folder, and exit 0', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag], { env: plainEnv(), cwd: elsewhere() });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
      expect(result.stderr).toBe('');
    }
  }, 120_000);

  it('--help names the --version option', async () => {
    const result = await runCli(['--help'], { env: plainEnv() });
    expect(result.stdout).toMatch(/-V, --version\s+print the version of Kanslist/);
  }, 120_000);
});
