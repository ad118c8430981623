/**
 * The exceptions list's reads: the items waiting for a clerk (status 'review'), counted in the
 * database for the heading and listed longest waiting first, paged with a keyset. Payloads are never
 * selected. The rows are as stored; src/report/exceptions-data.ts redacts and shapes them.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface ReviewCounts {
  byBot: Array<{ bot: string; count: number }>;
  /** Per error code ('' for none), with the alphabetically first stored reason_details of the code, not redacted. */
  byCode: Array<{ code: string; count: number; sampleDetails: string | null }>;
  /** The longest-waiting item's last change; null when nothing waits. */
  oldest: number | null;
}

export interface ReviewItemRecord {
  seq: number;
  id: string;
  bot: string;
  key: string;
  errorCode: string | null;
  reason: string | null;
  reasonDetails: string | null;
  source: string | null;
  updatedAt: number;
  attempts: number;
  lastRunId: string | null;
  enqueuedRunId: string | null;
}

function inReview(db: Kysely<Database>, bot: string | undefined) {
  let q = db.selectFrom('work_items').where('status', '=', 'review');
  if (bot !== undefined) q = q.where('bot', '=', bot);
  return q;
}

export async function reviewCounts(db: Kysely<Database>, bot: string | undefined): Promise<ReviewCounts> {
  const base = inReview(db, bot);
  const bots = await base
    .select((eb) => ['bot', eb.fn.countAll<number | string>().as('n')])
    .groupBy('bot')
    .orderBy('bot')
    .execute();
  const codes = await base
    .select((eb) => [
      sql<string>`coalesce(error_code, '')`.as('code'),
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('reason_details').as('sample'),
    ])
    .groupBy(sql`coalesce(error_code, '')`)
    .execute();
  const oldest = await base.select((eb) => eb.fn.min<number | string>('updated_at').as('oldest')).executeTakeFirst();
  return {
    byBot: bots.map((b) => ({ bot: b.bot, count: Number(b.n) })),
    byCode: codes.map((c) => ({
      code: c.code,
      count: Number(c.n),
      sampleDetails: c.sample === null || c.sample === undefined ? null : String(c.sample),
    })),
    oldest: oldest?.oldest === null || oldest?.oldest === undefined ? null : Number(oldest.oldest),
  };
}

/** The review items, longest waiting first (ties by insertion order), a page per query. */
export async function* reviewItems(db: Kysely<Database>, bot: string | undefined, pageSize: number): AsyncGenerator<ReviewItemRecord> {
  let after: { at: number; seq: number } | undefined;
  for (;;) {
    let q = inReview(db, bot).select([
      'seq',
      'id',
      'bot',
      'key',
      'error_code',
      'reason',
      'reason_details',
      'source',
      'updated_at',
      'attempts',
      'last_run_id',
      'enqueued_run_id',
    ]);
    if (after !== undefined) {
      const { at, seq } = after;
      q = q.where((eb) => eb.or([eb('updated_at', '>', at), eb.and([eb('updated_at', '=', at), eb('seq', '>', seq)])]));
    }
    const rows = await q.orderBy('updated_at').orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      yield {
        seq: Number(row.seq),
        id: row.id,
        bot: row.bot,
        key: row.key,
        errorCode: row.error_code,
        reason: row.reason,
        reasonDetails: row.reason_details,
        source: row.source,
        updatedAt: Number(row.updated_at),
        attempts: Number(row.attempts),
        lastRunId: row.last_run_id,
        enqueuedRunId: row.enqueued_run_id,
      };
    }
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return;
    after = { at: Number(last.updated_at), seq: Number(last.seq) };
  }
}
