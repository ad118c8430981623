/**
 * Which fires are due, and what a scheduler that was down missed. Pure functions of the schedule,
 * the last planned instant and "now": the daemon records what they return.
 *
 * Fire instants come from cronFires (cron-parser with the schedule's zone), so daylight saving
 * behaves as docs/schedules.md says: a spring-forward gap fire happens once after the gap, a
 * repeated fall-back time once, at its first occurrence.
 */
import { CronExpressionParser } from 'cron-parser';
import { decideFire } from '../decide.ts';
import { zoneOf } from '../define.ts';
import { cronFires } from '../next-fires.ts';
import type { Schedule, SkipReason } from '../types.ts';

/** The first cron instant strictly after `after`. */
export function nextCronFire(schedule: Schedule, after: number): number {
  return cronFires(schedule, new Date(after), 1)[0]!.getTime();
}

/** Cron instants in (after, until], earliest first, at most `limit` of them (the earliest). */
export function cronInstantsBetween(schedule: Schedule, after: number, until: number, limit = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  for (const at of iterateInstants(schedule, after, until)) {
    if (out.length >= limit) break;
    out.push(at);
  }
  return out;
}

/** One cron instant the scheduler was not running for. */
export type DowntimeEntry =
  { plannedAt: number; decision: 'missed' } | { plannedAt: number; decision: 'skipped'; reason: SkipReason; detail: string };

export interface DowntimePlan {
  /** The newest instants, earliest first, each to be recorded on its own. */
  entries: DowntimeEntry[];
  /** Older instants summed up in one record (too many to list), or null. */
  omitted: { count: number; first: number; last: number; /** The scan stopped at maxScan: at least `count`. */ atLeast: boolean } | null;
  /** The newest instant the calendar would have run: what a catch-up replays, if any. */
  lastMissed: number | null;
}

export interface DowntimeOptions {
  /** Instants recorded one by one; older ones become one summary record. @default 100 */
  maxRecords?: number;
  /** Instants looked at, at most (a seconds-level cron down for a week has 600 000). @default 200000 */
  maxScan?: number;
}

/**
 * What the scheduler missed between `lastPlannedAt` (the newest instant it decided) and `now`:
 * instants in (lastPlannedAt, now). Those the calendar or windows would have skipped are
 * 'skipped' with their reason, the others 'missed'. A schedule never decided before (null)
 * starts from now: nothing missed.
 */
export function planDowntime(schedule: Schedule, lastPlannedAt: number | null, now: number, options: DowntimeOptions = {}): DowntimePlan {
  const empty: DowntimePlan = { entries: [], omitted: null, lastMissed: null };
  const until = now - 1;
  if (lastPlannedAt === null || lastPlannedAt >= until) return empty;
  const maxRecords = Math.max(1, options.maxRecords ?? 100);
  const maxScan = options.maxScan ?? 200_000;
  // 1. The newest maxRecords instants, listed one by one. Walking back from now finds where they
  //    start without scanning a long downtime from its beginning; the list itself is then made
  //    forwards, exactly as the loop would have made it.
  const from = Math.max(lastPlannedAt, startOfNewest(schedule, until, maxRecords) - 1);
  const recent = cronInstantsBetween(schedule, from, until);
  const spill = recent.length > maxRecords ? recent.splice(0, recent.length - maxRecords) : [];
  // 2. Everything older is counted (up to maxScan) and summed up in one record.
  const older =
    recent.length > 0
      ? countInstants(schedule, lastPlannedAt, (spill[0] ?? recent[0]!) - 1, maxScan)
      : { count: 0, first: undefined, last: undefined, atLeast: false };
  const count = older.count + spill.length;
  const omitted =
    count > 0
      ? { count, first: older.first ?? spill[0]!, last: spill.length > 0 ? spill[spill.length - 1]! : older.last!, atLeast: older.atLeast }
      : null;
  // 3. Each listed instant: skipped with the calendar's reason, or missed.
  const entries = recent.map((at): DowntimeEntry => {
    const decision = decideFire(schedule, new Date(at));
    return decision.run
      ? { plannedAt: at, decision: 'missed' }
      : { plannedAt: at, decision: 'skipped', reason: decision.reason, detail: decision.detail };
  });
  const lastMissed = [...entries].reverse().find((e) => e.decision === 'missed')?.plannedAt ?? null;
  return { entries, omitted, lastMissed };
}

/** The instant `count` fires before `until` (or the earliest one there is). */
function startOfNewest(schedule: Schedule, until: number, count: number): number {
  const it = CronExpressionParser.parse(schedule.cron, { tz: zoneOf(schedule), currentDate: new Date(until + 1) });
  let at = until;
  for (let i = 0; i < count; i++) at = it.prev().getTime();
  return at;
}

function countInstants(
  schedule: Schedule,
  after: number,
  until: number,
  maxScan: number,
): { count: number; first: number | undefined; last: number | undefined; atLeast: boolean } {
  let count = 0;
  let first: number | undefined;
  let last: number | undefined;
  for (const at of iterateInstants(schedule, after, until)) {
    if (count >= maxScan) return { count, first, last, atLeast: true };
    first ??= at;
    last = at;
    count++;
  }
  return { count, first, last, atLeast: false };
}

function* iterateInstants(schedule: Schedule, after: number, until: number): Generator<number> {
  if (until <= after) return;
  const it = CronExpressionParser.parse(schedule.cron, {
    tz: zoneOf(schedule),
    currentDate: new Date(after),
    endDate: new Date(until + 1),
  });
  let previous = after;
  while (it.hasNext()) {
    const at = it.next().getTime();
    if (at > until) return;
    // Never the same instant twice (see cronFires).
    if (at > previous) yield at;
    previous = Math.max(previous, at);
  }
}
