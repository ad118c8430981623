/**
 * One worker's loop: claim an item, make sure there is a logged-in session, process the item
 * under a lease heartbeat and a timeout, record the outcome. Several workers run side by side in
 * one runner, each with its own browser context.
 */
import type { Browser } from 'playwright-core';
import { errorCode, errorReason, FatalBotError, isBusinessError, SessionExpiredError, TransientUiError } from '../errors.ts';
import { redactedErrorDetails } from './reason-details.ts';
import type { Logger } from '../audit/logger.ts';
import { redact } from '../audit/redact.ts';
import { LeaseLostError, type ClaimScope, type Store, type WorkItem } from '../store/index.ts';
import type { Credentials } from '../ui/index.ts';
import { systemAddress, type AnyBot, type AnySystem, type BotContext, type BotSettings } from './bot.ts';
import { retryDelayMs } from './backoff.ts';
import { EvidenceKeeper, itemEvidenceDir } from './evidence.ts';
import type { ItemOutcome } from './outcome.ts';
import { revivePayload } from './payload.ts';
import { createRecorder, type RunRecorder } from './recorder.ts';
import { Session, type TraceMode } from './session.ts';
import { join } from 'node:path';
import type { WorkSignal } from './work-signal.ts';
import type { AuditTrail } from '../audit/trail.ts';
import { LANGUAGE_LOCALES } from '../config/config.ts';
import type { SystemBreaker } from './breaker.ts';

export interface WorkerShared {
  store: Store;
  bot: AnyBot;
  system: AnySystem;
  runId: string;
  browser: Browser;
  baseUrl: string;
  credentials: Credentials;
  /** The run's configuration as bots see it (`ctx.settings`). */
  settings: BotSettings;
  trace: TraceMode;
  timeoutMs: number;
  varDir: string;
  leaseMs: number;
  itemTimeoutMs: number;
  log: Logger;
  work: WorkSignal;
  evidence: EvidenceKeeper;
  trail: AuditTrail;
  /** Stop claiming new items (graceful stop, maximum duration, fatal error, system unavailable). */
  stop: AbortSignal;
  /** Opens when the system itself is down: workers stop claiming while it probes. */
  breaker: SystemBreaker;
  /** What the run may claim: its own input's items (unless it drains the backlog), of its environment. */
  scope: ClaimScope;
  onOutcome(outcome: ItemOutcome): void;
  onFatal(error: unknown): void;
}

export async function runWorker(shared: WorkerShared, workerId: string): Promise<void> {
  const log = shared.log.child({ worker: workerId });
  const recorder = createRecorder({ store: shared.store, runId: shared.runId, system: shared.system.name, log, trail: shared.trail });
  let currentDir = join(shared.varDir, 'runs', shared.runId);
  const evidenceDir = () => currentDir;
  let session: Session | undefined;
  try {
    while (!shared.stop.aborted) {
      // 1. Claim the next item (not while the system is down), or wait until another worker's item may come back for a retry.
      await shared.breaker.whenClosed();
      if (shared.stop.aborted) break;
      const item = await shared.store.queue.claim(shared.bot.name, { ...shared.scope, runId: shared.runId, workerId, leaseMs: shared.leaseMs });
      if (!item) {
        if (await noMoreWork(shared)) break;
        continue;
      }
      shared.work.inFlight++;
      try {
        // 2. A logged-in session; 3. the item under heartbeat and timeout; 4. its outcome.
        currentDir = itemEvidenceDir(shared.varDir, shared.runId, item.id);
        session = await processClaimed(shared, workerId, item, session, recorder, evidenceDir, log);
      } finally {
        shared.work.inFlight--;
        shared.work.notify();
      }
    }
  } finally {
    await session?.close();
  }
}

/** True when nothing is pending and no other worker holds an item that might come back. */
async function noMoreWork(shared: WorkerShared): Promise<boolean> {
  const next = await shared.store.queue.nextAvailableAt(shared.bot.name, shared.scope);
  if (next === undefined && shared.work.inFlight === 0) return true;
  await shared.work.wait(next, shared.stop);
  return false;
}

async function processClaimed(shared: WorkerShared, workerId: string, item: WorkItem, current: Session | undefined, recorder: RunRecorder, evidenceDir: () => string, log: Logger): Promise<Session | undefined> {
  const started = Date.now();
  const dir = itemEvidenceDir(shared.varDir, shared.runId, item.id);
  const itemLog = log.child({ item: item.key });
  recorder.setItem(item.id, itemLog, item.key);
  await shared.trail.append({ kind: 'item.transition', itemId: item.id, itemKey: item.key, data: { from: 'pending', to: 'running', attempt: item.attempts, worker: workerId } });
  const heartbeat = startHeartbeat(shared, workerId, item.id);
  let session = current;
  // A login that fails (an error page after the login post) leaves no session to capture from:
  // its evidence is captured before the context closes, and reported as this attempt's evidence.
  let loginEvidence: string | undefined;
  try {
    session ??= await openSession(shared, recorder, evidenceDir, (path) => (loginEvidence = path));
    await session.startItemTrace(`${shared.bot.name} ${item.key}`, item.attempts);
    const result = await withTimeout(runItem(shared, item, session, dir, itemLog, heartbeat.lost), shared.itemTimeoutMs, item.key);
    await session.stopItemTrace(false, join(dir, `trace-attempt-${item.attempts}.zip`));
    // Completing throws LeaseLostError when another runner took the item over: reported as lost.
    await shared.store.queue.complete(item.id, workerId, result.output ?? null);
    return report(shared, item, started, { kind: result.verified ? 'verified' : 'done', output: result.output }, session);
  } catch (error) {
    const code = errorCode(error);
    const evidence = session ? await shared.evidence.capture(session.page, shared.system, dir, code).catch(() => undefined) : loginEvidence;
    const trace = session ? await session.stopItemTrace(true, join(dir, `trace-attempt-${item.attempts}.zip`)).catch(() => undefined) : undefined;
    const reason = redact(errorReason(error));
    if (heartbeat.lost.aborted || error instanceof LeaseLostError) {
      await session?.close();
      return report(shared, item, started, { kind: 'lost', code, reason }, undefined);
    }
    try {
      return await recordFailure(shared, workerId, item, started, error, { code, reason, evidence: evidence ?? trace, session, log: itemLog });
    } catch (recordError) {
      if (!(recordError instanceof LeaseLostError)) throw recordError;
      await session?.close();
      return report(shared, item, started, { kind: 'lost', code, reason }, undefined);
    }
  } finally {
    heartbeat.stop();
  }
}

/** A business exception goes to review (the session stays); a system exception discards the session and retries. */
async function recordFailure(
  shared: WorkerShared, workerId: string, item: WorkItem, started: number, error: unknown,
  f: { code: string; reason: string; evidence: string | undefined; session: Session | undefined; log: Logger },
): Promise<Session | undefined> {
  const { code, reason, evidence, session } = f;
  if (isBusinessError(error)) {
    await shared.store.queue.toReview(item.id, workerId, { code, reason, details: redactedErrorDetails(error) });
    f.log.warn(`business exception ${code}: ${reason}`);
    return report(shared, item, started, { kind: 'review', code, reason, evidence }, session);
  }
  // A system exception: the context may be in any state, so it is thrown away.
  await session?.close();
  if (error instanceof FatalBotError) {
    // Not this item's fault (a refused login, a bug in the bot): it waits, uncharged, for the next run.
    await shared.store.queue.release(item.id, workerId);
    f.log.error(`fatal ${code}: ${reason} — the run stops; the item goes back to pending`);
    shared.onFatal(error);
    return report(shared, item, started, { kind: 'released', code, reason, evidence }, undefined);
  }
  if (shared.breaker.recordFailure(item.id, code, reason)) {
    // The system itself looks down: the item goes back uncharged while the run probes the system.
    await shared.store.queue.release(item.id, workerId);
    f.log.warn(`system exception ${code}: the system looks down; the item goes back to pending, its attempt not counted`);
    return report(shared, item, started, { kind: 'released', code, reason, evidence }, undefined);
  }
  const delay = error instanceof SessionExpiredError ? 0 : retryDelayMs(item.attempts);
  const status = await shared.store.queue.fail(item.id, workerId, { code, reason, details: redactedErrorDetails(error), retryDelayMs: delay });
  f.log.warn(`system exception ${code} (attempt ${item.attempts}/${item.maxAttempts}): ${reason}${evidence ? ` — evidence ${evidence}` : ''}`);
  return report(shared, item, started, { kind: status === 'pending' ? 'retry' : 'failed', code, reason, evidence }, undefined);
}

/** `onLoginEvidence` gets the folder of the evidence a failed login left (none when the same failure was kept before). */
async function openSession(shared: WorkerShared, recorder: RunRecorder, evidenceDir: () => string, onLoginEvidence: (path: string) => void): Promise<Session> {
  return Session.open({
    browser: shared.browser,
    system: shared.system,
    baseUrl: shared.baseUrl,
    credentials: shared.credentials,
    recorder,
    trace: shared.trace,
    timeoutMs: shared.timeoutMs,
    evidenceDir,
    locale: LANGUAGE_LOCALES[shared.settings.language],
    onLoginFailure: async (page, error) => {
      const path = await shared.evidence.capture(page, shared.system, evidenceDir(), `login-${errorCode(error)}`);
      if (path) onLoginEvidence(path);
    },
  });
}

async function runItem(shared: WorkerShared, item: WorkItem, session: Session, dir: string, log: Logger, signal: AbortSignal): Promise<{ output: unknown; verified: boolean }> {
  const payload = revivePayload(shared.bot.input, item.payload);
  const ctx: BotContext = {
    ui: session.ui,
    page: session.page,
    item: { id: item.id, key: item.key, attempt: item.attempts, source: item.source },
    runId: shared.runId,
    log,
    credentials: shared.credentials,
    settings: shared.settings,
    system: systemAddress(shared.system.name, shared.baseUrl),
    evidence: { dir, capture: async (label) => void (await shared.evidence.capture(session.page, shared.system, dir, label)) },
    signal,
  };
  // A retry may follow an attempt that failed after its effect was made (a 500 page after the
  // save): ask the system first, so that the effect is never made twice. An item an operator
  // requeued starts again at attempt 1 but has earlier attempts on record: ask then too.
  if (shared.bot.verify && (item.attempts > 1 || (await shared.store.queue.attempts(item.id)).length > 1)) {
    const found = await shared.bot.verify(payload, ctx);
    if (found.exists) return { output: found.output ?? null, verified: true };
  }
  return { output: await shared.bot.process(payload, ctx), verified: false };
}

async function report(shared: WorkerShared, item: WorkItem, started: number, outcome: Omit<ItemOutcome, 'itemId' | 'key' | 'attempt' | 'durationMs'>, session: Session | undefined): Promise<Session | undefined> {
  const full: ItemOutcome = { itemId: item.id, key: item.key, attempt: item.attempts, durationMs: Date.now() - started, ...outcome };
  // The system answered (a business exception is an answer too): a run of failures starts over.
  if (outcome.kind === 'done' || outcome.kind === 'verified' || outcome.kind === 'review') shared.breaker.recordSuccess();
  await auditOutcome(shared.trail, full);
  shared.onOutcome(full);
  return session;
}

const STATUS_AFTER: Record<ItemOutcome['kind'], string> = { done: 'done', verified: 'done', review: 'review', retry: 'pending', failed: 'failed', released: 'pending', lost: 'unknown' };

/** The item's transition, and the exception and evidence behind it, on the audit trail. */
async function auditOutcome(trail: AuditTrail, o: ItemOutcome): Promise<void> {
  const base = { itemId: o.itemId, itemKey: o.key };
  if (o.code) await trail.append({ ...base, kind: 'exception', data: { code: o.code, reason: o.reason ?? null, attempt: o.attempt } });
  if (o.evidence) await trail.append({ ...base, kind: 'evidence', data: { path: o.evidence, code: o.code ?? null } });
  const data = { from: 'running', to: STATUS_AFTER[o.kind], outcome: o.kind, attempt: o.attempt, durationMs: o.durationMs, output: o.output ?? null };
  await trail.append({ ...base, kind: 'item.transition', data });
}

function startHeartbeat(shared: WorkerShared, workerId: string, itemId: string): { lost: AbortSignal; stop(): void } {
  const lost = new AbortController();
  const timer = setInterval(() => {
    shared.store.queue.heartbeat(itemId, workerId, shared.leaseMs).then(
      (held) => (held ? undefined : lost.abort()),
      () => undefined, // a failed heartbeat is retried at the next tick; the lease has slack for it
    );
  }, Math.max(250, Math.floor(shared.leaseMs / 3)));
  timer.unref();
  return { lost: lost.signal, stop: () => clearInterval(timer) };
}

async function withTimeout<T>(work: Promise<T>, ms: number, key: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TransientUiError('KANSLIST_ITEM_TIMEOUT', `The item took longer than ${ms} ms.`, { where: `item ${key}`, remedy: 'Raise itemTimeoutMs if the system is this slow.' })),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
