/**
 * `kanslist` usage and configuration mistakes: each is one clear message on stderr (code, where,
 * remedy — no stack trace), exit code 2, and the store is left untouched (its file is not even
 * created). No CaseHub is needed: every mistake is found before a browser starts.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { robotAccountsEnv } from '../../src/fixtures/casehub/index.ts';
import { generateEServiceExport, type GeneratedExport } from '../../src/fixtures/inputs/index.ts';
import { plainEnv, runCli, type CliResult } from '../helpers/cli.ts';
import { BOT, REPO_ROOT } from '../helpers/run-harness.ts';

// Nothing listens here: a run that got as far as the system would fail differently.
const NO_SYSTEM = 'http://127.0.0.1:9';

let dir: string;
let storeFile: string;
let input: GeneratedExport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kanslist-cli-usage-'));
  storeFile = join(dir, 'var', 'kanslist.db');
  input = await generateEServiceExport({ count: 2, errorShare: 0, seed: 3, outDir: join(dir, 'inputs') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Store and var folder in the temp folder; a browser path that cannot start, to prove none is started. */
function envWith(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return plainEnv({
    KANSLIST_VAR_DIR: join(dir, 'var'),
    KANSLIST_STORE: `sqlite:${storeFile}`,
    KANSLIST_BROWSER: join(dir, 'no-such-browser'),
    ...extra,
  });
}

const withAccounts = () => envWith(robotAccountsEnv(NO_SYSTEM, 1));

/** One `kanslist: CODE (where): message` line plus its remedy line; never a stack trace. */
function expectOneMessage(result: CliResult, code: string): string {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines[0]).toMatch(new RegExp(`^kanslist: ${code} \\(`));
  expect(lines.filter((l) => l.startsWith('kanslist:'))).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).toContain('→');
  expect(existsSync(storeFile), 'the store must not be touched').toBe(false);
  return result.stderr;
}

describe('kanslist usage errors: one clear message, exit 2, nothing stored', () => {
  it('documents the exit codes in --help', async () => {
    const result = await runCli(['--help'], { env: plainEnv() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Exit codes:/);
    expect(result.stdout).toMatch(/^\s+0\s+everything asked for was done/m);
    expect(result.stdout).toMatch(/^\s+1\s+done, some items to review/m);
    expect(result.stdout).toMatch(/^\s+2\s+usage or configuration error/m);
    expect(result.stdout).toMatch(/^\s+3\s+\(run\) failures/m);
    expect(result.stdout).toMatch(/^\s+4\s+\(run\) the system was unavailable/m);
    expect(result.stdout).toMatch(/^\s+5\s+\(run\) interrupted/m);
  });

  it('names an unknown bot and lists the known ones', async () => {
    const stderr = expectOneMessage(
      await runCli(['run', 'bygglov-registreing', '--input', input.xlsxPath], { env: withAccounts() }),
      'KANSLIST_BOT_UNKNOWN',
    );
    expect(stderr).toContain('"bygglov-registreing"');
    expect(stderr).toMatch(/Known bots: .*bygglov-registrering/);
  });

  it('names a missing input file', async () => {
    const missing = join(dir, 'inputs', 'ansokningar-mars.xlsx');
    const stderr = expectOneMessage(await runCli(['run', BOT, '--input', missing], { env: withAccounts() }), 'INPUT_FILE_NOT_FOUND');
    expect(stderr).toContain(missing);
  });

  it('names the missing column and lists the headers it found', async () => {
    const file = join(dir, 'inputs', 'wrong-columns.xlsx');
    await writeExportWithHeaders(file, [
      'Ärende-ID',
      'Inkommen',
      'Personnr',
      'Namn',
      'Fastighetsbeteckning',
      'Åtgärd',
      'Beskrivning',
      'Bilaga',
    ]);
    const stderr = expectOneMessage(await runCli(['run', BOT, '--input', file], { env: withAccounts() }), 'INPUT_COLUMN_MISSING');
    expect(stderr).toContain('"Personnummer"');
    expect(stderr).toContain('Personnr');
    expect(stderr).toContain('wrong-columns.xlsx');
  });

  it('names the credential variables before any browser starts', async () => {
    // KANSLIST_BROWSER points nowhere: had a browser been started, the error would be about it.
    const stderr = expectOneMessage(
      await runCli(['run', BOT, '--input', input.xlsxPath], { env: envWith({ KANSLIST_CASEHUB_URL: NO_SYSTEM }) }),
      'KANSLIST_CREDENTIALS_MISSING',
    );
    expect(stderr).toContain('KANSLIST_CASEHUB_USERNAME');
    expect(stderr).toContain('KANSLIST_CASEHUB_PASSWORD');
    expect(stderr).not.toMatch(/browser|chromium/i);
  });

  it('rejects --concurrency 0 as a usage error naming the option', async () => {
    const result = await runCli(['run', BOT, '--input', input.xlsxPath, '--concurrency', '0'], { env: withAccounts() });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(
      /^error: option '--concurrency <n>' argument '0' is invalid\. --concurrency must be a whole number ≥ 1\./,
    );
    expect(result.stderr).toContain('Usage: kanslist run');
    expect(existsSync(storeFile)).toBe(false);
  });
});

describe('kanslist run with a broken bot file', () => {
  // A project of its own inside the repository's git-ignored var/, so that its config file can
  // import 'kanslist' (the package refers to itself) as an organisation's project would.
  let project: string;
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, 'var'), { recursive: true });
    project = mkdtempSync(join(REPO_ROOT, 'var', 'cli-broken-bot-'));
    mkdirSync(join(project, 'bots'));
    writeFileSync(
      join(project, 'kanslist.config.ts'),
      "import { defineConfig } from 'kanslist';\n\nexport default defineConfig({ organisation: 'Testkommun' });\n",
    );
    writeFileSync(
      join(project, 'bots', 'halvfardig.ts'),
      "import { defineBot } from 'kanslist';\n\nexport default defineBot({\n  name: 'halvfardig',\n  process(item {\n});\n",
    );
    writeFileSync(join(project, 'bots', 'utan-export.ts'), "export const name = 'utan-export';\n");
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const projectEnv = () => plainEnv({ ...robotAccountsEnv(NO_SYSTEM, 1), KANSLIST_BROWSER: join(dir, 'no-such-browser') });
  const projectStore = () => join(project, 'var', 'kanslist.db');

  it('names the file of a bot that does not compile', async () => {
    const result = await runCli(['run', 'halvfardig', '--input', input.xlsxPath], { env: projectEnv(), cwd: project });
    expect(result.code, result.stderr).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^kanslist: KANSLIST_BOT_BROKEN \(.*bots\/halvfardig\.ts\): The bot file could not be loaded/);
    // Where in the file, not a message cut after "Transform failed with 1 error:".
    expect(lines[0]).toMatch(/halvfardig\.ts:5:\d+/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(projectStore())).toBe(false);
  });

  it('names a bot file without a default export', async () => {
    const result = await runCli(['run', 'utan-export', '--input', input.xlsxPath], { env: projectEnv(), cwd: project });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^kanslist: KANSLIST_BOT_NO_DEFAULT \(.*bots\/utan-export\.ts\)/);
    expect(result.stderr).toContain('export default defineBot');
    expect(existsSync(projectStore())).toBe(false);
  });
});

async function writeExportWithHeaders(file: string, headers: string[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ansökningar');
  sheet.addRow(headers);
  sheet.addRow([
    'ET-2026-000001',
    new Date(Date.UTC(2026, 0, 5)),
    '(syntetisk)',
    'Test Testsson',
    'Mossen 4:12',
    'Nybyggnad',
    'Garage',
    'ET-2026-000001.pdf',
  ]);
  await workbook.xlsx.writeFile(file);
}
