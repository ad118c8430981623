/**
 * Every rewrite an insider with database access can make, on a store filled by real work, each
 * caught by verifyStore (what `kanslist audit verify --all` runs) and named — on SQLite and on
 * PostgreSQL (KANSLIST_TEST_PG_URL), with the audit key and without it.
 *
 * Without the key every hash is plain SHA-256: whoever recomputes a forged chain, its head and the
 * ledger after it is caught only by a checkpoint taken outside the store, and not at all after the
 * last checkpoint. The last cases show that limit rather than hide it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { takeCheckpoint } from '../../src/audit/checkpoint.ts';
import { publishCheckpoint } from '../../src/audit/checkpoint-publish.ts';
import { headMac, ledgerHash } from '../../src/audit/ledger-hash.ts';
import { recordHash } from '../../src/audit/trail-hash.ts';
import { storeVerified, verifyStore, type StoreVerification } from '../../src/audit/trail.ts';
import type { AuditRecordTable, AuditTables } from '../../src/store/audit.ts';
import { openStore, type AuditRow, type Store } from '../../src/store/index.ts';
import { copyTables, recordRun, recordSideChain, restoreTables, SIDE_CHAIN, type TableCopy } from '../helpers/audit-fill.ts';
import { storeDb } from '../helpers/store-internals.ts';

const KEY = Buffer.from('a-test-only-audit-key-0123456789', 'utf8');

interface Fixture {
  store: Store;
  key: Buffer | null;
  runs: [string, string, string];
  checkpointFile: string;
  /** The store after the first two runs, before the third and the checkpoint. */
  earlier: TableCopy;
  full: TableCopy;
}

interface Mutation {
  name: string;
  /** What the findings must say. */
  expect: RegExp;
  /** The findings name the run that was tampered with. */
  namesRun: boolean;
  apply(f: Fixture, target: string): Promise<void>;
}

const db = (store: Store) => storeDb(store).withTables<AuditTables>();

async function deleteRecord(store: Store, runId: string, seq: number): Promise<void> {
  await db(store).deleteFrom('audit_subjects').where('run_id', '=', runId).where('seq', '=', seq).execute();
  await db(store).deleteFrom('audit_records').where('run_id', '=', runId).where('seq', '=', seq).execute();
}

async function renumber(store: Store, runId: string, from: number, to: number): Promise<void> {
  await db(store).updateTable('audit_records').set({ seq: to }).where('run_id', '=', runId).where('seq', '=', from).execute();
  await db(store).updateTable('audit_subjects').set({ seq: to }).where('run_id', '=', runId).where('seq', '=', from).execute();
}

/** A chain gone whole: its records, their subjects and its head. */
async function deleteChain(store: Store, runId: string): Promise<void> {
  await db(store).deleteFrom('audit_subjects').where('run_id', '=', runId).execute();
  await db(store).deleteFrom('audit_records').where('run_id', '=', runId).execute();
  await db(store).deleteFrom('audit_heads').where('run_id', '=', runId).execute();
}

/** Cuts the last record and moves the head onto the one before, with the MAC the forger can compute (no key). */
async function cutTail(store: Store, runId: string, downgrade: boolean): Promise<void> {
  const rows = await store.audit.records(runId);
  const kept = rows.at(-2)!;
  await deleteRecord(store, runId, rows.at(-1)!.seq);
  const head = downgrade
    ? { seq: kept.seq, hash: kept.hash, format: 1, mac: null }
    : { seq: kept.seq, hash: kept.hash, mac: headMac(runId, kept.seq, kept.hash, null) };
  await db(store).updateTable('audit_heads').set(head).where('run_id', '=', runId).execute();
}

const setRecord = (seq: number, set: (row: AuditRow) => Partial<AuditRecordTable>) => async (f: Fixture, runId: string) => {
  const row = (await f.store.audit.records(runId)).find((r) => r.seq === seq)!;
  await db(f.store).updateTable('audit_records').set(set(row)).where('run_id', '=', runId).where('seq', '=', seq).execute();
};

/**
 * The whole forgery without the key: a record's data changed, every hash after it, the head's MAC
 * and the ledger recomputed with plain SHA-256, as anyone with the code can.
 */
async function forgeRecomputed(store: Store, runId: string): Promise<void> {
  const t = db(store);
  let prev: string | null = null;
  const rows = (await store.audit.records(runId)).map((r) => {
    const next: AuditRow = { ...r, data: r.seq === 2 ? JSON.stringify({ forged: true }) : r.data, prev_hash: prev, hash: '' };
    next.hash = recordHash(next, null);
    prev = next.hash;
    return next;
  });
  for (const r of rows)
    await t
      .updateTable('audit_records')
      .set({ data: r.data, prev_hash: r.prev_hash, hash: r.hash })
      .where('run_id', '=', runId)
      .where('seq', '=', r.seq)
      .execute();
  const last = rows.at(-1)!;
  await t
    .updateTable('audit_heads')
    .set({ hash: last.hash, mac: headMac(runId, last.seq, last.hash, null) })
    .where('run_id', '=', runId)
    .execute();
  let prevEntry: string | null = null;
  for (const e of await store.audit.ledger()) {
    const chain_hash = e.chain_id === runId ? rows.find((r) => r.seq === e.chain_seq)!.hash : e.chain_hash;
    const fields = { ...e, chain_hash, prev_hash: prevEntry };
    const hash = ledgerHash(fields, null);
    await t.updateTable('audit_ledger').set({ chain_hash, prev_hash: prevEntry, hash }).where('seq', '=', e.seq).execute();
    prevEntry = hash;
  }
}

const MUTATIONS: Mutation[] = [
  {
    name: "edit a record's data",
    expect: /hash mismatch/,
    namesRun: true,
    apply: setRecord(3, (r) => ({ data: r.data.replace(/}$/, ',"forged":true}') })),
  },
  { name: "edit a record's kind", expect: /hash mismatch/, namesRun: true, apply: setRecord(3, () => ({ kind: 'evidence' })) },
  { name: "edit a record's time", expect: /hash mismatch/, namesRun: true, apply: setRecord(3, (r) => ({ at: r.at + 1 })) },
  { name: "edit a record's seq", expect: /missing record|reordered/, namesRun: true, apply: (f, run) => renumber(f.store, run, 3, 99) },
  {
    name: "edit a record's prev_hash",
    expect: /hash mismatch/,
    namesRun: true,
    apply: setRecord(3, () => ({ prev_hash: 'f'.repeat(64) })),
  },
  { name: "edit a record's hash", expect: /hash mismatch/, namesRun: true, apply: setRecord(3, () => ({ hash: 'f'.repeat(64) })) },
  { name: 'delete a record in the middle', expect: /missing record/, namesRun: true, apply: (f, run) => deleteRecord(f.store, run, 3) },
  {
    name: 'delete the last record',
    expect: /missing record/,
    namesRun: true,
    apply: async (f, run) => deleteRecord(f.store, run, (await f.store.audit.records(run)).length),
  },
  { name: 'delete the first record', expect: /missing record/, namesRun: true, apply: (f, run) => deleteRecord(f.store, run, 1) },
  {
    name: 'insert a record',
    expect: /inserted|hash mismatch|reordered/,
    namesRun: true,
    apply: async (f, run) => {
      const rows = await f.store.audit.records(run);
      for (const r of [...rows].reverse().filter((r) => r.seq >= 3)) await renumber(f.store, run, r.seq, r.seq + 1);
      const before = rows[1]!;
      const forged = {
        ...before,
        seq: 3,
        kind: 'item.transition',
        data: JSON.stringify({ forged: true }),
        subjects: [],
        prev_hash: before.hash,
      };
      const { subjects, ...row } = { ...forged, hash: recordHash(forged, null) };
      expect(subjects).toEqual([]);
      await db(f.store).insertInto('audit_records').values(row).execute();
    },
  },
  {
    name: 'swap two records',
    expect: /reordered|hash mismatch/,
    namesRun: true,
    apply: async (f, run) => {
      await renumber(f.store, run, 2, -1);
      await renumber(f.store, run, 4, 2);
      await renumber(f.store, run, -1, 4);
    },
  },
  {
    name: 'truncate the tail and move the head',
    expect: /chain cut|head mismatch/,
    namesRun: true,
    apply: (f, run) => cutTail(f.store, run, false),
  },
  {
    name: 'truncate the tail and make the head unauthenticated',
    expect: /head unauthenticated/,
    namesRun: true,
    apply: (f, run) => cutTail(f.store, run, true),
  },
  {
    name: 'delete a whole run (records, subjects, head)',
    expect: /chain deleted/,
    namesRun: true,
    apply: (f, run) => deleteChain(f.store, run),
  },
  {
    name: "delete a run's head only",
    expect: /head mismatch/,
    namesRun: true,
    apply: async (f, run) => void (await db(f.store).deleteFrom('audit_heads').where('run_id', '=', run).execute()),
  },
  { name: "delete the scheduler's chain", expect: /chain deleted/, namesRun: false, apply: (f) => deleteChain(f.store, SIDE_CHAIN) },
  {
    name: 'rewrite runs.status',
    expect: /run status/,
    namesRun: true,
    apply: async (f, run) => void (await db(f.store).updateTable('runs').set({ status: 'failed' }).where('id', '=', run).execute()),
  },
  {
    name: 'rewrite runs.summary',
    expect: /run summary/,
    namesRun: true,
    apply: async (f, run) =>
      void (await db(f.store)
        .updateTable('runs')
        .set({ summary: JSON.stringify({ status: 'finished', outcomes: { done: 40 } }) })
        .where('id', '=', run)
        .execute()),
  },
  {
    name: 'set a work item done with a made-up output',
    expect: /output rewritten: item R2-1 /,
    namesRun: false,
    apply: async (f) =>
      void (await db(f.store)
        .updateTable('work_items')
        .set({ output: JSON.stringify({ caseNumber: 'DNR-MADE-UP' }) })
        .where('key', '=', 'R2-1')
        .execute()),
  },
  {
    name: 'delete a work item',
    expect: /item missing: item R2-2 /,
    namesRun: false,
    apply: async (f) => void (await db(f.store).deleteFrom('work_items').where('key', '=', 'R2-2').execute()),
  },
  {
    name: 'delete a ledger entry in the middle',
    expect: /ledger entry missing|ledger reordered/,
    namesRun: false,
    apply: async (f) => void (await db(f.store).deleteFrom('audit_ledger').where('seq', '=', 3).execute()),
  },
  {
    name: 'delete the last ledger entry',
    expect: /behind checkpoint/,
    namesRun: false,
    apply: async (f) => {
      const last = (await f.store.audit.ledger()).at(-1)!;
      await db(f.store).deleteFrom('audit_ledger').where('seq', '=', last.seq).execute();
    },
  },
  {
    name: 'edit a ledger entry',
    expect: /ledger entry changed/,
    namesRun: false,
    apply: async (f) =>
      void (await db(f.store)
        .updateTable('audit_ledger')
        .set({ at: sql`at + 1` })
        .where('seq', '=', 2)
        .execute()),
  },
  {
    name: 'roll the whole store back to an earlier copy',
    expect: /behind checkpoint/,
    namesRun: false,
    apply: (f) => restoreTables(f.store, f.earlier),
  },
  {
    name: 'recompute a forged chain and the ledger without the key',
    expect: /hash mismatch|checkpoint mismatch/,
    namesRun: false,
    apply: (f, run) => forgeRecomputed(f.store, run),
  },
];

function findings(v: StoreVerification): string {
  return [
    ...v.runs.flatMap((r) => (r.result.ok ? [] : [`${r.result.firstBroken.problem}: run ${r.runId}: ${r.result.firstBroken.detail}`])),
    ...v.ledger.problems.map((p) => `${p.kind}: ${p.detail}`),
    ...(v.checkpoint?.problems ?? []).map((p) => `${p.kind}: ${p.detail}`),
    ...v.disagreements.map((d) => `${d.kind}: ${d.detail}`),
  ].join('\n');
}

/** Three runs (items R<n>-1, R<n>-2) and a scheduler chain through the real APIs; the earlier copy after two; a checkpoint after all. */
async function fill(store: Store, key: Buffer | null, dir: string): Promise<Fixture> {
  const run = (n: number) =>
    recordRun(
      store,
      key,
      [1, 2].map((i) => `R${n}-${i}`),
    );
  const first = await run(1);
  await recordSideChain(store, key);
  const second = await run(2);
  const earlier = await copyTables(store);
  const third = await run(3);
  const checkpointFile = join(dir, 'kanslist.ckpt');
  await publishCheckpoint(await takeCheckpoint(store, key), { file: checkpointFile }, { root: dir });
  return { store, key, runs: [first, second, third], checkpointFile, earlier, full: await copyTables(store) };
}

function defineTamperSuite(engine: string, open: () => Promise<{ store: Store; drop: () => Promise<void> }>): void {
  for (const key of [KEY, null]) {
    describe(`${engine}, ${key === null ? 'without the key (SHA-256)' : 'with the key (HMAC)'}`, () => {
      let f: Fixture;
      let drop: () => Promise<void>;
      let dir: string;
      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'kanslist-tamper-'));
        const opened = await open();
        drop = opened.drop;
        f = await fill(opened.store, key, dir);
      }, 60_000);
      afterAll(async () => {
        await f?.store.close();
        await drop?.();
        rmSync(dir, { recursive: true, force: true });
      });
      beforeEach(() => restoreTables(f.store, f.full));

      it('verifies the store as the work left it, checkpoint included', async () => {
        const v = await verifyStore(f.store, { key, checkpointFile: f.checkpointFile });
        expect(findings(v)).toBe('');
        // Each run opened and closed; the scheduler's chain opened once and closed twice.
        expect(v.ledger.entries).toBe(3 * 2 + 3);
        expect(v.checkpoint?.latest?.ledgerSeq).toBe(v.ledger.entries);
        expect(storeVerified(v)).toBe(true);
      });

      for (const m of MUTATIONS) {
        it(`detects: ${m.name}`, async () => {
          const target = f.runs[1];
          await m.apply(f, target);
          const v = await verifyStore(f.store, { key, checkpointFile: f.checkpointFile });
          const found = findings(v);
          expect(storeVerified(v), m.name).toBe(false);
          expect(found).toMatch(m.expect);
          if (m.namesRun) expect(found).toContain(target);
        });
      }

      if (key === null) {
        it('does not detect a chain and ledger recomputed without the key when there is no checkpoint to compare with (the limit)', async () => {
          await forgeRecomputed(f.store, f.runs[2]);
          const v = await verifyStore(f.store, { key: null });
          expect(findings(v)).toBe('');
          expect(storeVerified(v)).toBe(true);
        });
      }
    });
  }
}

defineTamperSuite('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-tamper-db-'));
  return {
    store: await openStore(`sqlite:${join(dir, 'kanslist.db')}`),
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
});

const pgUrl = process.env.KANSLIST_TEST_PG_URL || undefined;
describe.skipIf(pgUrl === undefined)('PostgreSQL (set KANSLIST_TEST_PG_URL to run)', () => {
  defineTamperSuite('postgres', async () => {
    // One schema for the whole suite (restored between cases), dropped at its end.
    const schema = `kanslist_tamper_${randomBytes(6).toString('hex')}`;
    const store = await openStore(pgUrl!, { schema });
    const drop = async () => {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    };
    return { store, drop };
  });
});
