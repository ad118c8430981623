/**
 * The rules a fire passes before it runs, in order: the calendar and windows (decideFire), the
 * operator's pause, overlap with a run still going, and the preflight check. The first rule that
 * stops the fire says what to record.
 */
import { errorMessage } from '../../errors.ts';
import type { PreflightReport } from '../../preflight/index.ts';
import { decideFire } from '../decide.ts';
import type { Decision, ScheduleLedger } from '../ledger.ts';
import type { Schedule } from '../types.ts';
import { preflightDetail } from './fire-alerts.ts';

export type GateResult =
  | { pass: true; preflight?: PreflightReport }
  | { pass: false; kind: 'blocked'; reason: string; detail: string }
  | { pass: false; kind: 'overlap'; running: Busy }
  | { pass: false; kind: 'preflight'; detail: string; report?: PreflightReport };

/** A run of the schedule still going: this scheduler's own child, or another scheduler's lease. */
export interface Busy {
  plannedAt: number;
  /** 'queued' when the fire holding the schedule is itself waiting. */
  decision: Decision['decision'];
  by: string;
  local: boolean;
}

export interface GateContext {
  ledger: ScheduleLedger;
  busy(schedule: Schedule, now: number): Promise<Busy | undefined>;
  preflight?: ((schedule: Schedule) => Promise<PreflightReport>) | undefined;
}

/** Checks every rule at `at` (the cron instant, or now for a catch-up or a manual fire). */
export async function checkGate(
  ctx: GateContext,
  schedule: Schedule,
  at: number,
  options: { skipPreflight?: boolean } = {},
): Promise<GateResult> {
  // 1. The calendar and the system's windows.
  const calendar = decideFire(schedule, new Date(at));
  if (!calendar.run) return { pass: false, kind: 'blocked', reason: calendar.reason, detail: calendar.detail };
  // 2. An operator paused the schedule (read each time: another process may have done it).
  const paused = await checkPause(ctx.ledger, schedule);
  if (paused) return paused;
  // 3. The previous run still going.
  const running = await ctx.busy(schedule, at);
  if (running) return { pass: false, kind: 'overlap', running };
  // 4. The system itself, when the schedule asks for a preflight.
  if (schedule.preflight && !options.skipPreflight) return await checkPreflight(ctx, schedule);
  return { pass: true };
}

export async function checkPause(ledger: ScheduleLedger, schedule: Schedule): Promise<GateResult | undefined> {
  const state = await ledger.state(schedule.name);
  if (!state.paused) return undefined;
  const since = state.pausedAt ? ` since ${new Date(state.pausedAt).toISOString()}` : '';
  const detail = `paused by ${state.pausedBy ?? 'an operator'}${since}${state.pauseNote ? `: ${state.pauseNote}` : ''}`;
  return { pass: false, kind: 'blocked', reason: 'paused', detail };
}

export async function checkPreflight(ctx: GateContext, schedule: Schedule): Promise<GateResult> {
  if (!ctx.preflight) return { pass: true };
  let report: PreflightReport;
  try {
    report = await ctx.preflight(schedule);
  } catch (error) {
    return { pass: false, kind: 'preflight', detail: `the preflight check could not run: ${errorMessage(error)}` };
  }
  if (!report.ok) return { pass: false, kind: 'preflight', detail: preflightDetail(report), report };
  return { pass: true, preflight: report };
}

export function overlapDetail(busy: Busy): string {
  const what = busy.decision === 'queued' ? 'a queued fire' : 'the run';
  return `${what} planned ${new Date(busy.plannedAt).toISOString()} (${busy.local ? 'this scheduler' : busy.by}) is still going`;
}
