/**
 * Verifying a run's chain: every record's hash recomputed, seq counting 1..n without gaps, each
 * prev_hash the hash before it, and the last record matching the run's head. The first problem
 * found is reported with its seq and what is wrong, in words an auditor can act on.
 */
import type { AuditHead, AuditRow, Store } from '../store/index.ts';
import { AUTHENTICATED_HEAD, headMac } from './ledger-hash.ts';
import { recordHash } from './trail-hash.ts';

export type VerifyProblem = 'hash mismatch' | 'missing record' | 'reordered' | 'inserted' | 'prev_hash mismatch' | 'head mismatch';

/** Records whose personal fields a purge replaced: how many, and when the last purge of them was. */
export interface PurgedSummary {
  records: number;
  lastAt: number;
  by: string[];
}

export type VerifyResult =
  | { ok: true; records: number; purged?: PurgedSummary }
  | { ok: false; records: number; firstBroken: { seq: number; problem: VerifyProblem; detail: string }; purged?: PurgedSummary };

type Broken = { seq: number; problem: VerifyProblem; detail: string };

export async function verifyRun(store: Store, runId: string, options: { key?: Buffer | null } = {}): Promise<VerifyResult> {
  const { rows, head } = await consistentRead(store, runId);
  const broken = firstBroken(rows, head, options.key ?? null) ?? (await forgedHead(store, runId, options.key ?? null));
  const purged = purgedSummary(rows);
  const result: VerifyResult =
    broken === undefined ? { ok: true, records: rows.length } : { ok: false, records: rows.length, firstBroken: broken };
  return purged === undefined ? result : { ...result, purged };
}

/** A purged record verifies through the digest of its data (trail-hash.ts); the auditor is told which were purged. */
function purgedSummary(rows: AuditRow[]): PurgedSummary | undefined {
  const purged = rows.filter((r) => r.purged_at !== null);
  if (purged.length === 0) return undefined;
  return {
    records: purged.length,
    lastAt: Math.max(...purged.map((r) => r.purged_at!)),
    by: [...new Set(purged.map((r) => r.purged_by ?? 'unknown'))],
  };
}

/**
 * A live chain (a running bot, a scheduler) grows while it is read. Records and head are written in
 * one transaction and seq only grows, so records read between two equal head reads are one
 * consistent state; a head that moved meanwhile means read again. A chain that never settles is
 * read as it is on the last try (a real gap still shows).
 */
async function consistentRead(store: Store, runId: string): Promise<{ rows: AuditRow[]; head: AuditHead | undefined }> {
  for (let attempt = 1; ; attempt++) {
    const before = await store.audit.head(runId);
    const rows = await store.audit.records(runId);
    const after = await store.audit.head(runId);
    if (before?.seq === after?.seq || attempt >= 5) return { rows, head: after };
  }
}

/**
 * An authenticated head (format 2) whose MAC no longer matches its seq and hash was moved by hand.
 * Checked on the stored row itself, so a live chain's head moving meanwhile is no false alarm.
 */
async function forgedHead(store: Store, runId: string, key: Buffer | null): Promise<Broken | undefined> {
  const [sealed] = await store.audit.heads([runId]);
  if (sealed === undefined || sealed.format !== AUTHENTICATED_HEAD) return undefined;
  if (sealed.mac === headMac(runId, sealed.seq, sealed.hash, key)) return undefined;
  const hint = key === null ? ' (if this trail was written with KANSLIST_AUDIT_KEY, verify with the same key)' : '';
  return {
    seq: sealed.seq,
    problem: 'head mismatch',
    detail: `the run's head (record ${sealed.seq}) does not match its MAC: it was moved or rewritten${hint}`,
  };
}

export async function verifyAll(
  store: Store,
  options: { key?: Buffer | null } = {},
): Promise<Array<{ runId: string; result: VerifyResult }>> {
  const results: Array<{ runId: string; result: VerifyResult }> = [];
  for (const runId of await store.audit.runIds()) results.push({ runId, result: await verifyRun(store, runId, options) });
  return results;
}

function firstBroken(rows: AuditRow[], head: AuditHead | undefined, key: Buffer | null): Broken | undefined {
  for (let i = 0; i < rows.length; i++) {
    const problem = checkRecord(rows, i, key);
    if (problem !== undefined) return problem;
  }
  return checkHead(rows.at(-1), head);
}

function checkRecord(rows: AuditRow[], i: number, key: Buffer | null): Broken | undefined {
  const row = rows[i]!;
  const expectedSeq = i + 1;
  const previous = i === 0 ? undefined : rows[i - 1];
  if (row.seq > expectedSeq) {
    return {
      seq: expectedSeq,
      problem: 'missing record',
      detail: `record ${expectedSeq} is missing: the next stored record is ${row.seq}`,
    };
  }
  if (row.seq < expectedSeq) {
    return { seq: row.seq, problem: 'reordered', detail: `record numbered ${row.seq} is stored in position ${expectedSeq}` };
  }
  if (recordHash(row, key) !== row.hash) return hashMismatch(rows, row, key);
  const expectedPrev = previous?.hash ?? null;
  if (row.prev_hash !== expectedPrev) return prevMismatch(rows, i);
  return undefined;
}

/** A record whose content no longer matches its hash; if it matches under another seq, it was moved. */
function hashMismatch(rows: AuditRow[], row: AuditRow, key: Buffer | null): Broken {
  for (let seq = 1; seq <= rows.length + 1; seq++) {
    if (seq !== row.seq && recordHash({ ...row, seq }, key) === row.hash) {
      return {
        seq: row.seq,
        problem: 'reordered',
        detail: `record ${row.seq} was written as record ${seq}: records were renumbered or swapped`,
      };
    }
  }
  const hint = key === null && row.seq === 1 ? ' (if this trail was written with KANSLIST_AUDIT_KEY, verify with the same key)' : '';
  return {
    seq: row.seq,
    problem: 'hash mismatch',
    detail: `record ${row.seq} (${row.kind}) does not match its hash: a field was changed after it was written${hint}`,
  };
}

/** The record is intact but does not follow its predecessor: something was inserted or moved. */
function prevMismatch(rows: AuditRow[], i: number): Broken {
  const row = rows[i]!;
  const twoBack = i >= 2 ? rows[i - 2] : undefined;
  if (i >= 1 && row.prev_hash === (twoBack?.hash ?? null)) {
    const inserted = rows[i - 1]!;
    return {
      seq: inserted.seq,
      problem: 'inserted',
      detail: `record ${inserted.seq} (${inserted.kind}) was inserted: record ${row.seq} follows the record before it`,
    };
  }
  const pointsTo = rows.findIndex((r) => r.hash === row.prev_hash);
  if (pointsTo >= 0) {
    return {
      seq: row.seq,
      problem: 'reordered',
      detail: `record ${row.seq} follows record ${rows[pointsTo]!.seq}, not record ${row.seq - 1}`,
    };
  }
  return { seq: row.seq, problem: 'prev_hash mismatch', detail: `record ${row.seq} does not carry the hash of record ${row.seq - 1}` };
}

function checkHead(last: AuditRow | undefined, head: AuditHead | undefined): Broken | undefined {
  if (last === undefined && head === undefined) return undefined;
  if (head === undefined) {
    return { seq: last!.seq, problem: 'head mismatch', detail: 'the run has records but no recorded head: the head was removed' };
  }
  if (last === undefined) {
    return { seq: 1, problem: 'missing record', detail: `the run's head names record ${head.seq} but no records are stored` };
  }
  if (last.seq < head.seq) {
    return {
      seq: last.seq + 1,
      problem: 'missing record',
      detail: `the run's head names record ${head.seq}; records after ${last.seq} are missing`,
    };
  }
  if (last.seq !== head.seq || last.hash !== head.hash) {
    return {
      seq: last.seq,
      problem: 'head mismatch',
      detail: `the last record (${last.seq}) is not the run's recorded head (${head.seq}): records were added or replaced at the end`,
    };
  }
  return undefined;
}
