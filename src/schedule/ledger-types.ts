/**
 * The schedule ledger's public types: what the scheduler decided for each planned fire, how a
 * fired run ended, and each schedule's operator state. See ledger.ts for the contract.
 */

export const DECISION_KINDS = ['fired', 'skipped', 'missed', 'caught-up', 'preflight-failed', 'queued'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_TRIGGERS = ['cron', 'catch-up', 'manual'] as const;
export type DecisionTrigger = (typeof DECISION_TRIGGERS)[number];

export const RUN_OUTCOMES = ['finished', 'not-all-done', 'failed', 'timed-out', 'crashed', 'interrupted'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export interface Decision {
  schedule: string;
  /** The cron instant (epoch ms); for a manual fire, the instant the operator asked. */
  plannedAt: number;
  decision: DecisionKind;
  /** A SkipReason, or 'paused' | 'overlap' | 'preflight' | 'manual'. */
  reason: string | null;
  detail: string | null;
  decidedAt: number;
  /** The deciding scheduler's owner id (host:pid). */
  decidedBy: string;
  trigger: DecisionTrigger;
  runId: string | null;
  pid: number | null;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  endedAt: number | null;
  outcome: RunOutcome | null;
  exitCode: number | null;
  /** Counts of the run, as the launcher reported them. */
  summary: unknown;
}

export interface ScheduleState {
  name: string;
  paused: boolean;
  pausedBy: string | null;
  pausedAt: number | null;
  pauseNote: string | null;
  /** The latest planned cron instant with a decision (manual fires do not count); null before the first. */
  lastPlannedAt: number | null;
}

export interface NewDecision {
  schedule: string;
  plannedAt: number;
  decision: DecisionKind;
  reason?: string | null;
  detail?: string | null;
  trigger: DecisionTrigger;
  /** The schedule's bot, for the audit record. */
  bot: string;
  /** For 'fired'/'caught-up' (and a 'queued' fire that will run): the lease the deciding scheduler holds while the child runs. */
  leaseMs?: number;
}

export interface RunResult {
  outcome: RunOutcome;
  exitCode: number | null;
  runId: string | null;
  summary?: unknown;
}

export interface DecisionFilter {
  schedule?: string;
  /** @default 100 */
  limit?: number;
  /** Only fires planned at or after this instant (epoch ms). */
  since?: number;
}

export interface ScheduleLedger {
  /** The owner id this ledger decides and holds leases as (host:pid). */
  readonly owner: string;
  /** The audit chain this ledger appends to ('scheduler:<owner>:<started ISO>'). */
  readonly chainId: string;
  /**
   * Inserts the decision unless one exists for (schedule, plannedAt); true when this caller won.
   * The winner also appends a 'schedule.decision' audit record to its chain and advances
   * state.last_planned_at (never backwards; manual fires leave it alone). The loser records nothing.
   */
  decide(decision: NewDecision, now?: number): Promise<boolean>;
  /** The child started: remember its pid (and run id once known; a later call may add it). */
  started(schedule: string, plannedAt: number, info: { pid: number; runId?: string | null }): Promise<void>;
  /**
   * Renews the lease of a fire this ledger owns; false when it is not ours, already ended, or its
   * lease expired and another fire of the schedule was decided since (taken over: lease lost).
   */
  heartbeat(schedule: string, plannedAt: number, leaseMs: number, now?: number): Promise<boolean>;
  /** The child ended: outcome, exit code, run id, counts, and an audit record. The first end recorded wins. */
  ended(schedule: string, plannedAt: number, result: RunResult, now?: number): Promise<void>;
  /** A fire of this schedule whose child is still running (ended_at null and lease not expired), if any. */
  running(schedule: string, now?: number): Promise<Decision | undefined>;
  /** Newest first (by planned instant). */
  decisions(filter?: DecisionFilter): Promise<Decision[]>;
  /** Defaults (not paused, nothing planned) when the schedule has no row yet. */
  state(schedule: string): Promise<ScheduleState>;
  /** Pauses the schedule (+ a 'schedule.operator' audit record). Pausing again records the new who/when/note. */
  pause(schedule: string, by: string, note?: string): Promise<void>;
  /** Resumes the schedule (+ a 'schedule.operator' audit record). */
  resume(schedule: string, by: string): Promise<void>;
  /** Flushes and closes the audit chain. Safe to call twice; the ledger cannot be used afterwards. */
  close(): Promise<void>;
}
