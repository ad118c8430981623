/**
 * The next cron fire times from an instant, each with its decision. cron-parser with the schedule's
 * zone: in the spring-forward gap a missing local time (02:30 on 2026-03-29 in Europe/Stockholm)
 * fires once at the first time after the gap (03:30); in the fall-back hour a repeated local time
 * fires once, at its first occurrence (02:30 CEST).
 */
import { CronExpressionParser } from 'cron-parser';
import { decideFire } from './decide.ts';
import { zoneOf } from './define.ts';
import type { FireDecision, Schedule } from './types.ts';

export interface PlannedFire {
  at: Date;
  decision: FireDecision;
}

/** Fire times strictly after `from`. */
export function cronFires(schedule: Schedule, from: Date, count: number): Date[] {
  const it = CronExpressionParser.parse(schedule.cron, { tz: zoneOf(schedule), currentDate: from });
  const out: Date[] = [];
  while (out.length < count) {
    const next = it.next().toDate();
    // Guard: never list the same instant twice (some libraries repeat fall-back hours).
    if (out.length === 0 || next.getTime() > out[out.length - 1]!.getTime()) out.push(next);
  }
  return out;
}

export function nextFires(schedule: Schedule, from: Date, count: number): PlannedFire[] {
  return cronFires(schedule, from, count).map((at) => ({ at, decision: decideFire(schedule, at) }));
}
