/**
 * computeTimeSaved: the whole report's numbers for a period, from four grouped queries. Knows no
 * bot: the caller passes a lookup that returns each bot's title and manual-minutes baseline (the
 * report definition loads them from the bot files).
 */
import { redact } from '../../redact/redact.ts';
import type { SettledScope, StatusCount, TimeSavedReads } from '../../store/index.ts';
import { botFigures, sumFigures, tally, type BotBaseline, type FteBasis, type TimeFigures } from './arithmetic.ts';
import { trendBuckets, type BucketSize, type TrendBucket } from './buckets.ts';
import type { AnnualHours } from './fte.ts';
import { dayNumber, parseCivilDate } from './local-dates.ts';
import type { ReportPeriod } from './period.ts';

export interface TimeSavedOptions {
  period: ReportPeriod;
  /** Trend granularity. */
  bucket: BucketSize;
  /** Only this bot. */
  bot?: string | undefined;
  annualHours: AnnualHours;
  /** Title and baseline of a bot found in the store; undefined when its definition is gone. */
  baselineOf(bot: string): Promise<BotBaseline | undefined> | BotBaseline | undefined;
  /** How many exception reasons to list. @default 10 */
  topReasons?: number;
  /**
   * The report's "now": trend buckets that start at or after it are left out, so a period that
   * ends in the future shows no weeks that have not happened (drawn as zero they would read as
   * "the robot stopped"). @default no limit
   */
  now?: number;
}

export interface BotTimeSaved {
  bot: string;
  /** The baseline used, or null when the bot's definition could not be found (its minutes are then not counted). */
  baseline: BotBaseline | null;
  figures: TimeFigures;
  runs: number;
  runHours: number;
}

export interface TrendPoint extends TrendBucket {
  done: number;
  exceptions: number;
  hoursFreed: number;
}

export interface ExceptionReason {
  code: string | null;
  count: number;
  /** count / all exceptions in the period. */
  share: number;
  /** One stored reason for the code, redacted (identity numbers and secrets masked): the developer's English text. */
  sampleReason: string | null;
  /** One stored reason_details for the code (JSON text, redacted when written), for localizeReason(). */
  sampleDetails: string | null;
}

export interface TimeSaved {
  period: ReportPeriod;
  bot: string | undefined;
  annualHours: AnnualHours;
  periodDays: number;
  /** Sorted by bot name. */
  bots: BotTimeSaved[];
  total: TimeFigures & { runs: number; runHours: number };
  /** Bots with items in the period but no baseline: their items are counted, their minutes are not. */
  missingBaselines: string[];
  bucket: BucketSize;
  trend: TrendPoint[];
  topReasons: ExceptionReason[];
}

const HOUR_MS = 3_600_000;

function groupByBot<T extends { bot: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(row.bot, [...(out.get(row.bot) ?? []), row]);
  return out;
}

export function periodDays(period: ReportPeriod): number {
  const first = parseCivilDate(period.firstDate);
  const end = parseCivilDate(period.endDate);
  return first === undefined || end === undefined ? 0 : dayNumber(end) - dayNumber(first);
}

/** `reads` is `store.reports` (or any TimeSavedReads). */
export async function computeTimeSaved(reads: TimeSavedReads, options: TimeSavedOptions): Promise<TimeSaved> {
  const { period } = options;
  const scope: SettledScope = { from: period.from, to: period.to, bot: options.bot };
  const now = options.now;
  const buckets = trendBuckets(period, options.bucket).filter((bucket) => now === undefined || bucket.start < now);

  // 1. Ask the database: counts per bot and status, per bucket, run durations, reasons.
  const [counts, bucketCounts, runs, reasons] = await Promise.all([
    reads.settledCounts(scope),
    reads.settledCountsPerRange(scope, buckets),
    reads.runTotals(scope),
    reads.exceptionReasons(scope, options.topReasons ?? 10),
  ]);

  // 2. Which bots appear, and their baselines.
  const names = new Set([...counts.map((c) => c.bot), ...runs.map((r) => r.bot)]);
  if (options.bot !== undefined) names.add(options.bot);
  const baselines = new Map<string, BotBaseline | null>();
  for (const name of [...names].sort()) baselines.set(name, (await options.baselineOf(name)) ?? null);

  // 3. Per bot, then totals summed bot by bot.
  const basis: FteBasis = { annualHours: options.annualHours.hours, periodDays: periodDays(period) };
  const countsByBot = groupByBot(counts);
  const runsByBot = new Map(runs.map((r) => [r.bot, r]));
  const bots: BotTimeSaved[] = [...baselines].map(([bot, baseline]) => {
    const t = tally(countsByBot.get(bot) ?? []);
    const run = runsByBot.get(bot);
    return {
      bot,
      baseline,
      figures: botFigures(t, baseline?.manualMinutes ?? 0, basis),
      runs: run?.runs ?? 0,
      runHours: (run?.durationMs ?? 0) / HOUR_MS,
    };
  });
  const total = {
    ...sumFigures(
      bots.map((b) => ({ tally: b.figures, minutesFreed: b.figures.minutesFreed, exceptionMinutes: b.figures.exceptionMinutes })),
      basis,
    ),
    runs: bots.reduce((n, b) => n + b.runs, 0),
    runHours: bots.reduce((n, b) => n + b.runHours, 0),
  };
  const missingBaselines = bots.filter((b) => b.baseline === null && b.figures.done + b.figures.exceptions > 0).map((b) => b.bot);

  // 4. Trend and reasons.
  const trend = buckets.map((bucket, index) =>
    trendPoint(
      bucket,
      bucketCounts.filter((c) => c.bucket === index),
      baselines,
    ),
  );
  const topReasons = reasons.map((r) => ({
    code: r.code,
    count: r.count,
    share: total.exceptions === 0 ? 0 : r.count / total.exceptions,
    sampleReason: r.sampleReason === null ? null : redact(r.sampleReason),
    sampleDetails: r.sampleDetails === null ? null : redact(r.sampleDetails),
  }));

  return {
    period,
    bot: options.bot,
    annualHours: options.annualHours,
    periodDays: basis.periodDays,
    bots,
    total,
    missingBaselines,
    bucket: options.bucket,
    trend,
    topReasons,
  };
}

function trendPoint(bucket: TrendBucket, counts: readonly StatusCount[], baselines: ReadonlyMap<string, BotBaseline | null>): TrendPoint {
  let done = 0;
  let exceptions = 0;
  let minutesFreed = 0;
  for (const c of counts) {
    if (c.status === 'done') {
      done += c.count;
      minutesFreed += c.count * (baselines.get(c.bot)?.manualMinutes ?? 0);
    } else {
      exceptions += c.count;
    }
  }
  return { ...bucket, done, exceptions, hoursFreed: minutesFreed / 60 };
}
