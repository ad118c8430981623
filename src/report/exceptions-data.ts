/**
 * What the exceptions list shows, read from the store: the items waiting for a clerk (status
 * 'review': business exceptions, input rows that failed validation, uncertain items the runner
 * could not settle), oldest first, with the reason, where the evidence is and how to act on each.
 * Paged with a keyset like the run report; payloads are never read.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { redact } from '../audit/redact.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/index.ts';

export interface ExceptionRow {
  itemId: string;
  bot: string;
  key: string;
  errorCode: string | null;
  /** Why the item needs a person, redacted: the developer's English text. */
  reason: string | null;
  /** The reason's facts and translations (JSON text), for localizeReason(). */
  reasonDetails: string | null;
  /** Where the item came from (e.g. 'input.xlsx row 7'): for a rejected row, the place to correct it. */
  source: string | null;
  /** Since when it has waited (its last change). */
  since: number;
  attempts: number;
  /** The run that last worked on it (or read it, for a rejected row). */
  runId: string | null;
  /** `<var>/runs/<run>/<item>` when something was saved there: screenshot, HTML, trace. */
  evidence: string | null;
  /** The item's latest masked screenshot in that folder (`…/screenshot.png`), when there is one. */
  screenshot: string | null;
  /** The commands that close the item: handled with a note, or back to the bot after a correction. */
  handledCommand: string;
  requeueCommand: string;
}

export interface ExceptionSummary {
  total: number;
  byBot: Array<{ bot: string; count: number }>;
  /** With one stored reason_details of the code (JSON text), to name a bot's own code in the reader's language. */
  byCode: Array<{ code: string; count: number; sampleDetails: string | null }>;
  /** The longest-waiting item's since; null when nothing waits. */
  oldest: number | null;
}

export interface ExceptionsOptions {
  bot?: string | undefined;
  varDir: string;
  /** @default 500 */
  pageSize?: number;
}

/** Counts for the list's heading, grouped in the database. */
export async function exceptionSummary(store: Store, options: { bot?: string | undefined }): Promise<ExceptionSummary> {
  const base = scoped(store.db, options.bot);
  const bots = await base.select((eb) => ['bot', eb.fn.countAll<number | string>().as('n')]).groupBy('bot').orderBy('bot').execute();
  const codes = await base
    .select((eb) => [sql<string>`coalesce(error_code, '')`.as('code'), eb.fn.countAll<number | string>().as('n'), eb.fn.min('reason_details').as('sample')])
    .groupBy(sql`coalesce(error_code, '')`)
    .execute();
  const oldest = await base.select((eb) => eb.fn.min<number | string>('updated_at').as('oldest')).executeTakeFirst();
  return {
    total: bots.reduce((sum, b) => sum + Number(b.n), 0),
    byBot: bots.map((b) => ({ bot: b.bot, count: Number(b.n) })),
    byCode: codes.map((c) => ({ code: c.code, count: Number(c.n), sampleDetails: c.sample === null || c.sample === undefined ? null : redact(String(c.sample)) })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    oldest: oldest?.oldest === null || oldest?.oldest === undefined ? null : Number(oldest.oldest),
  };
}

function scoped(db: Kysely<Database>, bot: string | undefined) {
  let q = db.selectFrom('work_items').where('status', '=', 'review');
  if (bot !== undefined) q = q.where('bot', '=', bot);
  return q;
}

/** The review items, longest waiting first, a page per query. */
export async function* exceptionItems(store: Store, options: ExceptionsOptions): AsyncGenerator<ExceptionRow> {
  const pageSize = options.pageSize ?? 500;
  let after: { at: number; seq: number } | undefined;
  for (;;) {
    let q = scoped(store.db, options.bot).select([
      'seq', 'id', 'bot', 'key', 'error_code', 'reason', 'reason_details', 'source', 'updated_at', 'attempts', 'last_run_id', 'enqueued_run_id',
    ]);
    if (after !== undefined) {
      const { at, seq } = after;
      q = q.where((eb) => eb.or([eb('updated_at', '>', at), eb.and([eb('updated_at', '=', at), eb('seq', '>', seq)])]));
    }
    const rows = await q.orderBy('updated_at').orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      const runId = row.last_run_id ?? row.enqueued_run_id;
      const evidence = runId === null ? null : join(options.varDir, 'runs', runId, row.id);
      yield {
        itemId: row.id,
        bot: row.bot,
        key: row.key,
        errorCode: row.error_code,
        reason: row.reason === null ? null : redact(row.reason),
        reasonDetails: row.reason_details,
        source: row.source === null ? null : redact(row.source),
        since: Number(row.updated_at),
        attempts: Number(row.attempts),
        runId,
        evidence: evidence !== null && existsSync(evidence) ? evidence : null,
        screenshot: evidence !== null && existsSync(evidence) ? latestScreenshot(evidence) : null,
        handledCommand: `kanslist review handled ${row.id} --note "…"`,
        requeueCommand: `kanslist review requeue ${row.id}`,
      };
    }
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return;
    after = { at: Number(last.updated_at), seq: Number(last.seq) };
  }
}

/**
 * The last screenshot saved for an item (evidence folders are named per error and attempt; the
 * alphabetically last path is taken so the choice is stable), or null.
 */
function latestScreenshot(folder: string): string | null {
  const shots = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('screenshot.png')).sort();
  const last = shots.at(-1);
  return last === undefined ? null : join(folder, last);
}

/** The item's page in the control room: `<dashboardUrl>/review/<item id>`. */
export function reviewUrl(dashboardUrl: string, itemId: string): string {
  const base = dashboardUrl.endsWith('/') ? dashboardUrl : `${dashboardUrl}/`;
  return new URL(`review/${encodeURIComponent(itemId)}`, base).href;
}
