/**
 * A preflight on the audit trail: one 'preflight' record with the per-target results, in a chain
 * of its own (one per check), so it never interleaves with a run's or a scheduler's chain and
 * `kanslist audit verify` checks it like any other. No secrets: the login error is redacted and
 * the record holds no credentials.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { redactDeep } from '../redact/redact.ts';
import { openAuditTrail } from '../audit/trail.ts';
import type { Store } from '../store/index.ts';
import type { PreflightReport } from './types.ts';

export interface PreflightAuditInfo {
  /** Content hash of the system map file. */
  mapVersion: string;
  mapFile: string;
  /** The screens asked for (undefined: all), and the bot they were taken from, if any. */
  screens: readonly string[] | undefined;
  bot: string | undefined;
  /** Evidence folders kept on failure, relative to the project. */
  evidence: readonly string[];
}

/** The id of a check's audit chain; also names its evidence folder. */
export function preflightChainId(system: string, at: number): string {
  return `preflight:${system}:${new Date(at).toISOString()}:${randomUUID().slice(0, 8)}`;
}

/** Appends the record to the chain `chain` (from preflightChainId). */
export async function recordPreflight(
  store: Store,
  chain: string,
  report: PreflightReport,
  info: PreflightAuditInfo,
  options: { key?: Buffer | null } = {},
): Promise<void> {
  const trail = await openAuditTrail(
    store,
    { runId: chain, bot: info.bot ?? 'preflight', botVersion: info.mapVersion, host: hostname() },
    { key: options.key ?? null },
  );
  try {
    await trail.append({
      kind: 'preflight',
      at: report.startedAt,
      data: redactDeep({
        ...report,
        mapFile: info.mapFile,
        screens: info.screens ?? null,
        bot: info.bot ?? null,
        evidence: info.evidence,
      }) as Record<string, unknown>,
    });
  } finally {
    await trail.close();
  }
}
