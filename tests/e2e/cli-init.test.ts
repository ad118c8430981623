/**
 * `kanslist init` and `kanslist new`: the files of a robot repository with settings that follow the
 * country, and a scaffold that never overwrites (nothing written when one file is in the way).
 * The packed package installed into such a repository is tested by tests/package.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, plainEnv } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('kanslist-init-');

describe('kanslist init', () => {
  it('makes a robot repository whose settings follow the country', async () => {
    const dir = join(tempDir(), 'aarhus');
    const result = await runCli(['init', dir, '--country', 'DK', '--organisation', 'Aarhus Kommune'], { env: plainEnv() });
    expect(result.code, result.stderr).toBe(0);
    for (const file of [
      'package.json',
      'kanslist.config.ts',
      'tsconfig.json',
      '.gitignore',
      'README.md',
      '.ci/run',
      'selectors/casehub.ts',
      'bots/bygglov-registrering.ts',
      'schedules/permit-intake.ts',
      'tests/bygglov-registrering.test.ts',
      'reports/templates/bygglov-kvittens.pdf',
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const config = readFileSync(join(dir, 'kanslist.config.ts'), 'utf8');
    expect(config).toContain('organisation: "Aarhus Kommune"');
    expect(config).toContain('language: "da"');
    expect(config).toContain('timeZone: "Europe/Copenhagen"');
    expect(config).toContain('country: "DK"');
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
    expect(manifest.name).toBe('aarhus-robots');
    expect(manifest.dependencies.kanslist).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(readFileSync(join(dir, 'README.md'), 'utf8').split('\n').slice(3, 5)).toEqual([
      expect.stringMatching(/^npm run demo\s+#/),
      expect.stringMatching(/^npm test\s+#/),
    ]);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('var/');
  });

  it('refuses to overwrite, names the files in the way, and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'our own readme\n');
    const result = await runCli(['init', dir], { env: plainEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KANSLIST_SCAFFOLD_EXISTS');
    expect(result.stderr).toContain('README.md');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('our own readme\n');
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
  });

  it('adds a system map and a bot for it, and names a missing system', async () => {
    const dir = tempDir();
    expect((await runCli(['new', 'system', 'ekonomi'], { env: plainEnv(), cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'selectors', 'ekonomi.ts'), 'utf8')).toContain("name: 'ekonomi'");
    const bot = await runCli(['new', 'bot', 'faktura-kontroll', '--system', 'ekonomi'], { env: plainEnv(), cwd: dir });
    expect(bot.code, bot.stderr).toBe(0);
    expect(readFileSync(join(dir, 'bots', 'faktura-kontroll.ts'), 'utf8')).toContain("import ekonomi from '../selectors/ekonomi.ts'");
    const missing = await runCli(['new', 'bot', 'lon-kontroll', '--system', 'lon'], { env: plainEnv(), cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('KANSLIST_SYSTEM_UNKNOWN');
    expect(missing.stderr).toContain('kanslist new system lon');
  });
});
