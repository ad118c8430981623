/**
 * What the audit page shows of a whole-store verification: one list of problems, each under the
 * name of its kind (translated on the page, so an auditor reads "A whole chain was deleted", not a
 * code) with the chain or run it concerns and the technical detail; what retention purged and
 * when; which checkpoint the store was compared with; and whether a key protects the chains.
 */
import type { StoreVerification } from '../audit/trail.ts';

export interface AuditFinding {
  /** A kind of the chain check, the ledger, the checkpoint or the cross-check: a key of `audit.problems`. */
  kind: string;
  /** The chain, run or item concerned, when one is. */
  subject?: string;
  /** The record the chain breaks at (chain checks only). */
  seq?: number;
  /** The verifier's own words: English, shown as a technical detail. */
  detail: string;
}

export interface AuditFindings {
  chains: number;
  problems: AuditFinding[];
  /** Records whose personal fields retention replaced; they verify through their digests. */
  purged: { records: number; chains: number; lastAt: number } | undefined;
  /** When the external checkpoint compared with was taken; undefined when none is configured or written. */
  checkpointAt: number | undefined;
  checkpointConfigured: boolean;
  keyed: boolean;
}

export function auditFindings(v: StoreVerification, keyed: boolean): AuditFindings {
  const problems: AuditFinding[] = [];
  for (const { runId, result } of v.runs) {
    if (!result.ok)
      problems.push({ kind: result.firstBroken.problem, subject: runId, seq: result.firstBroken.seq, detail: result.firstBroken.detail });
  }
  for (const p of [...v.ledger.problems, ...(v.checkpoint?.problems ?? [])])
    problems.push({ kind: p.kind, ...(p.chainId === undefined ? {} : { subject: p.chainId }), detail: p.detail });
  for (const d of v.disagreements)
    problems.push({ kind: d.kind, ...((d.itemId ?? d.runId) === undefined ? {} : { subject: d.itemId ?? d.runId }), detail: d.detail });
  const purgedRuns = v.runs.flatMap((r) => (r.result.purged ? [r.result.purged] : []));
  const purged =
    purgedRuns.length === 0
      ? undefined
      : {
          records: purgedRuns.reduce((sum, p) => sum + p.records, 0),
          chains: purgedRuns.length,
          lastAt: Math.max(...purgedRuns.map((p) => p.lastAt)),
        };
  return {
    chains: v.runs.length,
    problems,
    purged,
    checkpointAt: v.checkpoint?.latest?.at,
    checkpointConfigured: v.checkpoint !== undefined,
    keyed,
  };
}
