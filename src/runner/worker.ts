/**
 * One worker: claim an item, make sure there is a logged-in session, process the item under a
 * lease heartbeat and a timeout, record the outcome. Several workers run side by side in one
 * runner, each with its own browser context (its session), recorder and log.
 */
import type { Browser } from 'playwright-core';
import { errorCode, errorReason, TransientUiError } from '../errors.ts';
import { redactedErrorDetails } from './reason-details.ts';
import type { Logger } from '../log/logger.ts';
import { redact } from '../redact/redact.ts';
import { LeaseLostError, type ClaimScope, type Store, type WorkItem } from '../store/index.ts';
import type { Credentials } from '../ui/index.ts';
import type { AnyBot, AnySystem, BotSettings } from './bot.ts';
import { createBotContext } from './bot-context.ts';
import { decideRetry, errorKind, type RetryPolicy } from './retry-policy.ts';
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
import { withTimeout } from '../util/with-timeout.ts';

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
  /** The bot's retry settings, defaults filled in (retryPolicyOf). */
  retry: RetryPolicy;
  onOutcome(outcome: ItemOutcome): void;
  onFatal(error: unknown): void;
}

type Reported = Omit<ItemOutcome, 'itemId' | 'key' | 'attempt' | 'durationMs'>;

export class Worker {
  readonly #shared: WorkerShared;
  readonly #id: string;
  readonly #log: Logger;
  readonly #recorder: RunRecorder;
  /** The logged-in browser context, kept across items until a system exception discards it. */
  #session: Session | undefined;
  /** The evidence folder of the item in hand: where the session's recorder writes. */
  #dir: string;

  constructor(shared: WorkerShared, id: string) {
    this.#shared = shared;
    this.#id = id;
    this.#log = shared.log.child({ worker: id });
    this.#recorder = createRecorder({
      store: shared.store,
      runId: shared.runId,
      system: shared.system.name,
      log: this.#log,
      trail: shared.trail,
    });
    this.#dir = join(shared.varDir, 'runs', shared.runId);
  }

  /** Works until nothing is left, or the run stops; closes its session at the end. */
  async run(): Promise<void> {
    const shared = this.#shared;
    try {
      while (!shared.stop.aborted) {
        // 1. Claim the next item (not while the system is down), or wait until another worker's item may come back for a retry.
        await shared.breaker.whenClosed();
        if (shared.stop.aborted) break;
        const item = await shared.store.queue.claim(shared.bot.name, {
          ...shared.scope,
          runId: shared.runId,
          workerId: this.#id,
          leaseMs: shared.leaseMs,
        });
        if (!item) {
          if (await this.#noMoreWork()) break;
          continue;
        }
        shared.work.inFlight++;
        try {
          // 2. A logged-in session; 3. the item under heartbeat and timeout; 4. its outcome.
          this.#dir = itemEvidenceDir(shared.varDir, shared.runId, item.id);
          await this.#processClaimed(item);
        } finally {
          shared.work.inFlight--;
          shared.work.notify();
        }
      }
    } finally {
      await this.#discardSession();
    }
  }

  /** True when nothing is pending and no other worker holds an item that might come back. */
  async #noMoreWork(): Promise<boolean> {
    const shared = this.#shared;
    const next = await shared.store.queue.nextAvailableAt(shared.bot.name, shared.scope);
    if (next === undefined && shared.work.inFlight === 0) return true;
    await shared.work.wait(next, shared.stop);
    return false;
  }

  async #processClaimed(item: WorkItem): Promise<void> {
    const shared = this.#shared;
    const started = Date.now();
    const dir = this.#dir;
    const itemLog = this.#log.child({ item: item.key });
    this.#recorder.setItem(item.id, itemLog, item.key);
    await shared.trail.append({
      kind: 'item.transition',
      itemId: item.id,
      itemKey: item.key,
      data: { from: 'pending', to: 'running', attempt: item.attempts, worker: this.#id },
    });
    const heartbeat = this.#startHeartbeat(item.id);
    // A login that fails (an error page after the login post) leaves no session to capture from:
    // its evidence is captured before the context closes, and reported as this attempt's evidence.
    let loginEvidence: string | undefined;
    try {
      const session = (this.#session ??= await this.#openSession((path) => (loginEvidence = path)));
      await session.startItemTrace(`${shared.bot.name} ${item.key}`, item.attempts);
      const result = await withItemTimeout(this.#runItem(item, session, itemLog, heartbeat.lost), shared.itemTimeoutMs, item.key);
      await session.stopItemTrace(false, join(dir, `trace-attempt-${item.attempts}.zip`));
      // Completing throws LeaseLostError when another runner took the item over: reported as lost.
      await shared.store.queue.complete(item.id, this.#id, result.output ?? null);
      await this.#report(item, started, { kind: result.verified ? 'verified' : 'done', output: result.output });
    } catch (error) {
      const session = this.#session;
      const code = errorCode(error);
      const evidence = session
        ? await shared.evidence.capture(session.page, shared.system, dir, code).catch(() => undefined)
        : loginEvidence;
      const trace = session
        ? await session.stopItemTrace(true, join(dir, `trace-attempt-${item.attempts}.zip`)).catch(() => undefined)
        : undefined;
      const reason = redact(errorReason(error));
      if (heartbeat.lost.aborted || error instanceof LeaseLostError) {
        await this.#discardSession();
        await this.#report(item, started, { kind: 'lost', code, reason });
        return;
      }
      try {
        await this.#recordFailure(item, started, error, { code, reason, evidence: evidence ?? trace, log: itemLog });
      } catch (recordError) {
        if (!(recordError instanceof LeaseLostError)) throw recordError;
        await this.#discardSession();
        await this.#report(item, started, { kind: 'lost', code, reason });
      }
    } finally {
      heartbeat.stop();
    }
  }

  /** Carries out the retry policy's decision. A business exception keeps the session; any other discards it. */
  async #recordFailure(
    item: WorkItem,
    started: number,
    error: unknown,
    f: { code: string; reason: string; evidence: string | undefined; log: Logger },
  ): Promise<void> {
    const shared = this.#shared;
    const { code, reason, evidence } = f;
    const kind = errorKind(error);
    // A system exception: the context may be in any state, so it is thrown away.
    if (kind !== 'business') await this.#discardSession();
    // Only a system exception tells the breaker anything about the system.
    const systemDown = (kind === 'system' || kind === 'session-expired') && shared.breaker.recordFailure(item.id, code, reason);
    const decision = decideRetry({ error, attempt: item.attempts, maxAttempts: item.maxAttempts, systemDown }, shared.retry.backoff);
    switch (decision.action) {
      case 'review':
        await shared.store.queue.toReview(item.id, this.#id, { code, reason, details: redactedErrorDetails(error) });
        f.log.warn(`business exception ${code}: ${reason}`);
        return this.#report(item, started, { kind: 'review', code, reason, evidence });
      case 'stop':
        // Not this item's fault (a refused login, a bug in the bot): it waits, uncharged, for the next run.
        await shared.store.queue.release(item.id, this.#id);
        f.log.error(`fatal ${code}: ${reason} — the run stops; the item goes back to pending`);
        shared.onFatal(error);
        return this.#report(item, started, { kind: 'released', code, reason, evidence });
      case 'release':
        // The system itself looks down: the item goes back uncharged while the run probes the system.
        await shared.store.queue.release(item.id, this.#id);
        f.log.warn(`system exception ${code}: the system looks down; the item goes back to pending, its attempt not counted`);
        return this.#report(item, started, { kind: 'released', code, reason, evidence });
      case 'retry':
      case 'fail': {
        const to = decision.action === 'retry' ? 'pending' : 'failed';
        const retryDelayMs = decision.action === 'retry' ? decision.delayMs : 0;
        await shared.store.queue.fail(item.id, this.#id, { code, reason, details: redactedErrorDetails(error), retryDelayMs, to });
        f.log.warn(
          `system exception ${code} (attempt ${item.attempts}/${item.maxAttempts}): ${reason}${evidence ? ` — evidence ${evidence}` : ''}`,
        );
        return this.#report(item, started, { kind: decision.action === 'retry' ? 'retry' : 'failed', code, reason, evidence });
      }
    }
  }

  /** `onLoginEvidence` gets the folder of the evidence a failed login left (none when the same failure was kept before). */
  async #openSession(onLoginEvidence: (path: string) => void): Promise<Session> {
    const shared = this.#shared;
    return Session.open({
      browser: shared.browser,
      system: shared.system,
      baseUrl: shared.baseUrl,
      credentials: shared.credentials,
      recorder: this.#recorder,
      trace: shared.trace,
      timeoutMs: shared.timeoutMs,
      evidenceDir: () => this.#dir,
      locale: LANGUAGE_LOCALES[shared.settings.language],
      onLoginFailure: async (page, error) => {
        const path = await shared.evidence.capture(page, shared.system, this.#dir, `login-${errorCode(error)}`);
        if (path) onLoginEvidence(path);
      },
    });
  }

  async #discardSession(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    await session?.close();
  }

  async #runItem(item: WorkItem, session: Session, log: Logger, signal: AbortSignal): Promise<{ output: unknown; verified: boolean }> {
    const shared = this.#shared;
    const payload = revivePayload(shared.bot.input, item.payload);
    const ctx = createBotContext(shared, { session, item, log, dir: itemEvidenceDir(shared.varDir, shared.runId, item.id), signal });
    // A retry may follow an attempt that failed after its effect was made (a 500 page after the
    // save): ask the system first, so that the effect is never made twice. An item an operator
    // requeued starts again at attempt 1 but has earlier attempts on record: ask then too.
    if (shared.bot.verify && (item.attempts > 1 || (await shared.store.queue.attempts(item.id)).length > 1)) {
      const found = await shared.bot.verify(payload, ctx);
      if (found.exists) return { output: found.output ?? null, verified: true };
    }
    return { output: await shared.bot.process(payload, ctx), verified: false };
  }

  async #report(item: WorkItem, started: number, outcome: Reported): Promise<void> {
    const shared = this.#shared;
    const full: ItemOutcome = { itemId: item.id, key: item.key, attempt: item.attempts, durationMs: Date.now() - started, ...outcome };
    // The system answered (a business exception is an answer too): a run of failures starts over.
    if (outcome.kind === 'done' || outcome.kind === 'verified' || outcome.kind === 'review') shared.breaker.recordSuccess();
    await auditOutcome(shared.trail, full);
    shared.onOutcome(full);
  }

  #startHeartbeat(itemId: string): { lost: AbortSignal; stop(): void } {
    const shared = this.#shared;
    const lost = new AbortController();
    const timer = setInterval(
      () => {
        shared.store.queue.heartbeat(itemId, this.#id, shared.leaseMs).then(
          (held) => (held ? undefined : lost.abort()),
          () => undefined, // a failed heartbeat is retried at the next tick; the lease has slack for it
        );
      },
      Math.max(250, Math.floor(shared.leaseMs / 3)),
    );
    timer.unref();
    return { lost: lost.signal, stop: () => clearInterval(timer) };
  }
}

const STATUS_AFTER: Record<ItemOutcome['kind'], string> = {
  done: 'done',
  verified: 'done',
  review: 'review',
  retry: 'pending',
  failed: 'failed',
  released: 'pending',
  lost: 'unknown',
};

/** The item's transition, and the exception and evidence behind it, on the audit trail. */
async function auditOutcome(trail: AuditTrail, o: ItemOutcome): Promise<void> {
  const base = { itemId: o.itemId, itemKey: o.key };
  if (o.code) await trail.append({ ...base, kind: 'exception', data: { code: o.code, reason: o.reason ?? null, attempt: o.attempt } });
  if (o.evidence) await trail.append({ ...base, kind: 'evidence', data: { path: o.evidence, code: o.code ?? null } });
  const data = {
    from: 'running',
    to: STATUS_AFTER[o.kind],
    outcome: o.kind,
    attempt: o.attempt,
    durationMs: o.durationMs,
    output: o.output ?? null,
  };
  await trail.append({ ...base, kind: 'item.transition', data });
}

/** The item's whole attempt, bounded: a system that never answers must not hold a worker forever. */
function withItemTimeout<T>(work: Promise<T>, ms: number, key: string): Promise<T> {
  return withTimeout(
    work,
    ms,
    () =>
      new TransientUiError('KANSLIST_ITEM_TIMEOUT', `The item took longer than ${ms} ms.`, {
        where: `item ${key}`,
        remedy: 'Raise itemTimeoutMs if the system is this slow.',
      }),
  );
}
