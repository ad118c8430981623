/**
 * store.reports: every read the reports, the control room and the CLI make for a report, so the SQL
 * stays in src/store and callers never hold the database handle. Each read is answered by the
 * database (grouped or paged), never by loading whole tables.
 */
import type { AuditTables } from '../audit.ts';
import type { EngineAccess } from '../engine.ts';
import type { AttemptOutcome } from '../types.ts';
import { reviewCounts, reviewItems, type ReviewCounts, type ReviewItemRecord } from './exceptions.ts';
import { attemptOutcomes, runItemRecords, type RunItemRecord } from './run-items.ts';
import {
  countSettledItems,
  countSettledItemsPerBucket,
  settledItems,
  sumRunDurations,
  topExceptionReasons,
  type BucketCount,
  type ReasonCount,
  type RunTotals,
  type Scope,
  type SettledItemRow,
  type StatusCount,
  type TimeRange,
} from './time-saved.ts';

export type { ReviewCounts, ReviewItemRecord } from './exceptions.ts';
export type { RunItemRecord } from './run-items.ts';
export {
  DONE_STATUS,
  EXCEPTION_STATUSES,
  FINAL_STATUSES,
  type BucketCount,
  type ExceptionStatus,
  type FinalStatus,
  type ReasonCount,
  type RunTotals,
  type Scope,
  type SettledItemRow,
  type StatusCount,
  type TimeRange,
} from './time-saved.ts';

/** The time-saved report's questions: items by the moment they settled, runs by when they started. */
export interface TimeSavedReads {
  /** Items per bot and final status that settled in [from, to). */
  settledCounts(scope: Scope): Promise<StatusCount[]>;
  /** The same per range (`bucket` is the index into `ranges`), one range scan of the report index each. */
  settledCountsPerRange(scope: Scope, ranges: readonly TimeRange[]): Promise<BucketCount[]>;
  /** Runs per bot that started in [from, to) and the sum of their durations (a run still going counts until its last heartbeat). */
  runTotals(scope: Scope): Promise<RunTotals[]>;
  /** The most frequent error codes of items that settled as exceptions; samples NOT yet redacted. */
  exceptionReasons(scope: Scope, limit: number): Promise<ReasonCount[]>;
  /** Every item that settled in [from, to): done first, then handled, review, failed, each in settle order; keys NOT redacted. @default pageSize 5000 */
  settledItems(scope: Scope, pageSize?: number): AsyncGenerator<SettledItemRow>;
}

export interface ReportReads extends TimeSavedReads {
  /** Attempts made in the run by how each ended. */
  attemptOutcomes(runId: string): Promise<Record<AttemptOutcome, number>>;
  /** The run's items (enqueued by it or attempted in it), oldest finish first; values NOT redacted. */
  runItems(runId: string, pageSize: number): AsyncGenerator<RunItemRecord>;
  /** The `data` (JSON text) of the run's 'ui.drift' audit records, oldest first. */
  driftRecords(runId: string): Promise<string[]>;
  /** Counts of the items in review, for the exceptions list's heading; samples NOT redacted. */
  reviewCounts(bot?: string): Promise<ReviewCounts>;
  /** The items in review, longest waiting first; values NOT redacted. */
  reviewItems(bot: string | undefined, pageSize: number): AsyncGenerator<ReviewItemRecord>;
}

export class SqlReportReads implements ReportReads {
  readonly #engine: EngineAccess;

  constructor(engine: EngineAccess) {
    this.#engine = engine;
  }

  settledCounts(scope: Scope): Promise<StatusCount[]> {
    return countSettledItems(this.#engine.db, scope);
  }

  settledCountsPerRange(scope: Scope, ranges: readonly TimeRange[]): Promise<BucketCount[]> {
    return countSettledItemsPerBucket(this.#engine.db, scope, ranges);
  }

  runTotals(scope: Scope): Promise<RunTotals[]> {
    return sumRunDurations(this.#engine.db, scope);
  }

  exceptionReasons(scope: Scope, limit: number): Promise<ReasonCount[]> {
    return topExceptionReasons(this.#engine.db, scope, limit);
  }

  settledItems(scope: Scope, pageSize?: number): AsyncGenerator<SettledItemRow> {
    return settledItems(this.#engine.db, scope, pageSize);
  }

  attemptOutcomes(runId: string): Promise<Record<AttemptOutcome, number>> {
    return attemptOutcomes(this.#engine.db, runId);
  }

  runItems(runId: string, pageSize: number): AsyncGenerator<RunItemRecord> {
    return runItemRecords(this.#engine.db, runId, pageSize);
  }

  async driftRecords(runId: string): Promise<string[]> {
    const rows = await this.#engine.db
      .withTables<AuditTables>()
      .selectFrom('audit_records')
      .select('data')
      .where('run_id', '=', runId)
      .where('kind', '=', 'ui.drift')
      .orderBy('seq')
      .execute();
    return rows.map((row) => row.data);
  }

  reviewCounts(bot?: string): Promise<ReviewCounts> {
    return reviewCounts(this.#engine.db, bot);
  }

  reviewItems(bot: string | undefined, pageSize: number): AsyncGenerator<ReviewItemRecord> {
    return reviewItems(this.#engine.db, bot, pageSize);
  }
}
