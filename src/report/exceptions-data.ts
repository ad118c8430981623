/**
 * What the exceptions list shows, read from the store: the items waiting for a clerk (status
 * 'review': business exceptions, input rows that failed validation, uncertain items the runner
 * could not settle), oldest first, with the reason, where the evidence is and how to act on each.
 * Paged with a keyset like the run report; payloads are never read.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../redact/redact.ts';
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
  const counts = await store.reports.reviewCounts(options.bot);
  return {
    total: counts.byBot.reduce((sum, b) => sum + b.count, 0),
    byBot: counts.byBot,
    byCode: counts.byCode
      .map((c) => ({ ...c, sampleDetails: c.sampleDetails === null ? null : redact(c.sampleDetails) }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    oldest: counts.oldest,
  };
}

/** The review items, longest waiting first, a page per query. */
export async function* exceptionItems(store: Store, options: ExceptionsOptions): AsyncGenerator<ExceptionRow> {
  for await (const row of store.reports.reviewItems(options.bot, options.pageSize ?? 500)) {
    const runId = row.lastRunId ?? row.enqueuedRunId;
    const evidence = runId === null ? null : join(options.varDir, 'runs', runId, row.id);
    yield {
      itemId: row.id,
      bot: row.bot,
      key: row.key,
      errorCode: row.errorCode,
      reason: row.reason === null ? null : redact(row.reason),
      reasonDetails: row.reasonDetails,
      source: row.source === null ? null : redact(row.source),
      since: row.updatedAt,
      attempts: row.attempts,
      runId,
      evidence: evidence !== null && existsSync(evidence) ? evidence : null,
      screenshot: evidence !== null && existsSync(evidence) ? latestScreenshot(evidence) : null,
      handledCommand: `kanslist review handled ${row.id} --note "…"`,
      requeueCommand: `kanslist review requeue ${row.id}`,
    };
  }
}

/**
 * The last screenshot saved for an item (evidence folders are named per error and attempt; the
 * alphabetically last path is taken so the choice is stable), or null.
 */
function latestScreenshot(folder: string): string | null {
  const shots = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('screenshot.png'))
    .sort();
  const last = shots.at(-1);
  return last === undefined ? null : join(folder, last);
}

/** The item's page in the control room: `<dashboardUrl>/review/<item id>`. */
export function reviewUrl(dashboardUrl: string, itemId: string): string {
  const base = dashboardUrl.endsWith('/') ? dashboardUrl : `${dashboardUrl}/`;
  return new URL(`review/${encodeURIComponent(itemId)}`, base).href;
}
