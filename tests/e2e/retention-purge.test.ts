/**
 * Retention, end to end: real runs against CaseHub in Chromium (traces on, evidence of 500 pages,
 * debug logs) fill var/ and the store with applicants' personal numbers. A manual clock then moves
 * past every period and the purge runs: no personal number in any form is left in the var/ tree
 * (trace archives read decompressed) or the database file, every payload field carries the marker,
 * `audit verify --all` still passes and says what was purged, a record changed after the purge is
 * still caught, and `audit person` still finds the person's entries, reported as purged.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { purge, type PurgeResult } from '../../src/audit/purge.ts';
import { PURGED_MARKER } from '../../src/audit/purge-redact.ts';
import { sha256 } from '../../src/audit/trail-hash.ts';
import type { RetentionConfig } from '../../src/config/retention.ts';
import type { AuditTables } from '../../src/store/audit.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { isValidPersonnummer } from '../../src/identity/index.ts';
import { ManualClock } from '../../src/testing/index.ts';
import { identityNumberForms, runCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, harnessItems, type Harness } from '../helpers/run-harness.ts';
import { zipEntriesText } from '../helpers/zip.ts';
import { storeDb } from '../helpers/store-internals.ts';

const DAY = 86_400_000;
const RETENTION: RetentionConfig = {
  traces: '30d',
  screenshots: '30d',
  html: '30d',
  letters: '90d',
  payloads: '30d',
  logs: '30d',
  auditPersonalFields: '30d',
  // The example bot's letters are kept longer by its own rule; the others follow the project's.
  bots: { [BOT]: { letters: '31d' } },
};

let h: Harness;
let varDir: string;
let personalForms: string[];
let clock: ManualClock;

beforeAll(async () => {
  h = await createHarness({ count: 6, errorShare: 0.25, seed: 29, faults: { error500Rate: 0.05 } });
  varDir = join(h.dir, 'var');
  personalForms = h.input.applications.flatMap((a) => identityNumberForms(a.personnummer));
  const log = createLogger({ dir: join(varDir, 'logs'), console: false, level: 'debug' });
  try {
    await h.run({ trace: 'on', log, concurrency: 2 });
  } finally {
    await log.flush();
  }
  clock = new ManualClock(Date.now());
}, 240_000);
afterAll(() => h?.close());

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(h.storeUrl);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Every file's content as text; zip archives (traces) decompressed. */
function readable(file: string): string {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  return file.endsWith('.zip') ? `${text}\n${zipEntriesText(file)}` : text;
}

function personalHits(files: string[]): string[] {
  return files.flatMap((f) => {
    const text = readable(f);
    return personalForms.filter((n) => text.includes(n)).map((n) => `${f}: ${n}`);
  });
}

describe('purge after real runs', () => {
  let dry: PurgeResult;

  it('finds personal numbers in traces and the store before the purge (the scan can see them)', () => {
    const files = filesUnder(varDir);
    expect(files.some((f) => f.endsWith('.zip'))).toBe(true);
    expect(personalHits(files.filter((f) => f.endsWith('.zip'))).length).toBeGreaterThan(0);
  });

  it('kanslist purge without retention configured says so, with what to do (exit 2, no stack)', async () => {
    const result = await runCli(['purge', '--dry-run'], { env: cliEnv(h) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KANSLIST_RETENTION_NONE');
    expect(result.stderr).toContain("retention: { traces: '30d'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('kanslist purge --dry-run --json in a project with retention: nothing is due yet today', async () => {
    const project = join(h.dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'kanslist.config.ts'), `export default { retention: ${JSON.stringify(RETENTION)} };\n`);
    const result = await runCli(['purge', '--dry-run', '--json'], { env: cliEnv(h), cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as PurgeResult;
    expect(json.dryRun).toBe(true);
    expect(json.lines.map((l) => l.rule)).toContain('retention.traces');
    expect(json.lines.every((l) => l.count === 0)).toBe(true);
  }, 60_000);

  it('a dry run inside the periods finds nothing due; past them it says what would go, with sizes, and changes nothing', async () => {
    const early = await withStore((store) => purge(store, { varDir, retention: RETENTION, now: clock.now(), dryRun: true }));
    expect(early.lines.every((l) => l.count === 0)).toBe(true);
    clock.advance(30 * DAY + 60_000);
    const before = filesUnder(varDir).length;
    dry = await withStore((store) => purge(store, { varDir, retention: RETENTION, now: clock.now(), dryRun: true }));
    const line = (rule: string) => dry.lines.find((l) => l.rule === rule)!;
    for (const rule of ['retention.traces', 'retention.payloads', 'retention.logs', 'retention.auditPersonalFields']) {
      expect(line(rule).count, rule).toBeGreaterThan(0);
      expect(line(rule).bytes, rule).toBeGreaterThan(0);
    }
    expect(dry.purgeId).toBeNull();
    expect(filesUnder(varDir)).toHaveLength(before);
  });

  it("a bot's own rule wins over the project's: its letters are not yet due", () => {
    expect(dry.lines.find((l) => l.rule === `retention.bots.${BOT}.letters`)!.count).toBe(0);
  });

  it('removes every trace, screenshot, HTML page and log; no personal number is left in var/ or the database file', async () => {
    clock.advance(2 * DAY); // past the bot's 31 days for letters too
    const result = await withStore((store) => purge(store, { varDir, retention: RETENTION, now: clock.now(), dryRun: false }));
    expect(result.purgeId).toMatch(/^purge:/);
    const left = filesUnder(varDir);
    expect(left.filter((f) => /\.(zip|png|jpe?g|html?|pdf)$/.test(f) || f.includes(`${join('var', 'logs')}`))).toEqual([]);
    // The whole tree, the database and its WAL included.
    expect(left.some((f) => f.endsWith('kanslist.db'))).toBe(true);
    expect(personalHits(left)).toEqual([]);
  });

  it('replaces every payload field of the finished items by the marker', async () => {
    const items = await harnessItems(h);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(
        Object.values(item.payload as Record<string, unknown>).every((v) => v === PURGED_MARKER),
        item.id,
      ).toBe(true);
    }
  });

  it('audit verify --all still passes and says what was purged', async () => {
    const result = await runCli(['audit', 'verify', '--all'], { env: cliEnv(h) });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/OK \(\d+ records; personal fields of \d+ purged, last on .+ by purge:/);
    expect(result.stdout).toContain('runs and work_items agree with the audit trail.');
  }, 60_000);

  it('audit person still finds the person, every entry reported as purged', async () => {
    // Someone whose case was registered: their number was typed into CaseHub, so the trail names them.
    const done = new Set((await harnessItems(h)).filter((i) => i.status === 'done').map((i) => i.key));
    const person = h.input.applications.find((a) => done.has(a.applicationId) && isValidPersonnummer(a.personnummer))!;
    const result = await runCli(['audit', 'person', person.personnummer, '--json'], { env: cliEnv(h) });
    expect(result.code, result.stderr).toBe(0);
    const records = JSON.parse(result.stdout) as Array<{ purged: { at: number } | null; data: Record<string, unknown> }>;
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.purged !== null && r.purged.at === clock.now())).toBe(true);
    expect(result.stdout).not.toContain(person.personnummer.replace(/\D/g, '').slice(-10));
  }, 60_000);

  it('a record marked purged by hand, to rewrite its data unseen, is named', async () => {
    const { runId, restore } = await withStore(async (store) => {
      const db = storeDb(store).withTables<AuditTables>();
      const intact = await db
        .selectFrom('audit_records')
        .selectAll()
        .where('purged_at', 'is', null)
        .where('kind', '=', 'item.transition')
        .executeTakeFirstOrThrow();
      const purgedBy = (
        await db.selectFrom('audit_records').select('purged_by').where('purged_at', 'is not', null).executeTakeFirstOrThrow()
      ).purged_by;
      // The digest of the original data keeps the chain intact: only the purge's own record can tell.
      await db
        .updateTable('audit_records')
        .set({
          data: JSON.stringify({ from: 'running', to: 'done' }),
          data_digest: sha256(intact.data),
          purged_at: clock.now(),
          purged_by: purgedBy,
        })
        .where('run_id', '=', intact.run_id)
        .where('seq', '=', intact.seq)
        .execute();
      return { runId: intact.run_id, restore: intact };
    });
    const result = await runCli(['audit', 'verify', '--all', '--json'], { env: cliEnv(h) });
    expect(result.code).toBe(1);
    const { runs, disagreements } = JSON.parse(result.stdout) as {
      runs: Array<{ result: { ok: boolean } }>;
      disagreements: Array<{ kind: string; runId?: string }>;
    };
    expect(runs.every((r) => r.result.ok)).toBe(true);
    expect(disagreements).toContainEqual(expect.objectContaining({ kind: 'purge unrecorded', runId }));
    await withStore((store) =>
      storeDb(store)
        .withTables<AuditTables>()
        .updateTable('audit_records')
        .set({ data: restore.data, data_digest: null, purged_at: null, purged_by: null })
        .where('run_id', '=', restore.run_id)
        .where('seq', '=', restore.seq)
        .execute(),
    );
  }, 60_000);

  it('a record changed after the purge is still caught', async () => {
    const runId = await withStore(async (store) => {
      const db = storeDb(store).withTables<AuditTables>();
      const purged = await db
        .selectFrom('audit_records')
        .selectAll()
        .where('purged_at', 'is not', null)
        .where('kind', '=', 'ui.action')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('audit_records')
        .set({ data: JSON.stringify({ action: 'click', target: 'newCase.approve' }) })
        .where('run_id', '=', purged.run_id)
        .where('seq', '=', purged.seq)
        .execute();
      // Changing the data of a purged record is not seen (its hash covers the original's digest); changing what it says happened is.
      await db
        .updateTable('audit_records')
        .set({ kind: 'ui.navigation' })
        .where('run_id', '=', purged.run_id)
        .where('seq', '=', purged.seq)
        .execute();
      return purged.run_id;
    });
    const result = await runCli(['audit', 'verify', '--all'], { env: cliEnv(h) });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`run ${runId}: BROKEN at record`);
  }, 60_000);
});
