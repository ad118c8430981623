/**
 * One run of one bot, start to end:
 *   1. load the bot and check access to its system (before any browser starts)
 *   2. open the store, record the run, recover what crashed runs left behind
 *   3. read the input into the queue (idempotent per key)
 *   4. settle uncertain items (verify, or review)
 *   5. run the workers until the queue is empty, a stop is asked, or the maximum duration passes
 *   6. record the end and return the summary
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createLogger, type Logger } from '../audit/logger.ts';
import { storeUrl as resolveStoreUrl, type LoadedConfig } from '../config/load.ts';
import { errorMessage } from '../errors.ts';
import { openStore, type EnqueueResult, type RunStatus, type Store } from '../store/index.ts';
import { launchBrowser } from '../ui/browser.ts';
import { enqueueInput, openInput } from './enqueue.ts';
import type { InputRow } from '../inputs/index.ts';
import { EvidenceKeeper } from './evidence.ts';
import { loadBot, type LoadedBot } from './load-bot.ts';
import type { ItemOutcome } from './outcome.ts';
import { createRecorder } from './recorder.ts';
import { recoverInterruptedWork } from './recovery.ts';
import { Session, type TraceMode } from './session.ts';
import { summarise, type RunSummary, type RunTally } from './summary.ts';
import { accountFor, systemAccounts, systemBaseUrl, workerCount } from './system-access.ts';
import { openVault } from '../vault/index.ts';
import { auditKeyFromEnv, openAuditTrail, type AuditTrail } from '../audit/trail.ts';
import { settleUncertain, type SettleResult } from './uncertain.ts';
import { runWorker, type WorkerShared } from './worker.ts';
import { WorkSignal } from './work-signal.ts';

export interface RunBotOptions {
  config: LoadedConfig;
  bot: string;
  /** Input file; overrides the one the bot's source names. */
  input?: string | undefined;
  /** Workers; capped by the bot's concurrency and the system's session limit. */
  concurrency?: number | undefined;
  headed?: boolean | undefined;
  /** @default 'retain-on-failure' */
  trace?: TraceMode | undefined;
  /** Store URL; overrides the config's. */
  storeUrl?: string | undefined;
  /** What started the run: 'cli', 'demo', 'schedule:<name>'. @default 'cli' */
  trigger?: string | undefined;
  log?: Logger | undefined;
  /** Aborting it stops claiming; items in progress are finished. */
  signal?: AbortSignal | undefined;
  /** Overrides the bot's maxRunMs. */
  maxRunMs?: number | undefined;
  /** Timeout of each wait in the legacy system. @default 15000 */
  timeoutMs?: number | undefined;
  /** Lease on a claimed item; a dead runner's items become uncertain after it. @default 30000 */
  leaseMs?: number | undefined;
  onStart?(info: { runId: string; workers: number; pending: number; enqueue: EnqueueResult | null; settle: SettleResult | null }): void;
  onOutcome?(outcome: ItemOutcome): void;
  env?: NodeJS.ProcessEnv | undefined;
}

export async function runBot(options: RunBotOptions): Promise<RunSummary> {
  const { config } = options;
  const env = options.env ?? process.env;
  const log = options.log ?? createLogger({ console: false });
  // 1. The bot, its system's address and credentials: every mistake here is found before a browser starts.
  const loaded = await loadBot(options.bot, config.paths);
  const { bot } = loaded;
  const baseUrl = systemBaseUrl(bot.system, config, env);
  const accounts = systemAccounts(bot.system, env, openVault({ env, varDir: config.paths.var }));
  const credentials = accounts[0]!;
  const auditKey = auditKeyFromEnv(env);
  // The input file, its sheet and columns too: a usage mistake leaves the store untouched.
  const input = await openRunInput(loaded, options, config.root);
  const store = await openStore(resolveStoreUrl(config, options.storeUrl));
  let browser: Browser | undefined;
  try {
    // 2. The run record, and what crashed runs left behind.
    const run = await store.runs.create({ bot: bot.name, botVersion: loaded.version, trigger: options.trigger ?? 'cli', host: hostname(), pid: process.pid, input: options.input ?? null });
    const runLog = log.child({ runId: run.id });
    const trail = await openAuditTrail(store, { bot: bot.name, botVersion: loaded.version, host: run.host, runId: run.id }, { key: auditKey });
    await trail.append({ kind: 'run.start', data: { trigger: run.trigger, pid: run.pid, input: options.input ?? null, botFile: loaded.file, systemFile: loaded.systemFile ?? null, system: bot.system.name } });
    const heartbeat = setInterval(() => void store.runs.heartbeat(run.id).catch(() => undefined), 5_000);
    heartbeat.unref();
    const tally = newTally();
    let status: RunStatus = 'finished';
    try {
      await recoverInterruptedWork(store, bot.name, run.id, options.leaseMs ?? 30_000, runLog, trail);
      // 3. The input, into the queue.
      const enqueue = input && (await enqueueInput({ store, bot, runId: run.id, file: options.input, cwd: config.root, maxAttempts: bot.maxAttempts ?? 3, signal: options.signal, rows: input.rows }));
      if (enqueue) await trail.append({ kind: 'item.transition', data: { event: 'enqueued', ...enqueue } });
      // 4.-5. Browser, uncertain items, workers.
      browser = await launchBrowser({ headless: !(options.headed ?? false) && config.browser.headless, executablePath: config.browser.executablePath });
      const stop = new AbortController();
      const onStop = () => stop.abort();
      options.signal?.addEventListener('abort', onStop, { once: true });
      const maxRunMs = options.maxRunMs ?? bot.maxRunMs ?? 3_600_000;
      const deadline = setTimeout(() => ((status = 'timed-out'), stop.abort()), maxRunMs);
      try {
        const shared = workerShared(options, loaded, store, run.id, browser, baseUrl, credentials, runLog, stop.signal, tally, trail);
        const settle = await settleUncertain({
          store, bot, runId: run.id, log: runLog, signal: stop.signal, credentials, trail,
          items: await store.queue.list({ bot: bot.name, status: 'uncertain' }),
          openSession: () => Session.open({ ...sessionOptions(shared), recorder: createRecorder({ store, runId: run.id, system: bot.system.name, log: runLog, trail }) }),
        });
        tally.settle = settle;
        const workers = workerCount(options.concurrency ?? bot.concurrency ?? 1, bot.system, accounts.length);
        const pending = (await store.queue.counts({ bot: bot.name })).pending;
        options.onStart?.({ runId: run.id, workers, pending, enqueue, settle });
        tally.enqueue = enqueue;
        await Promise.all(Array.from({ length: workers }, (_, i) => runWorker({ ...shared, credentials: accountFor(i, accounts) }, `${hostname()}:${process.pid}:${run.id.slice(0, 8)}:w${i + 1}`)));
        if (options.signal?.aborted && status === 'finished') status = 'interrupted';
        if (tally.fatal) status = 'crashed';
      } finally {
        clearTimeout(deadline);
        options.signal?.removeEventListener('abort', onStop);
      }
    } catch (error) {
      status = 'crashed';
      tally.fatal ??= errorMessage(error);
      throw error;
    } finally {
      clearInterval(heartbeat);
      const counted = await summarise(store, run.id, bot.name, loaded.version, tally, config.paths.var);
      await trail.append({ kind: 'run.end', data: { status, outcomes: counted.outcomes, enqueue: counted.enqueue, settle: counted.settle, fatal: counted.fatal ?? null } });
      await trail.close();
      const summary = { ...counted, status, auditHead: trail.head() };
      await store.runs.finish(run.id, status, summary);
      tally.summary = summary;
    }
    return tally.summary;
  } finally {
    await browser?.close().catch(() => undefined);
    await store.close();
  }
}

/** The run's input, opened (file sources read up to their first row), or null when the bot has none. */
async function openRunInput(loaded: LoadedBot, options: RunBotOptions, cwd: string): Promise<{ rows: AsyncIterable<InputRow<unknown>> | undefined } | null> {
  const source = loaded.bot.input;
  const hasInput = options.input !== undefined || source.kind === 'function' || ('file' in source && source.file !== undefined);
  if (!hasInput) return null;
  return { rows: await openInput(loaded.bot, { file: options.input, cwd, signal: options.signal }) };
}

function newTally(): RunTally {
  return { outcomes: { done: 0, verified: 0, review: 0, retry: 0, failed: 0, released: 0, lost: 0 }, enqueue: null, settle: null, fatal: undefined, summary: undefined as unknown as RunSummary };
}

function workerShared(options: RunBotOptions, loaded: LoadedBot, store: Store, runId: string, browser: Browser, baseUrl: string, credentials: WorkerShared['credentials'], log: Logger, stop: AbortSignal, tally: RunTally, trail: AuditTrail): WorkerShared {
  const stopController = new AbortController();
  stop.addEventListener('abort', () => stopController.abort(), { once: true });
  return {
    store, bot: loaded.bot, system: loaded.bot.system, runId, browser, baseUrl, credentials, log, trail,
    trace: options.trace ?? 'retain-on-failure',
    timeoutMs: options.timeoutMs ?? 15_000,
    varDir: options.config.paths.var,
    leaseMs: options.leaseMs ?? 30_000,
    itemTimeoutMs: loaded.bot.itemTimeoutMs ?? 120_000,
    work: new WorkSignal(),
    evidence: new EvidenceKeeper(),
    stop: stopController.signal,
    onOutcome: (outcome) => {
      tally.outcomes[outcome.kind]++;
      options.onOutcome?.(outcome);
    },
    onFatal: (error) => {
      tally.fatal = errorMessage(error);
      stopController.abort();
    },
  };
}

function sessionOptions(shared: WorkerShared) {
  const dir = join(shared.varDir, 'runs', shared.runId, 'verify');
  return { browser: shared.browser, system: shared.system, baseUrl: shared.baseUrl, credentials: shared.credentials, trace: 'off' as const, timeoutMs: shared.timeoutMs, evidenceDir: () => dir };
}
