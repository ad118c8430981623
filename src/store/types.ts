/**
 * The store's public contract: work items, their queue, runs and drift events.
 *
 * One conformance suite (tests/store/queue.conformance.ts) holds SQLite and PostgreSQL to it.
 * All times are epoch milliseconds. All ids are strings.
 */
import type { AuditStore } from './audit.ts';
import type { UserStore, WebSessionStore } from './users.ts';
import type { DashboardReads } from './dashboard.ts';
import type { RetentionStore } from './retention.ts';
import type { ReportReads } from './report-reads/index.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  readonly engine: Engine;
  readonly queue: WorkQueue;
  readonly runs: RunStore;
  /** The hash-chained audit trail's rows (hashing and verification: src/audit/trail.ts). */
  readonly audit: AuditStore;
  /** The control room's accounts (src/serve hashes the passwords). */
  readonly users: UserStore;
  /** The control room's server-side sessions. */
  readonly webSessions: WebSessionStore;
  /** Grouped reads for the control room's overview and queues pages. */
  readonly dashboard: DashboardReads;
  /** What run reports, the exceptions list and the time-saved report read (src/report shapes it). */
  readonly reports: ReportReads;
  /** Retention: finding and replacing what is past its period (src/audit/retention decides what). */
  readonly retention: RetentionStore;
  /** Closes the connection(s). Safe to call twice. */
  close(): Promise<void>;
}

export const ITEM_STATUSES = ['pending', 'running', 'done', 'review', 'failed', 'uncertain', 'handled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface WorkItem {
  id: string;
  bot: string;
  key: string;
  payload: unknown;
  status: ItemStatus;
  attempts: number;
  maxAttempts: number;
  availableAt: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  /** Where the item came from, e.g. 'input.xlsx row 7'. */
  source: string | null;
  /** For a 'handled' item: `{ handledNote: string }`, the clerk's note. */
  output: unknown;
  errorCode: string | null;
  /** Last error or business reason. */
  reason: string | null;
  /** What a reader's-language reason needs (Failure.details), as stored; null when none. */
  reasonDetails: unknown;
  enqueuedRunId: string | null;
  /** The system address (environment) the item is meant for; null for items from before it was recorded. */
  environment: string | null;
  lastRunId: string | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Of the last attempt. */
  durationMs: number | null;
}

export interface EnqueueInput {
  key: string;
  payload: unknown;
  source?: string;
  /** A row that failed validation: stored straight into 'review' with this reason, never processed. */
  rejected?: Failure;
}

export interface EnqueueResult {
  added: number;
  rejected: number;
  /** Keys already 'done' or 'handled': not enqueued again (idempotency). */
  skippedDone: number;
  /** Keys already pending/running/uncertain/review/failed (or repeated in the batch): not duplicated. */
  alreadyQueued: number;
  /** Of those, items waiting for another environment (system address): this run leaves them alone. */
  otherEnvironment?: number;
}

export interface EnqueueOptions {
  runId: string;
  maxAttempts: number;
  /** The system address or named environment the items are for. */
  environment?: string | undefined;
}

export interface ClaimScope {
  runId?: string | undefined;
  /** Only items this run's input named (run_scope); without it, the bot's whole backlog. */
  ownInputOnly?: boolean | undefined;
  /** Only items for this environment (and items from before environments were recorded). */
  environment?: string | undefined;
}

export interface ClaimOptions extends ClaimScope {
  runId: string;
  workerId: string;
  leaseMs: number;
  /** @default Date.now() */
  now?: number;
}

export interface Failure {
  code: string;
  reason: string;
  /**
   * What reports need to say the reason in the reader's language (src/errors.ts ReasonDetails:
   * parameters, the author's translations); stored as JSON next to the reason.
   */
  details?: object | null;
}

export interface ListFilter {
  bot?: string;
  /** Items with an attempt in that run OR enqueued by it. */
  runId?: string;
  status?: ItemStatus | ItemStatus[];
  /** @default 1000 */
  limit?: number;
  offset?: number;
}

export interface WorkQueue {
  /** Idempotent per (bot, key); the whole batch in one transaction. */
  enqueue(bot: string, items: EnqueueInput[], options: EnqueueOptions): Promise<EnqueueResult>;
  /** Atomically claim the next pending item whose availableAt <= now (oldest first), or undefined. */
  claim(bot: string, options: ClaimOptions): Promise<WorkItem | undefined>;
  /** Extend the lease; false if this worker no longer holds it (the worker must abandon the item). */
  heartbeat(itemId: string, workerId: string, leaseMs: number): Promise<boolean>;
  /** Throws LeaseLostError if this worker no longer holds the item. */
  complete(itemId: string, workerId: string, output: unknown): Promise<void>;
  /** Business exception: to review with the reason; never retried. Throws LeaseLostError like complete. */
  toReview(itemId: string, workerId: string, failure: Failure): Promise<void>;
  /**
   * System exception: pending again after retryDelayMs, or 'failed'. The runner passes its retry
   * policy's decision as `to`; without it (tools, seeds), the item's attempt limit decides.
   */
  fail(
    itemId: string,
    workerId: string,
    failure: Failure & { retryDelayMs: number; to?: 'pending' | 'failed' },
  ): Promise<'pending' | 'failed'>;
  /** Graceful shutdown: give the item back without counting the attempt. */
  release(itemId: string, workerId: string): Promise<void>;
  /** Running items whose lease expired (their runner died) become 'uncertain' — never pending. */
  expireLeases(bot: string, now?: number): Promise<WorkItem[]>;
  /** The runner of `runId` is known dead (its process is gone): its running items become 'uncertain' now, without waiting for the lease. */
  abandonRun(runId: string, now?: number): Promise<WorkItem[]>;
  /** When the next pending item of the bot becomes claimable (its retry backoff ends); undefined when none is pending. */
  nextAvailableAt(bot: string, scope?: ClaimScope): Promise<number | undefined>;
  /** After verification, only from 'uncertain': 'done' (effect exists), 'pending' (absent), 'review' (cannot tell). */
  resolveUncertain(itemId: string, to: 'done' | 'pending' | 'review', details?: ResolveUncertainDetails): Promise<void>;
  /** Operator or clerk: a 'review' or 'failed' item back to 'pending' with attempts reset; with `payload`, the corrected item replaces the stored one. */
  requeue(itemId: string, options?: { payload?: unknown }): Promise<void>;
  /**
   * Clerk: a 'review' item closed by a person; the note is kept as output `{ handledNote }`
   * (`{ handledNote, resolution: 'rejected' }` for a rejected application).
   */
  markHandled(itemId: string, note: string, resolution?: 'handled' | 'rejected'): Promise<void>;
  get(itemId: string): Promise<WorkItem | undefined>;
  /** Oldest first. */
  list(filter: ListFilter): Promise<WorkItem[]>;
  /** An item by its id, a unique id prefix (6+ characters) or its key; throws KANSLIST_ITEM_AMBIGUOUS when several match. */
  find(ref: string): Promise<WorkItem | undefined>;
  counts(filter: { bot?: string; runId?: string }): Promise<Record<ItemStatus, number>>;
  /** Oldest first. */
  attempts(itemId: string): Promise<ItemAttempt[]>;
  /** Ids of the uncertain items the run settled by `verify` without attempting them (they are in `list({ runId })` too). */
  settledIn(runId: string): Promise<string[]>;
}

export type AttemptOutcome = 'done' | 'review' | 'retry' | 'failed' | 'released' | 'uncertain';

export interface ItemAttempt {
  itemId: string;
  runId: string;
  attempt: number;
  workerId: string;
  startedAt: number;
  endedAt: number | null;
  outcome: AttemptOutcome | null;
  errorCode: string | null;
  reason: string | null;
}

/**
 * 'failed': a fatal error stopped it (a refused login, a bug in the bot); 'crashed': its process died;
 * 'system-unavailable': the breaker gave up on the system; 'interrupted': a graceful stop.
 */
export type RunStatus = 'running' | 'finished' | 'interrupted' | 'failed' | 'crashed' | 'timed-out' | 'system-unavailable';

export interface Run {
  id: string;
  bot: string;
  botVersion: string;
  /** 'cli', 'schedule:<name>', 'demo' */
  trigger: string;
  host: string;
  pid: number;
  startedAt: number;
  endedAt: number | null;
  heartbeatAt: number;
  status: RunStatus;
  input: string | null;
  summary: unknown;
}

export interface NewRun {
  bot: string;
  botVersion: string;
  trigger: string;
  host: string;
  pid: number;
  input?: string | null;
}

export interface RunStore {
  create(run: NewRun): Promise<Run>;
  heartbeat(runId: string): Promise<void>;
  finish(runId: string, status: RunStatus, summary: unknown): Promise<void>;
  /** Also accepts a unique id prefix of at least 6 characters; throws if the prefix is ambiguous. */
  get(runId: string): Promise<Run | undefined>;
  /** Newest first. @default limit 50 */
  list(options?: { bot?: string; limit?: number }): Promise<Run[]>;
  /** Runs still 'running' whose heartbeat is older than staleMs become 'crashed'. Returns them. */
  markStale(staleMs: number, now?: number): Promise<Run[]>;
  recordDrift(event: DriftEvent): Promise<void>;
  /** Grouped per (system, target, failedStrategy, matchedStrategy), first seen first. */
  drift(runId: string): Promise<DriftSummary[]>;
}

/** How an uncertain item is settled, beyond where it goes. */
export interface ResolveUncertainDetails {
  output?: unknown;
  reason?: string;
  /** The error code kept on the item ('pending' and 'review'). @default none for 'pending', KANSLIST_UNCERTAIN for 'review' */
  code?: string;
  /** 'pending' only: claimable after this delay (a verification that failed is retried with backoff). @default 0 */
  retryDelayMs?: number;
  /** Counts the settling as one of the item's attempts (a verification that failed). @default false */
  chargeAttempt?: boolean;
}

export interface DriftEvent {
  runId: string;
  itemId: string | null;
  system: string;
  target: string;
  failedStrategy: string;
  matchedStrategy: string;
  at: number;
}

export interface DriftSummary {
  system: string;
  target: string;
  failedStrategy: string;
  matchedStrategy: string;
  count: number;
  firstAt: number;
}
