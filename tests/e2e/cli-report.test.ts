/**
 * `kanslist report` as an operator runs it: the definitions are loaded from the project's reports/
 * folder at run time, the files land where --out says and their paths are printed (as JSON with
 * --json); an unknown run is one clear message and exit 2. Two CLI starts in all: they are slow.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainEnv, runCli } from '../helpers/cli.ts';
import { pdfText } from '../helpers/pdf.ts';
import { openSeedStore, PERSONNUMMER, seedRun } from '../unit/report-run-seed.ts';

let dir: string;
let runId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kanslist-cli-report-'));
  const { store, config } = await openSeedStore(dir);
  try {
    runId = (await seedRun(store, config)).runId;
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = () => plainEnv({ KANSLIST_VAR_DIR: join(dir, 'var'), KANSLIST_STORE: `sqlite:${join(dir, 'kanslist.db')}` });

describe('kanslist report', () => {
  it('writes the run report where --out says, in the language asked for, and prints the paths as JSON', async () => {
    const out = join(dir, 'out');
    const result = await runCli(['report', 'run', runId.slice(0, 8), '--lang', 'DA', '--format', 'pdf,xlsx', '--out', out, '--json'], {
      env: env(),
    });
    expect(result.code, result.stderr).toBe(0);
    const files = JSON.parse(result.stdout) as Array<{ format: string; path: string }>;
    expect(files).toEqual([
      { format: 'pdf', path: join(out, `run-${runId.slice(0, 8)}.da.pdf`) },
      { format: 'xlsx', path: join(out, `run-${runId.slice(0, 8)}.da.xlsx`) },
    ]);
    expect(files.every((f) => existsSync(f.path))).toBe(true);
    const text = (await pdfText(files[0]!.path)).join('\n');
    expect(text).toContain('Kørselsrapport');
    expect(text).toContain('Verificeret: hashkæden med 4 poster er intakt.');
    expect(text).not.toContain(PERSONNUMMER);
  });

  it('refuses an unknown run with one message naming it and exit code 2', async () => {
    const result = await runCli(['report', 'run', 'deadbeef00'], { env: env() });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^kanslist: KANSLIST_RUN_UNKNOWN \(run "deadbeef00"\): No run has this id/);
    expect(result.stderr).toContain('kanslist runs');
    expect(result.stdout).toBe('');
  });
});
