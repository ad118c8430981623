/**
 * `kanslist audit verify|export|person` as an operator or auditor runs them: an intact trail
 * verifies (exit 0), a tampered one names the first broken record (exit 1); exports are masked
 * unless --personal and spreadsheet cells are never formulas; a person is found by any form of
 * their number. No browser is needed: the trail is written directly through the API.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditTrail } from '../../src/audit/trail.ts';
import { syntheticPersonnummer } from '../../src/identity/index.ts';
import type { AuditTables } from '../../src/store/audit.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createRng } from '../../src/util/rng.ts';
import { plainEnv, runCli } from '../helpers/cli.ts';
import { storeDb } from '../helpers/store-internals.ts';

const KEY = 'cli-test-audit-key-0123456789abcdef';
const person = syntheticPersonnummer(createRng(42)); // YYYYMMDD-NNNC
const FORMULA = '=HYPERLINK("http://example.invalid","x")';

let dir: string;
let storeUrl: string;
let intactRun: string;
let tamperedRun: string;
let keyedRun: string;

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeUrl);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function writeRun(store: Store, key: Buffer | null): Promise<string> {
  const run = await store.runs.create({
    bot: 'bygglov-registrering',
    botVersion: 'sha256:abc123',
    trigger: 'cli',
    host: 'test-host',
    pid: 1,
  });
  const trail = await openAuditTrail(store, { bot: run.bot, botVersion: run.botVersion, host: run.host, runId: run.id }, { key });
  await trail.append({ kind: 'run.start', data: { trigger: 'cli' } });
  await trail.append({
    kind: 'ui.action',
    itemId: 'item-1',
    itemKey: 'APP-1',
    data: { target: 'personnummer', strategy: 'label', action: 'fill', value: person, personal: true },
  });
  await trail.append({
    kind: 'ui.action',
    itemId: 'item-1',
    itemKey: 'APP-1',
    subjects: [person],
    data: { target: 'beskrivning', strategy: 'label', action: 'fill', value: FORMULA },
  });
  await trail.append({
    kind: 'item.transition',
    itemId: 'item-1',
    itemKey: 'APP-1',
    subjects: [person],
    data: { from: 'running', to: 'done' },
  });
  await trail.append({ kind: 'run.end', data: { status: 'finished' } });
  await trail.close();
  return run.id;
}

const env = (extra: Record<string, string> = {}) => plainEnv({ KANSLIST_VAR_DIR: join(dir, 'var'), KANSLIST_STORE: storeUrl, ...extra });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kanslist-cli-audit-'));
  storeUrl = `sqlite:${join(dir, 'var', 'kanslist.db')}`;
  await withStore(async (store) => {
    intactRun = await writeRun(store, null);
    tamperedRun = await writeRun(store, null);
    keyedRun = await writeRun(store, Buffer.from(KEY, 'utf8'));
    await storeDb(store)
      .withTables<AuditTables>()
      .updateTable('audit_records')
      .set({ data: '{"action":"click","target":"avslag"}' })
      .where('run_id', '=', tamperedRun)
      .where('seq', '=', 3)
      .execute();
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kanslist audit verify', () => {
  it('says OK for an intact run (exit 0) and names the first broken record of a tampered one (exit 1)', async () => {
    const ok = await runCli(['audit', 'verify', intactRun], { env: env() });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`run ${intactRun}: OK (5 records)`);

    const broken = await runCli(['audit', 'verify', tamperedRun.slice(0, 8)], { env: env() });
    expect(broken.code, broken.stderr).toBe(1);
    expect(broken.stdout).toContain(`run ${tamperedRun}: BROKEN at record 3: hash mismatch`);
  });

  it('--all checks every run and fails if any is broken; a keyed run needs its key', async () => {
    const all = await runCli(['audit', 'verify', '--all'], { env: env({ KANSLIST_AUDIT_KEY: KEY }) });
    expect(all.code).toBe(1);
    expect(all.stdout).toContain(`run ${keyedRun}: OK`);
    expect(all.stdout).toContain(`run ${tamperedRun}: BROKEN`);
    // The unkeyed runs do not verify under the key, and the keyed one not without it.
    expect(all.stdout).toContain(`run ${intactRun}: BROKEN at record 1: hash mismatch`);
    const noKey = await runCli(['audit', 'verify', keyedRun], { env: env() });
    expect(noKey.code).toBe(1);
    expect(noKey.stdout).toContain('KANSLIST_AUDIT_KEY');
  });

  it('refuses a key file others may read, and a call with neither run nor --all (exit 2)', async () => {
    const file = join(dir, 'audit.key');
    writeFileSync(file, KEY);
    chmodSync(file, 0o644);
    const open = await runCli(['audit', 'verify', '--all'], { env: env({ KANSLIST_AUDIT_KEY_FILE: file }) });
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('KANSLIST_AUDIT_KEY_FILE');
    expect(open.stderr).toContain('chmod 600');
    expect(open.stderr).not.toContain(KEY);
    const usage = await runCli(['audit', 'verify'], { env: env() });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/run id or --all/);
  });
});

describe('kanslist audit export', () => {
  it('writes JSON Lines, one record per line, identity numbers masked unless --personal', async () => {
    const out = join(dir, 'out', 'run.jsonl');
    const result = await runCli(['audit', 'export', intactRun, '--format', 'jsonl', '--out', out], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; kind: string; hash: string });
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(lines[0]).toMatchObject({ kind: 'run.start', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(text).not.toContain(person.replace('-', '').slice(2, 8));

    const personalOut = join(dir, 'out', 'run-personal.jsonl');
    await runCli(['audit', 'export', intactRun, '--format', 'jsonl', '--out', personalOut, '--personal'], { env: env() });
    expect(readFileSync(personalOut, 'utf8')).toContain(person);
  });

  it('writes an xlsx whose cells are text, never formulas', async () => {
    const out = join(dir, 'out', 'run.xlsx');
    const result = await runCli(['audit', 'export', intactRun, '--format', 'xlsx', '--out', out], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Audit trail')!;
    expect(sheet.rowCount).toBe(6);
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(cells.some((c) => c.value === FORMULA)).toBe(true);
  });

  it('rejects an unknown format (exit 2)', async () => {
    const result = await runCli(['audit', 'export', intactRun, '--format', 'csv'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be jsonl or xlsx');
  });
});

describe('kanslist audit person', () => {
  it('lists every action about the person across runs, found by the 10-digit form', async () => {
    const short = person.slice(2); // YYMMDD-NNNC
    const table = await runCli(['audit', 'person', short], { env: env() });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^time\s+run\s+bot\s+item\s+kind\s+target\s+action/);
    expect(table.stdout).toContain('personnummer');
    expect(table.stdout).toContain(intactRun.slice(0, 20));

    const json = await runCli(['audit', 'person', person.replace('-', ''), '--json'], { env: env() });
    expect(json.code, json.stderr).toBe(0);
    const records = JSON.parse(json.stdout) as { runId: string; seq: number }[];
    // Three records in each of the three runs name the person.
    expect(records).toHaveLength(9);
    expect(new Set(records.map((r) => r.runId))).toEqual(new Set([intactRun, tamperedRun, keyedRun]));
  });

  it('says clearly when the number is not an identity number (exit 2)', async () => {
    const result = await runCli(['audit', 'person', '12345'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KANSLIST_AUDIT_BAD_ID');
  });
});
