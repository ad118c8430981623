/**
 * The per-item rows behind a time-saved report's totals, streamed page by page: summing
 * `minutesFreed` gives the report's minutes freed, summing `exceptionMinutes` its exception
 * minutes — anyone can recompute the totals from the spreadsheet.
 */
import { redact } from '../../redact/redact.ts';
import type { FinalStatus, TimeSavedReads } from '../../store/index.ts';
import type { TimeSaved } from './compute.ts';

export interface TimeSavedItemRow {
  /** The item's key, redacted (an identity number used as a key is masked). */
  key: string;
  bot: string;
  status: FinalStatus;
  /** When the item reached its final state (epoch ms). */
  finishedAt: number;
  /** The bot's manual minutes per item; null when its baseline is missing. */
  manualMinutes: number | null;
  /** done: manualMinutes; exceptions: 0. */
  minutesFreed: number;
  /** exceptions: manualMinutes (a clerk does them by hand); done: 0. */
  exceptionMinutes: number;
  /** For exceptions: the error code; null for done items. */
  errorCode: string | null;
}

/**
 * The rows of exactly the items `report` counted (same period, bot filter and baselines): done
 * items first, then handled, review and failed, each in the order they settled.
 */
export async function* timeSavedItems(reads: TimeSavedReads, report: TimeSaved, pageSize = 5000): AsyncGenerator<TimeSavedItemRow> {
  const minutes = new Map(report.bots.map((b) => [b.bot, b.baseline?.manualMinutes ?? null]));
  const scope = { from: report.period.from, to: report.period.to, bot: report.bot };
  for await (const item of reads.settledItems(scope, pageSize)) {
    const manualMinutes = minutes.get(item.bot) ?? null;
    const done = item.status === 'done';
    yield {
      key: redact(item.key),
      bot: item.bot,
      status: item.status,
      finishedAt: item.settledAt,
      manualMinutes,
      minutesFreed: done ? (manualMinutes ?? 0) : 0,
      exceptionMinutes: done ? 0 : (manualMinutes ?? 0),
      errorCode: done ? null : item.errorCode,
    };
  }
}
