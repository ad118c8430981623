/**
 * The store side of the audit trail: append batches, read a run's chain back, find records by
 * subject. Hashing and verification live in src/audit/trail*.ts; this file only moves rows.
 *
 * The audit tables are typed here (via `withTables`) rather than in schema.ts, so the trail's
 * storage stays in one place.
 */
import type { Kysely } from 'kysely';
import type { EngineAccess } from './engine.ts';
import type { Database } from './schema.ts';

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
}

export type AuditSubjectTable = {
  run_id: string;
  seq: number;
  subject: string;
}

export type AuditHeadTable = {
  run_id: string;
  seq: number;
  hash: string;
}

export type AuditTables = {
  audit_records: AuditRecordTable;
  audit_subjects: AuditSubjectTable;
  audit_heads: AuditHeadTable;
}

export type AuditDatabase = Database & AuditTables;

/** One stored record with the subjects indexed for it. */
export interface AuditRow extends AuditRecordTable {
  subjects: string[];
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export interface AuditStore {
  /** Writes records (in seq order, one run) and moves the run's head, in one transaction. */
  appendBatch(runId: string, rows: AuditRow[]): Promise<void>;
  head(runId: string): Promise<AuditHead | undefined>;
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

  async appendBatch(runId: string, rows: AuditRow[]): Promise<void> {
    const last = rows.at(-1);
    if (last === undefined) return;
    await this.#engine.write(async (plain) => {
      const tx = plain.withTables<AuditTables>();
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const chunk = rows.slice(i, i + ROWS_PER_INSERT);
        await tx.insertInto('audit_records').values(chunk.map(({ subjects: _subjects, ...record }) => record)).execute();
        const subjects = chunk.flatMap((r) => r.subjects.map((subject) => ({ run_id: runId, seq: r.seq, subject })));
        if (subjects.length > 0) await tx.insertInto('audit_subjects').values(subjects).execute();
      }
      await tx
        .insertInto('audit_heads')
        .values({ run_id: runId, seq: last.seq, hash: last.hash })
        .onConflict((oc) => oc.column('run_id').doUpdateSet({ seq: last.seq, hash: last.hash }))
        .execute();
    });
  }

  async head(runId: string): Promise<AuditHead | undefined> {
    const row = await this.#db.selectFrom('audit_heads').select(['seq', 'hash']).where('run_id', '=', runId).executeTakeFirst();
    return row === undefined ? undefined : { seq: Number(row.seq), hash: row.hash };
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
    const allSubjects = runIds.length === 0 ? [] : await this.#db.selectFrom('audit_subjects').selectAll().where('run_id', 'in', runIds).execute();
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
