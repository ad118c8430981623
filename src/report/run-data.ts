/**
 * What a run report shows, read from the store: the run's facts and counts (loaded once), and its
 * items sorted by finish time (paged with a keyset, so a run of 10 000 items is never in memory at
 * once). Payloads are never read: they hold identity numbers. Reasons and outputs pass through
 * redact() again on the way out, whatever was done when they were written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../redact/redact.ts';
import { auditKeyFromEnv, verifyRun, type VerifyResult } from '../audit/trail.ts';
import { ConfigError } from '../errors.ts';
import type { AttemptOutcome, AuditHead, EnqueueResult, ItemStatus, Run, RunItemRecord, Store } from '../store/index.ts';
import { driftWithSuggestions, type DriftRow } from './drift-suggestions.ts';
import { numberOrNull } from '../util/sql-numbers.ts';

export const ATTEMPT_OUTCOMES: readonly AttemptOutcome[] = ['done', 'review', 'retry', 'failed', 'released', 'uncertain'];

export interface RunReportData {
  run: Run;
  /** The run's input (a file path, usually), redacted: a file name may carry an identity number. */
  input: string | null;
  /** endedAt − startedAt; null while the run is still going. */
  durationMs: number | null;
  /** Items of the run (enqueued by it or attempted in it) by their status now. */
  counts: Record<ItemStatus, number>;
  /** Sum of `counts`. */
  items: number;
  /** Attempts made in this run, by how each ended (a retried item counts once per attempt). */
  attempts: Record<AttemptOutcome, number>;
  /** What the run's input gave, when the run recorded it (rows rejected by validation went to review). */
  enqueue: EnqueueResult | null;
  /** Per target and strategy pair, with the suggested new first strategy that would heal it. */
  drift: DriftRow[];
  /** `<var>/runs/<runId>`: every item's screenshots, HTML and traces are in a folder below it. */
  evidenceDir: string;
  /** The run's last audit record; null when the run wrote no audit trail. */
  auditHead: AuditHead | null;
  /** The hash chain checked up to the head; null when there is no trail to check. */
  verification: VerifyResult | null;
}

/** One item as the run report prints it. */
export interface RunItemRow {
  itemId: string;
  key: string;
  /** The item's status now (a review item a clerk handled since shows 'handled'). */
  status: ItemStatus;
  /** How its last attempt in this run ended; 'rejected' for an input row that failed validation; null if this run never tried it. */
  outcome: AttemptOutcome | 'rejected' | null;
  /** Attempts in this run. */
  attempts: number;
  startedAt: number | null;
  /** When its last attempt in this run ended (for a rejected row: when it was read); the sort order. */
  finishedAt: number | null;
  /** Time spent on the item in this run, over all its attempts. */
  durationMs: number | null;
  /** The output, as "name: value" text (e.g. "reference: 2026-000123"), redacted. */
  output: string;
  errorCode: string | null;
  /** The business or system reason, redacted: the developer's English text. */
  reason: string | null;
  /** The reason's facts and translations (JSON text), for localizeReason(). */
  reasonDetails: string | null;
  /** The item's evidence folder for this run, when anything was saved there. */
  evidence: string | null;
  /** Where the item came from, e.g. 'input.xlsx row 7'. */
  source: string | null;
}

/**
 * Loads the facts of one run (by id or unique prefix). Throws KANSLIST_RUN_UNKNOWN (exit 2) when there is none.
 * The chain is verified with `auditKey`, by default the key from KANSLIST_AUDIT_KEY(_FILE) as `kanslist audit verify` uses.
 */
export async function loadRunReportData(
  store: Store,
  runRef: string,
  options: { varDir: string; auditKey?: Buffer | null },
): Promise<RunReportData> {
  const run = await store.runs.get(runRef);
  if (!run) {
    throw new ConfigError('KANSLIST_RUN_UNKNOWN', 'No run has this id or id prefix.', {
      where: `run "${runRef}"`,
      remedy: 'See `kanslist runs` for the run ids (a unique prefix of 6+ characters is enough).',
    });
  }
  const counts = await store.queue.counts({ runId: run.id });
  const auditHead = (await store.audit.head(run.id)) ?? null;
  // Verified whenever anything is there: records without a head are a broken trail, not a missing one.
  const verification = await verifyRun(store, run.id, { key: options.auditKey === undefined ? auditKeyFromEnv() : options.auditKey });
  return {
    run,
    input: run.input === null ? null : redact(run.input),
    durationMs: run.endedAt === null ? null : run.endedAt - run.startedAt,
    counts,
    items: Object.values(counts).reduce((a, b) => a + b, 0),
    attempts: await store.reports.attemptOutcomes(run.id),
    enqueue: enqueueOf(run.summary),
    drift: await driftWithSuggestions(store, run.id, await store.runs.drift(run.id)),
    evidenceDir: join(options.varDir, 'runs', run.id),
    auditHead,
    verification: auditHead === null && verification.records === 0 ? null : verification,
  };
}

function enqueueOf(summary: unknown): EnqueueResult | null {
  if (!summary || typeof summary !== 'object') return null;
  const enqueue = (summary as { enqueue?: unknown }).enqueue;
  if (!enqueue || typeof enqueue !== 'object') return null;
  const e = enqueue as Partial<EnqueueResult>;
  return {
    added: Number(e.added ?? 0),
    rejected: Number(e.rejected ?? 0),
    skippedDone: Number(e.skippedDone ?? 0),
    alreadyQueued: Number(e.alreadyQueued ?? 0),
  };
}

export interface RunItemsOptions {
  varDir: string;
  /** Rows per query. @default 1000 */
  pageSize?: number;
}

/**
 * The run's items, oldest finish first (ties by insertion order), a page per query. Only the columns
 * the report prints are selected: never the payload.
 */
export async function* runItems(store: Store, runId: string, options: RunItemsOptions): AsyncGenerator<RunItemRow> {
  for await (const row of store.reports.runItems(runId, options.pageSize ?? 1000)) yield toRunItemRow(row, runId, options.varDir);
}

function toRunItemRow(row: RunItemRecord, runId: string, varDir: string): RunItemRow {
  const attempts = Number(row.n ?? 0);
  const rejected = Number(row.total_attempts) === 0 && row.enqueued_run_id === runId && row.status === 'review' && row.item_code !== null;
  const evidence = join(varDir, 'runs', runId, row.id);
  const code = attempts > 0 ? (row.attempt_code ?? null) : row.item_code;
  const reason = attempts > 0 ? (row.attempt_reason ?? null) : row.item_reason;
  return {
    itemId: row.id,
    key: row.key,
    status: row.status as ItemStatus,
    outcome: attempts > 0 ? ((row.outcome as AttemptOutcome | null) ?? null) : rejected ? 'rejected' : null,
    attempts,
    startedAt: numberOrNull(row.first_started),
    finishedAt: attempts > 0 ? numberOrNull(row.last_ended) : rejected ? Number(row.sort_at) : null,
    durationMs: attempts > 0 ? numberOrNull(row.work_ms) : null,
    output: formatOutput(parseJson(row.output)),
    errorCode: code,
    reason: reason === null ? null : redact(reason),
    reasonDetails: attempts > 0 ? (row.attempt_details ?? null) : row.item_details,
    evidence: existsSync(evidence) ? evidence : null,
    source: row.source === null ? null : redact(row.source),
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * An item's output as one line a person reads: `{ reference: '2026-000123' }` becomes
 * "reference: 2026-000123"; nested values are shown as compact JSON. Identity numbers and
 * registered secrets are masked.
 */
export function formatOutput(output: unknown): string {
  if (output === null || output === undefined) return '';
  if (typeof output !== 'object') return redact(valueText(output));
  if (Array.isArray(output))
    return redact(output.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', '));
  const parts = Object.entries(output as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}: ${valueText(v)}`);
  return redact(parts.join('; '));
}

/** One value as text: an object as compact JSON; a function (never data) by its kind, not its source. */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'symbol') return value.toString();
  return typeof value;
}
