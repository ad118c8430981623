/**
 * The audit trail's hash chain on SQLite and PostgreSQL (KANSLIST_TEST_PG_URL, a fresh schema per
 * test): a run of ~200 records verifies; then many seeded random tamperings — a changed field, a
 * deleted record, two records swapped, a forged record inserted or appended — are each detected.
 * With an HMAC key, a chain recomputed with plain SHA-256 does not verify.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openAuditTrail, recordsForPerson, verifyAll, verifyRun, type AuditEntry, type AuditKind } from '../../src/audit/trail.ts';
import { recordHash } from '../../src/audit/trail-hash.ts';
import { syntheticPersonnummer } from '../../src/identity/index.ts';
import type { AuditTables } from '../../src/store/audit.ts';
import { openStore, type AuditRow, type Store } from '../../src/store/index.ts';
import { createRng, pick, randomInt, type Rng } from '../../src/util/rng.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';
import { storeDb } from '../helpers/store-internals.ts';

const RECORDS = 200;
const MUTATIONS = 100;
const KEY = Buffer.from('a-test-only-audit-key-0123456789', 'utf8');
/** A Danish CPR born in 1860: date-valid, no living person. */
const OLD_CPR = '150560-5985';

type OpenFresh = () => Promise<Store>;

function defineAuditChainConformance(name: string, openFresh: OpenFresh): void {
  describe(`audit chain: ${name}`, () => {
    const opened: Store[] = [];
    const fresh = async () => {
      const store = await openFresh();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    it('verifies an intact run of ~200 records written by concurrent workers, in call order', async () => {
      const store = await fresh();
      const { runId, people } = await writeRun(store, createRng(1), null);
      const result = await verifyRun(store, runId);
      expect(result).toEqual({ ok: true, records: RECORDS });
      const rows = await store.audit.records(runId);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: RECORDS }, (_, i) => i + 1));
      expect(rows.map((r) => (JSON.parse(r.data) as { n: number }).n)).toEqual(rows.map((_, i) => i));
      expect(people.length).toBeGreaterThan(0);
      expect(await verifyAll(store)).toEqual([{ runId, result: { ok: true, records: RECORDS } }]);
    });

    for (const key of [null, KEY]) {
      it(`detects each of ${MUTATIONS} random tamperings (${key === null ? 'SHA-256' : 'HMAC key'})`, async () => {
        const store = await fresh();
        const { runId } = await writeRun(store, createRng(7), key);
        const snapshot = await takeSnapshot(store, runId);
        const rng = createRng(key === null ? 1234 : 5678);
        const seen = new Set<string>();
        for (let i = 0; i < MUTATIONS; i++) {
          await restore(store, runId, snapshot);
          const mutation = await mutate(store, runId, snapshot, rng);
          const result = await verifyRun(store, runId, { key });
          if (result.ok) throw new Error(`tampering #${i} went undetected: ${mutation}`);
          seen.add(result.firstBroken.problem);
        }
        await restore(store, runId, snapshot);
        expect(await verifyRun(store, runId, { key })).toEqual({ ok: true, records: RECORDS });
        // The mutations are varied enough to exercise the different diagnoses.
        expect(seen.size).toBeGreaterThanOrEqual(3);
      });
    }

    it('with a key, a whole chain recomputed with plain SHA-256 (and its head) does not verify', async () => {
      const store = await fresh();
      const { runId } = await writeRun(store, createRng(3), KEY);
      expect((await verifyRun(store, runId, { key: KEY })).ok).toBe(true);
      await forgeWholeChain(store, runId, (rows) => rows.map((r) => (r.seq === 10 ? { ...r, data: JSON.stringify({ forged: true }) } : r)));
      // Without the key the forgery is self-consistent; the key is what makes it detectable.
      expect((await verifyRun(store, runId)).ok).toBe(true);
      const withKey = await verifyRun(store, runId, { key: KEY });
      expect(withKey.ok).toBe(false);
      expect(!withKey.ok && withKey.firstBroken).toMatchObject({ seq: 1, problem: 'hash mismatch' });
    });

    it('names the problem: deleted middle record, deleted last record, swapped records, inserted record', async () => {
      const store = await fresh();
      const { runId } = await writeRun(store, createRng(11), null);
      const snapshot = await takeSnapshot(store, runId);
      const t = db(store);

      await t.deleteFrom('audit_records').where('run_id', '=', runId).where('seq', '=', 50).execute();
      expect(await verifyRun(store, runId)).toMatchObject({ ok: false, firstBroken: { seq: 50, problem: 'missing record' } });

      await restore(store, runId, snapshot);
      await t.deleteFrom('audit_records').where('run_id', '=', runId).where('seq', '=', RECORDS).execute();
      expect(await verifyRun(store, runId)).toMatchObject({ ok: false, firstBroken: { seq: RECORDS, problem: 'missing record' } });

      await restore(store, runId, snapshot);
      await swapSeq(store, runId, 20, 30);
      expect(await verifyRun(store, runId)).toMatchObject({ ok: false, firstBroken: { seq: 20, problem: 'reordered' } });

      await restore(store, runId, snapshot);
      await insertForged(store, runId, snapshot, 100);
      expect(await verifyRun(store, runId)).toMatchObject({ ok: false, firstBroken: { seq: 101 } });

      await restore(store, runId, snapshot);
      await t
        .updateTable('audit_records')
        .set({ data: JSON.stringify({ value: 'changed' }) })
        .where('run_id', '=', runId)
        .where('seq', '=', 77)
        .execute();
      expect(await verifyRun(store, runId)).toMatchObject({ ok: false, firstBroken: { seq: 77, problem: 'hash mismatch' } });
    });

    it('finds every record about a person across runs, whichever form the number is given in', async () => {
      const store = await fresh();
      const person = syntheticPersonnummer(createRng(99)); // YYYYMMDD-NNNC
      const other = syntheticPersonnummer(createRng(100));
      const first = await trailFor(store, 'run-a');
      await first.append({ kind: 'ui.action', itemKey: 'APP-1', data: { target: 'personnummer', action: 'fill', value: person } });
      await first.append({ kind: 'ui.action', itemKey: 'APP-1', subjects: [person], data: { target: 'save', action: 'click' } });
      await first.append({ kind: 'ui.action', itemKey: 'APP-2', subjects: [other], data: { target: 'save', action: 'click' } });
      await first.close();
      const second = await trailFor(store, 'run-b');
      await second.append({
        kind: 'item.transition',
        itemKey: 'APP-9',
        subjects: [person.slice(2)],
        data: { from: 'running', to: 'done' },
      });
      await second.append({ kind: 'ui.action', subjects: [OLD_CPR], data: { target: 'cpr', action: 'fill' } });
      await second.close();

      const short = person.slice(2); // YYMMDD-NNNC
      for (const form of [person, person.replace('-', ''), short, short.replace('-', '')]) {
        const found = await recordsForPerson(store, form);
        expect(found.map((r) => [r.runId, r.seq])).toEqual([
          ['run-a', 1],
          ['run-a', 2],
          ['run-b', 1],
        ]);
      }
      expect((await recordsForPerson(store, OLD_CPR.replace('-', ''))).map((r) => [r.runId, r.seq])).toEqual([['run-b', 2]]);
      await expect(recordsForPerson(store, '12345')).rejects.toThrow(/not a valid personnummer/);
      expect((await verifyAll(store)).every((r) => r.result.ok)).toBe(true);
    });

    it('continues the chain when a trail is reopened for the same run', async () => {
      const store = await fresh();
      const a = await trailFor(store, 'run-c');
      await a.append({ kind: 'run.start' });
      await a.close();
      const b = await trailFor(store, 'run-c');
      expect(b.head()).toBe(a.head());
      await b.append({ kind: 'run.end' });
      await b.close();
      expect(await verifyRun(store, 'run-c')).toEqual({ ok: true, records: 2 });
    });
  });
}

function db(store: Store) {
  return storeDb(store).withTables<AuditTables>();
}

function trailFor(store: Store, runId: string, key: Buffer | null = null) {
  return openAuditTrail(store, { bot: 'bygglov-registrering', botVersion: 'sha256:abc123', host: 'test-host', runId }, { key });
}

const KINDS: AuditKind[] = ['item.transition', 'ui.action', 'ui.navigation', 'ui.dialog', 'ui.drift', 'evidence', 'exception'];

/** ~200 records across several items, appended concurrently. */
async function writeRun(store: Store, rng: Rng, key: Buffer | null): Promise<{ runId: string; people: string[] }> {
  const run = await store.runs.create({
    bot: 'bygglov-registrering',
    botVersion: 'sha256:abc123',
    trigger: 'cli',
    host: 'test-host',
    pid: 1,
  });
  const trail = await trailFor(store, run.id, key);
  const people = Array.from({ length: 5 }, () => syntheticPersonnummer(rng));
  const entries: AuditEntry[] = Array.from({ length: RECORDS }, (_, n) => {
    const item = randomInt(rng, 0, 4);
    return {
      kind: n === 0 ? 'run.start' : n === RECORDS - 1 ? 'run.end' : pick(rng, KINDS),
      itemId: `item-${item}`,
      itemKey: `APP-${item}`,
      subjects: rng() < 0.5 ? [people[item]!] : [],
      data: {
        n,
        target: pick(rng, ['personnummer', 'fastighet', 'spara', 'sok']),
        strategy: 'label',
        action: pick(rng, ['fill', 'click', 'select']),
        value: `v${randomInt(rng, 0, 999)}`,
      },
    };
  });
  // Every append is called at once (as from several workers); call order must be chain order.
  await Promise.all(entries.map((entry) => trail.append(entry)));
  await trail.close();
  return { runId: run.id, people };
}

interface Snapshot {
  rows: AuditRow[];
  head: { seq: number; hash: string };
}

async function takeSnapshot(store: Store, runId: string): Promise<Snapshot> {
  const head = await store.audit.head(runId);
  return { rows: await store.audit.records(runId), head: head! };
}

async function restore(store: Store, runId: string, snapshot: Snapshot): Promise<void> {
  const t = db(store);
  await t.deleteFrom('audit_records').where('run_id', '=', runId).execute();
  await t.deleteFrom('audit_subjects').where('run_id', '=', runId).execute();
  await t.deleteFrom('audit_heads').where('run_id', '=', runId).execute();
  await store.audit.appendBatch(runId, snapshot.rows);
}

async function swapSeq(store: Store, runId: string, a: number, b: number): Promise<void> {
  const t = db(store);
  const set = async (from: number, to: number) => {
    await t.updateTable('audit_records').set({ seq: to }).where('run_id', '=', runId).where('seq', '=', from).execute();
    await t.updateTable('audit_subjects').set({ seq: to }).where('run_id', '=', runId).where('seq', '=', from).execute();
  };
  await set(a, -1);
  await set(b, a);
  await set(-1, b);
}

/** Shifts records k.. up by one and puts a forged record at k, hashed as the forger can (no key). */
async function insertForged(store: Store, runId: string, snapshot: Snapshot, k: number): Promise<void> {
  const t = db(store);
  for (const table of ['audit_records', 'audit_subjects'] as const) {
    // Through negative numbers, so no step collides with the (run_id, seq) key.
    await t
      .updateTable(table)
      .set({ seq: sql<number>`-(seq + 1)` })
      .where('run_id', '=', runId)
      .where('seq', '>=', k)
      .execute();
    await t
      .updateTable(table)
      .set({ seq: sql<number>`-seq` })
      .where('run_id', '=', runId)
      .where('seq', '<', 0)
      .execute();
  }
  const before = snapshot.rows[k - 2]!;
  const forged = { ...before, seq: k, data: JSON.stringify({ forged: true }), subjects: [], prev_hash: before.hash };
  const { subjects: _s, ...row } = { ...forged, hash: recordHash(forged, null) };
  await t.insertInto('audit_records').values(row).execute();
}

/** Appends a record after the last one, hashed correctly without a key, leaving the head alone. */
async function appendForged(store: Store, runId: string, snapshot: Snapshot): Promise<void> {
  const last = snapshot.rows.at(-1)!;
  const forged = { ...last, seq: last.seq + 1, data: JSON.stringify({ forged: true }), subjects: [], prev_hash: last.hash };
  const { subjects: _s, ...row } = { ...forged, hash: recordHash(forged, null) };
  await db(store).insertInto('audit_records').values(row).execute();
}

/** Rewrites the run with `change` applied and every hash (and the head) recomputed with plain SHA-256. */
async function forgeWholeChain(store: Store, runId: string, change: (rows: AuditRow[]) => AuditRow[]): Promise<void> {
  const rows = change(await store.audit.records(runId));
  let prev: string | null = null;
  const forged = rows.map((r) => {
    const next: AuditRow = { ...r, prev_hash: prev, hash: '' };
    next.hash = recordHash(next, null);
    prev = next.hash;
    return next;
  });
  const t = db(store);
  await t.deleteFrom('audit_records').where('run_id', '=', runId).execute();
  await t.deleteFrom('audit_subjects').where('run_id', '=', runId).execute();
  await store.audit.appendBatch(runId, forged);
}

const FIELDS = ['data', 'at', 'kind', 'item_id', 'item_key', 'hash', 'prev_hash', 'bot', 'bot_version', 'host'] as const;

/** One random tampering; returns a description for the failure message. */
async function mutate(store: Store, runId: string, snapshot: Snapshot, rng: Rng): Promise<string> {
  const t = db(store);
  const seq = randomInt(rng, 1, RECORDS);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- used on update and delete builders of several tables; Kysely has no common type for their where()
  const where = <Q extends { where: (...args: any[]) => Q }>(q: Q) => q.where('run_id', '=', runId).where('seq', '=', seq);
  const choice = randomInt(rng, 0, 7);
  if (choice <= 2) {
    const field = pick(rng, FIELDS);
    const row = snapshot.rows[seq - 1]!;
    const value =
      field === 'at'
        ? row.at + randomInt(rng, 1, 1000)
        : field === 'data'
          ? row.data.replace(/"v\d+"/, '"tampered"')
          : `${String(row[field])}x`;
    await where(t.updateTable('audit_records').set({ [field]: value })).execute();
    return `changed ${field} of record ${seq}`;
  }
  if (choice === 3) {
    await where(t.deleteFrom('audit_records')).execute();
    return `deleted record ${seq}`;
  }
  if (choice === 4) {
    let other = randomInt(rng, 1, RECORDS - 1);
    if (other >= seq) other += 1;
    await swapSeq(store, runId, seq, other);
    return `swapped records ${seq} and ${other}`;
  }
  if (choice === 5) {
    const k = randomInt(rng, 2, RECORDS);
    await insertForged(store, runId, snapshot, k);
    return `inserted a forged record at ${k}`;
  }
  if (choice === 6) {
    if (rng() < 0.5) {
      await appendForged(store, runId, snapshot);
      return 'appended a forged record after the last';
    }
    await t.deleteFrom('audit_records').where('run_id', '=', runId).where('seq', '=', RECORDS).execute();
    return 'deleted the last record';
  }
  // A subject added to (or taken off) a record changes whose record it is.
  const row = snapshot.rows[seq - 1]!;
  if (row.subjects.length > 0 && rng() < 0.5) {
    await where(t.deleteFrom('audit_subjects')).execute();
    return `removed the subjects of record ${seq}`;
  }
  await t.insertInto('audit_subjects').values({ run_id: runId, seq, subject: '199001019802' }).execute();
  return `added a subject to record ${seq}`;
}

// --- engines -------------------------------------------------------------------------------

const dirs: string[] = [];
defineAuditChainConformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-audit-'));
  dirs.push(dir);
  return openStore(`sqlite:${join(dir, 'kanslist.db')}`);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const { url: pgUrl, newSchema } = usePgSchemas('kanslist_audit');
describe.skipIf(pgUrl === undefined)('PostgreSQL (set KANSLIST_TEST_PG_URL to run)', () => {
  defineAuditChainConformance('postgres', () => openStore(pgUrl!, { schema: newSchema() }));
});
