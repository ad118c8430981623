/**
 * The alerts a fire raises: a run that failed, crashed or was stopped at its maximum duration,
 * new items in review, a failed preflight, and drift found by a preflight that still passed.
 * Messages name schedules, bots, systems, counts and target paths — never item data.
 */
import type { Alert } from '../../alerts/index.ts';
import type { PreflightReport } from '../../preflight/index.ts';
import type { RunSummary } from '../../runner/summary.ts';
import type { Schedule } from '../types.ts';
import type { LaunchResult } from './launcher.ts';

/** Items this run sent to a clerk: business exceptions, rejected input rows, uncertain items that could not be verified. */
export function newReviewItems(summary: RunSummary | undefined): number {
  if (!summary) return 0;
  return (summary.outcomes?.review ?? 0) + (summary.enqueue?.rejected ?? 0) + (summary.settle?.toReview ?? 0);
}

export function alertsAfterRun(schedule: Schedule, plannedAt: number, result: LaunchResult): Alert[] {
  const base = { schedule: schedule.name, bot: schedule.bot, ...(result.runId ? { runId: result.runId } : {}) };
  const details = {
    plannedAt: new Date(plannedAt).toISOString(),
    outcome: result.outcome,
    exitCode: result.exitCode,
    ...(result.error ? { error: result.error } : {}),
  };
  const alerts: Alert[] = [];
  if (result.outcome === 'timed-out') {
    const uncertain = result.uncertainItems ?? 0;
    alerts.push({
      ...base,
      kind: 'run-timed-out',
      message: `${schedule.name}: the run of ${schedule.bot} passed its maximum duration (${schedule.maxDurationMinutes ?? '?'} min) and was stopped; ${uncertain} item(s) in progress are uncertain until the next run verifies them`,
      details: { ...details, uncertainItems: uncertain },
    });
  } else if (result.outcome === 'failed' || result.outcome === 'crashed') {
    alerts.push({
      ...base,
      kind: 'run-failed',
      message: `${schedule.name}: the run of ${schedule.bot} ${result.outcome === 'crashed' ? 'crashed' : 'failed'}${result.error ? `: ${result.error}` : ''}`,
      details,
    });
  }
  const review = newReviewItems(result.summary);
  if (review > 0) {
    alerts.push({
      ...base,
      kind: 'review-items',
      message: `${schedule.name}: ${review} new item(s) of ${schedule.bot} wait in the review queue`,
      details: { ...details, review },
    });
  }
  return alerts;
}

export function preflightFailedAlert(schedule: Schedule, report: PreflightReport): Alert {
  const bad = report.targets.filter((t) => t.status === 'missing' || t.status === 'ambiguous');
  const login =
    report.login === 'failed'
      ? `login failed${report.loginError ? ` (${report.loginError})` : ''}`
      : `${report.counts.missing} target(s) missing, ${report.counts.ambiguous} ambiguous`;
  return {
    kind: 'preflight-failed',
    schedule: schedule.name,
    bot: schedule.bot,
    system: report.system,
    message: `${schedule.name}: preflight of ${report.system} failed, the run was not started: ${login}`,
    details: { login: report.login, counts: report.counts, targets: bad.map((t) => ({ path: t.path, status: t.status })) },
  };
}

export function driftAlert(schedule: Schedule, report: PreflightReport): Alert {
  const drifted = report.targets.filter((t) => t.status === 'drift');
  return {
    kind: 'drift',
    schedule: schedule.name,
    bot: schedule.bot,
    system: report.system,
    message: `${schedule.name}: preflight of ${report.system} passed, but ${drifted.length} target(s) matched only by a fallback strategy; update the system map`,
    details: { targets: drifted.map((t) => ({ path: t.path, matched: t.matched ?? null })) },
  };
}

/** One line for the ledger and the log: what a preflight found. */
export function preflightDetail(report: PreflightReport): string {
  const c = report.counts;
  const login = report.login === 'failed' ? `login failed${report.loginError ? ` (${report.loginError})` : ''}; ` : '';
  return `${login}${report.system}: ${c.ok} ok, ${c.drift} drift, ${c.missing} missing, ${c.ambiguous} ambiguous`;
}
