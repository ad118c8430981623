/** Counting a preflight's findings and deciding whether it passed. */
import { TARGET_CHECK_STATUSES, type PreflightReport, type TargetCheck, type TargetCheckStatus } from './types.ts';

export function summariseReport(found: {
  system: string;
  baseUrl: string;
  startedAt: number;
  login: PreflightReport['login'];
  loginError?: string | undefined;
  targets: TargetCheck[];
}): PreflightReport {
  const counts = Object.fromEntries(TARGET_CHECK_STATUSES.map((status) => [status, 0])) as Record<TargetCheckStatus, number>;
  for (const target of found.targets) counts[target.status]++;
  return {
    system: found.system,
    baseUrl: found.baseUrl,
    startedAt: found.startedAt,
    durationMs: Date.now() - found.startedAt,
    login: found.login,
    ...(found.loginError === undefined ? {} : { loginError: found.loginError }),
    targets: found.targets,
    counts,
    // Drift alone passes: the fallbacks work, and the report says which strategies to update.
    ok: found.login !== 'failed' && counts.missing === 0 && counts.ambiguous === 0,
    drift: counts.drift > 0,
  };
}

/** One line for logs and alerts: 'casehub: login ok; 21 ok, 6 drift, 0 missing, 0 ambiguous, 9 not checked'. */
export function describeReport(report: PreflightReport): string {
  const c = report.counts;
  const login = report.login === 'failed' ? `login FAILED (${report.loginError ?? 'no reason given'})` : `login ${report.login}`;
  return `${report.system}: ${login}; ${c.ok} ok, ${c.drift} drift, ${c.missing} missing, ${c.ambiguous} ambiguous, ${c['not-checked']} not checked`;
}
