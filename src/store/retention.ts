/**
 * The store side of retention (gallring): finding what is past its period and replacing it.
 * What counts as personal and what replaces it is decided in src/audit/retention/; this file only
 * moves rows. Only finished items are ever touched: a pending or running item still needs its payload.
 */
import { sql, type Kysely } from 'kysely';
import type { AuditRow, AuditTables } from './audit.ts';
import type { EngineAccess } from './engine.ts';

/** Whose rows a rule covers: one bot (its override), or every bot except those with their own rule. */
export interface BotScope {
  bot?: string | undefined;
  exceptBots?: readonly string[] | undefined;
  /** Epoch ms: rows older than this are past their period. */
  before: number;
}

export interface PayloadRow {
  id: string;
  bot: string;
  payload: string;
}

export interface PurgedAuditRecord {
  run_id: string;
  seq: number;
  data: string;
  data_digest: string;
  subjects: string[];
}

export interface RetentionStore {
  /** Finished items whose payload is not yet purged and that finished before `scope.before`. */
  payloadsToPurge(scope: BotScope, page: { limit: number; offset: number }): Promise<PayloadRow[]>;
  /** Writes the marked payloads and stamps the items purged. */
  replacePayloads(rows: Array<{ id: string; payload: string }>, at: number): Promise<void>;
  /** Format-2 records not yet purged, written before `scope.before`, oldest first. */
  auditToPurge(scope: BotScope, page: { limit: number; offset: number }): Promise<AuditRow[]>;
  /** How many format-1 records past the period are kept because their hash needs their values. */
  unpurgeableAudit(scope: BotScope): Promise<number>;
  /** Replaces records' data and subjects, keeping the data's digest, in one transaction. */
  replaceAuditRecords(rows: PurgedAuditRecord[], at: number, by: string): Promise<void>;
  /** Makes the engine drop the old values from its files (SQLite: checkpoint and VACUUM). */
  compact(): Promise<void>;
}

const FINISHED = ['done', 'review', 'failed', 'handled'];

export class SqlRetentionStore implements RetentionStore {
  readonly #engine: EngineAccess;

  constructor(engine: EngineAccess) {
    this.#engine = engine;
  }

  get #db(): Kysely<import('./audit.ts').AuditDatabase> {
    return this.#engine.db.withTables<AuditTables>();
  }

  async payloadsToPurge(scope: BotScope, page: { limit: number; offset: number }): Promise<PayloadRow[]> {
    let q = this.#db
      .selectFrom('work_items')
      .select(['id', 'bot', 'payload'])
      .where('status', 'in', FINISHED)
      .where('purged_at', 'is', null)
      // An item closed by hand may have no finish time: its last change is when it was closed.
      .where((eb) => eb(eb.fn.coalesce('finished_at', 'updated_at'), '<', scope.before));
    if (scope.bot !== undefined) q = q.where('bot', '=', scope.bot);
    if (scope.exceptBots !== undefined && scope.exceptBots.length > 0) q = q.where('bot', 'not in', [...scope.exceptBots]);
    return await q.orderBy('seq').limit(page.limit).offset(page.offset).execute();
  }

  async replacePayloads(rows: Array<{ id: string; payload: string }>, at: number): Promise<void> {
    if (rows.length === 0) return;
    await this.#engine.write(async (tx) => {
      for (const row of rows)
        await tx.updateTable('work_items').set({ payload: row.payload, purged_at: at }).where('id', '=', row.id).execute();
    });
  }

  async auditToPurge(scope: BotScope, page: { limit: number; offset: number }): Promise<AuditRow[]> {
    let q = this.#db
      .selectFrom('audit_records')
      .selectAll()
      .where('format', '=', 2)
      .where('purged_at', 'is', null)
      .where('at', '<', scope.before);
    if (scope.bot !== undefined) q = q.where('bot', '=', scope.bot);
    if (scope.exceptBots !== undefined && scope.exceptBots.length > 0) q = q.where('bot', 'not in', [...scope.exceptBots]);
    const rows = await q.orderBy('at').orderBy('run_id').orderBy('seq').limit(page.limit).offset(page.offset).execute();
    if (rows.length === 0) return [];
    const runIds = [...new Set(rows.map((r) => r.run_id))];
    const subjects = await this.#db.selectFrom('audit_subjects').selectAll().where('run_id', 'in', runIds).execute();
    const byRecord = new Map<string, string[]>();
    for (const s of subjects) {
      const key = `${s.run_id}\u0000${Number(s.seq)}`;
      byRecord.set(key, [...(byRecord.get(key) ?? []), s.subject]);
    }
    return rows.map((r) => ({
      ...r,
      seq: Number(r.seq),
      at: Number(r.at),
      format: Number(r.format),
      purged_at: null,
      subjects: (byRecord.get(`${r.run_id}\u0000${Number(r.seq)}`) ?? []).sort(),
    }));
  }

  async unpurgeableAudit(scope: BotScope): Promise<number> {
    let q = this.#db
      .selectFrom('audit_records')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('format', '=', 1)
      .where('at', '<', scope.before);
    if (scope.bot !== undefined) q = q.where('bot', '=', scope.bot);
    if (scope.exceptBots !== undefined && scope.exceptBots.length > 0) q = q.where('bot', 'not in', [...scope.exceptBots]);
    const row = await q.executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async replaceAuditRecords(rows: PurgedAuditRecord[], at: number, by: string): Promise<void> {
    if (rows.length === 0) return;
    await this.#engine.write(async (plain) => {
      const tx = plain.withTables<AuditTables>();
      for (const r of rows) {
        await tx
          .updateTable('audit_records')
          .set({ data: r.data, data_digest: r.data_digest, purged_at: at, purged_by: by })
          .where('run_id', '=', r.run_id)
          .where('seq', '=', r.seq)
          .execute();
        await tx.deleteFrom('audit_subjects').where('run_id', '=', r.run_id).where('seq', '=', r.seq).execute();
        if (r.subjects.length > 0)
          await tx
            .insertInto('audit_subjects')
            .values(r.subjects.map((subject) => ({ run_id: r.run_id, seq: r.seq, subject })))
            .execute();
      }
    });
  }

  async compact(): Promise<void> {
    if (this.#engine.compact !== undefined) await this.#engine.compact();
    // PostgreSQL: a plain VACUUM makes the old row versions unreachable and their space reusable.
    else await sql`vacuum work_items, audit_records, audit_subjects`.execute(this.#engine.db);
  }
}
