/**
 * The store side of the audit trail: append batches, read a run's chain back, find records by
 * subject. Hashing and verification live in src/audit/trail*.ts; this file only moves rows.
 *
 * The audit tables are typed here (via `withTables`) rather than in schema.ts, so the trail's
 * storage stays in one place.
 */
import type { Kysely } from 'kysely';
import { appendLedger, readLedger, type AuditLedgerTable, type LedgerAppend, type LedgerSealer } from './audit-ledger.ts';
import type { EngineAccess } from './engine.ts';
import type { Database } from './schema.ts';

export type { AuditLedgerTable, LedgerAppend, LedgerEntryKind, LedgerSealer } from './audit-ledger.ts';

export type AuditRecordTable = {
  run_id: string;
  seq: number;
  at: number;
  kind: string;
  item_id: string | null;
  item_key: string | null;
  bot: string;
  bot_version: string;
  host: string;
  /** Canonical JSON text, hashed exactly as stored. */
  data: string;
  prev_hash: string | null;
  hash: string;
  /** How the hash is computed (migration 008): 1 over the values, 2 over their digests (purgeable). */
  format: number;
  /** SHA-256 of the data as written, kept once the data is purged (format 2 only). */
  data_digest: string | null;
  /** When a purge replaced the record's personal fields, and the purge's run id; null while intact. */
  purged_at: number | null;
  purged_by: string | null;
};

export type AuditSubjectTable = {
  run_id: string;
  seq: number;
  subject: string;
};

export type AuditHeadTable = {
  run_id: string;
  seq: number;
  hash: string;
  /** Migration 009: 1 (older heads) holds seq and hash only; 2 also `mac`, authenticating run id, seq and hash. */
  format: number;
  mac: string | null;
};

export type AuditTables = {
  audit_records: AuditRecordTable;
  audit_subjects: AuditSubjectTable;
  audit_heads: AuditHeadTable;
  audit_ledger: AuditLedgerTable;
};

export type AuditDatabase = Database & AuditTables;

/** One stored record with the subjects indexed for it. */
export interface AuditRow extends AuditRecordTable {
  subjects: string[];
}

export interface AuditHead {
  seq: number;
  hash: string;
}

/** What a trail adds to a batch so its head and the ledger can be trusted. */
export interface BatchSeal {
  /** The head's MAC over run id, last seq and last hash (src/audit/ledger-hash.ts); the head is written as format 2. */
  headMac: string;
  /** When the run has no head yet, the batch opens the chain: an `open` entry on the ledger, in the same transaction. */
  ledger?: { seal: LedgerSealer; at: number };
}

export interface AuditStore {
  /**
   * Writes records (in seq order, one run) and moves the run's head, in one transaction. Without
   * a seal the head is written unauthenticated (format 1), as before migration 009.
   */
  appendBatch(runId: string, rows: AuditRow[], seal?: BatchSeal): Promise<void>;
  head(runId: string): Promise<AuditHead | undefined>;
  /** Every head as stored (with its format and MAC), optionally only these runs'. */
  heads(runIds?: string[]): Promise<AuditHeadTable[]>;
  /** Appends entries to the ledger of chains, in order, serialised with every other append. */
  appendLedger(entries: LedgerAppend[], seal: LedgerSealer): Promise<void>;
  /** The whole ledger of chains, by seq. */
  ledger(): Promise<AuditLedgerTable[]>;
  /** The run's records ordered by seq, each with its subjects (sorted). */
  records(runId: string): Promise<AuditRow[]>;
  /** Every run that has audit records or a head, oldest first by id order of first record time. */
  runIds(): Promise<string[]>;
  /** Records concerning any of these normalised subjects, across runs, oldest first. */
  recordsForSubjects(subjects: string[]): Promise<AuditRow[]>;
}

/** Keeps a batch insert under SQLite's bound-parameter limit (12 columns per row). */
const ROWS_PER_INSERT = 50;

export class SqlAuditStore implements AuditStore {
  readonly #engine: EngineAccess;

  constructor(engine: EngineAccess) {
    this.#engine = engine;
  }

  get #db(): Kysely<AuditDatabase> {
    return this.#engine.db.withTables<AuditTables>();
  }

  async appendBatch(runId: string, rows: AuditRow[], seal?: BatchSeal): Promise<void> {
    const last = rows.at(-1);
    if (last === undefined) return;
    const head =
      seal === undefined
        ? { seq: last.seq, hash: last.hash, format: 1, mac: null }
        : { seq: last.seq, hash: last.hash, format: 2, mac: seal.headMac };
    await this.#engine.write(async (plain) => {
      const tx = plain.withTables<AuditTables>();
      if (seal?.ledger !== undefined) {
        // The chain's first batch: on the ledger in the same transaction, so no chain exists that the ledger does not know.
        const exists = await tx.selectFrom('audit_heads').select('run_id').where('run_id', '=', runId).executeTakeFirst();
        if (exists === undefined) {
          const first = rows[0]!;
          await appendLedger(
            plain,
            this.#engine.engine,
            [{ kind: 'open', chainId: runId, chainSeq: first.seq, chainHash: first.hash, at: seal.ledger.at }],
            seal.ledger.seal,
          );
        }
      }
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const chunk = rows.slice(i, i + ROWS_PER_INSERT);
        await tx
          .insertInto('audit_records')
          .values(chunk.map(({ subjects: _subjects, ...record }) => record))
          .execute();
        const subjects = chunk.flatMap((r) => r.subjects.map((subject) => ({ run_id: runId, seq: r.seq, subject })));
        if (subjects.length > 0) await tx.insertInto('audit_subjects').values(subjects).execute();
      }
      await tx
        .insertInto('audit_heads')
        .values({ run_id: runId, ...head })
        .onConflict((oc) => oc.column('run_id').doUpdateSet(head))
        .execute();
    });
  }

  async head(runId: string): Promise<AuditHead | undefined> {
    const row = await this.#db.selectFrom('audit_heads').select(['seq', 'hash']).where('run_id', '=', runId).executeTakeFirst();
    return row === undefined ? undefined : { seq: Number(row.seq), hash: row.hash };
  }

  async heads(runIds?: string[]): Promise<AuditHeadTable[]> {
    if (runIds !== undefined && runIds.length === 0) return [];
    let query = this.#db.selectFrom('audit_heads').selectAll().orderBy('run_id');
    if (runIds !== undefined) query = query.where('run_id', 'in', runIds);
    const rows = await query.execute();
    return rows.map((r) => ({ ...r, seq: Number(r.seq), format: Number(r.format) }));
  }

  async appendLedger(entries: LedgerAppend[], seal: LedgerSealer): Promise<void> {
    await this.#engine.write((tx) => appendLedger(tx, this.#engine.engine, entries, seal));
  }

  async ledger(): Promise<AuditLedgerTable[]> {
    return await readLedger(this.#engine.db);
  }

  async records(runId: string): Promise<AuditRow[]> {
    const rows = await this.#db.selectFrom('audit_records').selectAll().where('run_id', '=', runId).orderBy('seq').execute();
    const subjects = await this.#db.selectFrom('audit_subjects').selectAll().where('run_id', '=', runId).execute();
    return withSubjects(rows, subjects);
  }

  async runIds(): Promise<string[]> {
    const fromRecords = await this.#db
      .selectFrom('audit_records')
      .select((eb) => ['run_id', eb.fn.min<number | string>('at').as('first_at')])
      .groupBy('run_id')
      .orderBy('first_at')
      .orderBy('run_id')
      .execute();
    const heads = await this.#db.selectFrom('audit_heads').select('run_id').orderBy('run_id').execute();
    // A run whose records were all deleted still has its head: it must be verified (and fail).
    return [...new Set([...fromRecords.map((r) => r.run_id), ...heads.map((h) => h.run_id)])];
  }

  async recordsForSubjects(subjects: string[]): Promise<AuditRow[]> {
    if (subjects.length === 0) return [];
    const rows = await this.#db
      .selectFrom('audit_records as r')
      .innerJoin('audit_subjects as s', (join) => join.onRef('s.run_id', '=', 'r.run_id').onRef('s.seq', '=', 'r.seq'))
      .selectAll('r')
      .where('s.subject', 'in', subjects)
      .distinct()
      .orderBy('r.at')
      .orderBy('r.run_id')
      .orderBy('r.seq')
      .execute();
    const runIds = [...new Set(rows.map((r) => r.run_id))];
    const allSubjects =
      runIds.length === 0 ? [] : await this.#db.selectFrom('audit_subjects').selectAll().where('run_id', 'in', runIds).execute();
    return withSubjects(rows, allSubjects);
  }
}

function withSubjects(rows: AuditRecordTable[], subjects: AuditSubjectTable[]): AuditRow[] {
  const byRecord = new Map<string, string[]>();
  for (const s of subjects) {
    const key = `${s.run_id}\u0000${Number(s.seq)}`;
    const list = byRecord.get(key) ?? [];
    list.push(s.subject);
    byRecord.set(key, list);
  }
  return rows.map((row) => ({
    ...row,
    seq: Number(row.seq),
    at: Number(row.at),
    format: Number(row.format),
    purged_at: row.purged_at === null ? null : Number(row.purged_at),
    subjects: (byRecord.get(`${row.run_id}\u0000${Number(row.seq)}`) ?? []).sort(),
  }));
}
