/**
 * One run of one bot, start to end:
 *   1. load the bot, its credentials, audit key and input (before the store or a browser is touched)
 *   2. open the store, record the run, open its audit trail
 *   3. recover what crashed runs left behind; read the input into the queue (idempotent per key)
 *   4. settle uncertain items (verify, or review)
 *   5. run the workers until the queue is empty, a stop is asked, or the maximum duration passes
 *   6. record the end and return the summary
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createLogger, type Logger } from '../log/logger.ts';
import { storeUrl as resolveStoreUrl, type LoadedConfig } from '../config/load.ts';
import { ConfigError, errorMessage, KanslistError } from '../errors.ts';
import { openStore, type EnqueueResult, type Run, type RunStatus, type Store } from '../store/index.ts';
import { launchBrowser } from '../ui/browser.ts';
import { DEFAULT_TIMEOUT_MS } from '../ui/ui.ts';
import { enqueueInput, openInput } from './enqueue.ts';
import type { InputRow } from '../inputs/index.ts';
import { EvidenceKeeper } from './evidence.ts';
import { botSettings } from './bot.ts';
import { loadBot, type LoadedBot } from './load-bot.ts';
import type { ItemOutcome } from './outcome.ts';
import { createRecorder } from './recorder.ts';
import { recoverInterruptedWork } from './recovery.ts';
import { Session, type TraceMode } from './session.ts';
import { summarise, type RunSummary, type RunTally } from './summary.ts';
import { accountFor, systemAccounts, systemBaseUrl, workerCount } from './system-access.ts';
import { openVault, type RobotAccount } from '../vault/index.ts';
import { auditKeyFromEnv, openAuditTrail, type AuditTrail } from '../audit/trail.ts';
import { checkpointNow } from '../audit/checkpoint-publish.ts';
import { settleUncertain, type SettleResult } from './uncertain.ts';
import { Worker, type WorkerShared } from './worker.ts';
import { RUNNER_DEFAULTS } from './defaults.ts';
import { retryPolicyOf } from './retry-policy.ts';
import { WorkSignal } from './work-signal.ts';
import { breakerOptionsFor, SystemBreaker, type BreakerOptions } from './breaker.ts';

export interface RunBotOptions {
  config: LoadedConfig;
  bot: string;
  /** Input file; overrides the one the bot's source names. */
  input?: string | undefined;
  /** Workers; capped by the bot's concurrency and the system's session limit. */
  concurrency?: number | undefined;
  headed?: boolean | undefined;
  /** Playwright traces per item (see TraceMode). @default 'on-first-retry' */
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
  /** Timeout of each wait in the legacy system. @default the system map's `timeoutMs`, else 15000 */
  timeoutMs?: number | undefined;
  /** Lease on a claimed item; a dead runner's items become uncertain after it. @default 30000 */
  leaseMs?: number | undefined;
  /**
   * Work on the bot's whole backlog (every pending item of this environment), not only the items
   * this run's input names. What schedules do; `kanslist run --backlog`. @default false
   */
  backlog?: boolean | undefined;
  /** When a system that is down stops the run: failures in a row, logins tried, first wait. See BREAKER_DEFAULTS. */
  breaker?: BreakerOptions | undefined;
  onStart?(info: { runId: string; workers: number; pending: number; enqueue: EnqueueResult | null; settle: SettleResult | null }): void;
  onOutcome?(outcome: ItemOutcome): void;
  env?: NodeJS.ProcessEnv | undefined;
}

export async function runBot(options: RunBotOptions): Promise<RunSummary> {
  // 1. The bot, its system, credentials, audit key and input: every mistake here is found before
  //    a browser starts, and a usage mistake leaves the store untouched.
  const prepared = await prepare(options);
  const store = await openStore(resolveStoreUrl(options.config, options.storeUrl));
  try {
    // 2. The run record and its audit trail.
    const active = await startRun(options, prepared, store);
    let status: RunStatus = 'crashed';
    let summary: RunSummary;
    try {
      status = await executeRun(active);
    } catch (error) {
      active.tally.fatal ??= errorMessage(error);
      throw error;
    } finally {
      // 6. The end, recorded: summary, audit head, status.
      summary = await finishRun(active, status);
    }
    return summary;
  } finally {
    await store.close();
  }
}

interface Prepared {
  loaded: LoadedBot;
  baseUrl: string;
  /** What this run may claim: its input's items (unless backlog) of its environment, the system's address. */
  scope: { ownInputOnly: boolean; environment: string };
  accounts: RobotAccount[];
  auditKey: Buffer | null;
  input: { rows: AsyncIterable<InputRow<unknown>> | undefined } | null;
}

/** A run in progress: what every phase needs. */
interface ActiveRun extends Prepared {
  options: RunBotOptions;
  store: Store;
  run: Run;
  trail: AuditTrail;
  log: Logger;
  tally: RunTally;
}

async function prepare(options: RunBotOptions): Promise<Prepared> {
  const { config } = options;
  const env = options.env ?? process.env;
  const loaded = await loadBot(options.bot, config.paths);
  const system = loaded.bot.system;
  const accounts = systemAccounts(system, env, openVault({ env, varDir: config.paths.var }));
  if (options.headed && process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    // Found before the run starts, so nothing is recorded as crashed for a missing screen.
    throw new ConfigError('KANSLIST_NO_DISPLAY', '--headed needs a screen, and this session has none (DISPLAY is not set).', {
      where: '--headed',
      remedy: 'Leave out --headed, run from a desktop session, or start it under a virtual screen: `xvfb-run npx kanslist run …`.',
    });
  }
  const input = await openRunInput(loaded, options, config.root);
  if (input === null && !options.backlog) {
    throw new ConfigError(
      'KANSLIST_INPUT_MISSING',
      `The run of ${loaded.bot.name} was given no input, and its bot names no file of its own.`,
      {
        where: loaded.file,
        remedy: 'Give the file with --input FILE, or --backlog to work on what already waits in the queue.',
      },
    );
  }
  const baseUrl = systemBaseUrl(system, config, env);
  return {
    loaded,
    baseUrl,
    // The environment an item is for is the system's address: a run against a test system never takes production's items.
    scope: { ownInputOnly: input !== null && !options.backlog, environment: new URL(baseUrl).href },
    accounts,
    auditKey: auditKeyFromEnv(env),
    input,
  };
}

async function startRun(options: RunBotOptions, prepared: Prepared, store: Store): Promise<ActiveRun> {
  const { loaded } = prepared;
  const bot = loaded.bot;
  const run = await store.runs.create({
    bot: bot.name,
    botVersion: loaded.version,
    trigger: options.trigger ?? 'cli',
    host: hostname(),
    pid: process.pid,
    input: options.input ?? null,
  });
  const trail = await openAuditTrail(
    store,
    { bot: bot.name, botVersion: loaded.version, host: run.host, runId: run.id },
    { key: prepared.auditKey },
  );
  await trail.append({
    kind: 'run.start',
    data: {
      trigger: run.trigger,
      pid: run.pid,
      input: options.input ?? null,
      botFile: loaded.file,
      systemFile: loaded.systemFile ?? null,
      system: bot.system.name,
    },
  });
  const log = (options.log ?? createLogger({ console: false })).child({ runId: run.id });
  prepared.accounts.forEach((account, i) =>
    account.onAdopted(() => {
      // An interrupted rotation had changed the password in the system: say so, with no value.
      log.warn(
        `the ${bot.system.name} password of robot account ${i + 1} was refused; the one an interrupted rotation left pending worked and is now current in the vault`,
      );
      void trail
        .append({ kind: 'vault.rotation', data: { system: bot.system.name, account: i + 1, phase: 'repaired' } })
        .catch(() => undefined);
    }),
  );
  return { ...prepared, options, store, run, trail, log, tally: newTally() };
}

async function executeRun(a: ActiveRun): Promise<RunStatus> {
  const { store, run, options } = a;
  const bot = a.loaded.bot;
  const heartbeat = setInterval(() => void store.runs.heartbeat(run.id).catch(() => undefined), 5_000);
  heartbeat.unref();
  let browser: Browser | undefined;
  try {
    // 3. What crashed runs left behind becomes uncertain; the input goes into the queue.
    await recoverInterruptedWork(store, bot.name, run.id, options.leaseMs ?? RUNNER_DEFAULTS.leaseMs, a.log, a.trail);
    const enqueue =
      a.input &&
      (await enqueueInput({
        store,
        bot,
        runId: run.id,
        file: options.input,
        cwd: options.config.root,
        maxAttempts: retryPolicyOf(bot).maxAttempts,
        signal: options.signal,
        rows: a.input.rows,
        environment: a.scope.environment,
      }));
    if (enqueue) await a.trail.append({ kind: 'item.transition', data: { event: 'enqueued', ...enqueue } });
    a.tally.enqueue = enqueue;
    // 4.-5. One browser for the run; uncertain items settled; the workers.
    const { config } = options;
    browser = await launchBrowser({
      headless: !(options.headed ?? false) && config.browser.headless,
      executablePath: config.browser.executablePath,
    });
    return await processQueue(a, browser);
  } finally {
    clearInterval(heartbeat);
    await browser?.close().catch(() => undefined);
  }
}

/** Settles uncertain items, then runs the workers until the queue is empty, a stop is asked, or time is up. */
async function processQueue(a: ActiveRun, browser: Browser): Promise<RunStatus> {
  const { store, run, options, tally } = a;
  const bot = a.loaded.bot;
  const stop = new AbortController();
  const onStop = () => stop.abort();
  options.signal?.addEventListener('abort', onStop, { once: true });
  let timedOut = false;
  const deadline = setTimeout(() => ((timedOut = true), stop.abort()), options.maxRunMs ?? bot.maxRunMs ?? RUNNER_DEFAULTS.maxRunMs);
  try {
    const shared = workerShared(a, browser, stop.signal);
    tally.settle = await settleUncertain({
      store,
      bot,
      runId: run.id,
      log: a.log,
      signal: stop.signal,
      credentials: shared.credentials,
      settings: shared.settings,
      baseUrl: shared.baseUrl,
      trail: a.trail,
      varDir: shared.varDir,
      evidence: shared.evidence,
      // Only this environment's: verifying an item in another system than the one it was meant for would be wrong.
      items: (await store.queue.list({ bot: bot.name, status: 'uncertain' })).filter(
        (item) => item.environment === null || item.environment === a.scope.environment,
      ),
      openSession: () =>
        Session.open({
          ...sessionOptions(shared),
          recorder: createRecorder({ store, runId: run.id, system: bot.system.name, log: a.log, trail: a.trail }),
        }),
    });
    const workers = workerCount(options.concurrency ?? bot.concurrency ?? 1, bot.system, a.accounts.length);
    const pending = (await store.queue.counts({ bot: bot.name })).pending;
    options.onStart?.({ runId: run.id, workers, pending, enqueue: tally.enqueue, settle: tally.settle });
    await Promise.all(
      Array.from({ length: workers }, (_, i) =>
        new Worker({ ...shared, credentials: accountFor(i, a.accounts) }, `${run.host}:${run.pid}:${run.id.slice(0, 8)}:w${i + 1}`).run(),
      ),
    );
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onStop);
  }
  if (tally.fatal) return 'failed';
  if (tally.unavailable) return 'system-unavailable';
  if (timedOut) return 'timed-out';
  return options.signal?.aborted ? 'interrupted' : 'finished';
}

async function finishRun(a: ActiveRun, status: RunStatus): Promise<RunSummary> {
  const bot = a.loaded.bot;
  const counted = await summarise(a.store, a.run.id, bot.name, a.loaded.version, a.tally, a.options.config.paths.var);
  await a.trail.append({
    kind: 'run.end',
    data: { status, outcomes: counted.outcomes, enqueue: counted.enqueue, settle: counted.settle, fatal: counted.fatal ?? null },
  });
  await a.trail.close();
  const summary = { ...counted, status, auditHead: a.trail.head() };
  await a.store.runs.finish(a.run.id, status, summary);
  await checkpointAfterRun(a);
  return summary;
}

/**
 * The run's close is on the ledger now: the checkpoint outside the store moves up to it. A failed
 * checkpoint does not undo the run's work; it is logged for the operator to retry.
 */
async function checkpointAfterRun(a: ActiveRun): Promise<void> {
  const targets = a.options.config.audit?.checkpoint;
  if (targets === undefined) return;
  try {
    await checkpointNow(a.store, targets, a.auditKey, { root: a.options.config.root, log: a.log });
  } catch (error) {
    a.log.error(error instanceof KanslistError ? error.describe() : `The audit checkpoint could not be written: ${errorMessage(error)}`, {
      runId: a.run.id,
    });
  }
}

/** The run's input, opened (file sources read up to their first row), or null when the bot has none. */
async function openRunInput(
  loaded: LoadedBot,
  options: RunBotOptions,
  cwd: string,
): Promise<{ rows: AsyncIterable<InputRow<unknown>> | undefined } | null> {
  const source = loaded.bot.input;
  const hasInput = options.input !== undefined || source.kind === 'function' || ('file' in source && source.file !== undefined);
  if (!hasInput) return null;
  return { rows: await openInput(loaded.bot, { file: options.input, cwd, signal: options.signal }) };
}

function newTally(): RunTally {
  return {
    outcomes: { done: 0, verified: 0, review: 0, retry: 0, failed: 0, released: 0, lost: 0 },
    enqueue: null,
    settle: null,
    fatal: undefined,
  };
}

function workerShared(a: ActiveRun, browser: Browser, stop: AbortSignal): WorkerShared {
  const { options, tally, loaded } = a;
  // A fatal bot error stops every worker of the run, as a stop request does.
  const stopController = new AbortController();
  stop.addEventListener('abort', () => stopController.abort(), { once: true });
  return {
    store: a.store,
    bot: loaded.bot,
    system: loaded.bot.system,
    runId: a.run.id,
    browser,
    baseUrl: a.baseUrl,
    credentials: a.accounts[0]!,
    log: a.log,
    trail: a.trail,
    scope: { runId: a.run.id, ...a.scope },
    settings: botSettings(options.config),
    trace: options.trace ?? RUNNER_DEFAULTS.trace,
    timeoutMs: options.timeoutMs ?? loaded.bot.system.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    varDir: options.config.paths.var,
    leaseMs: options.leaseMs ?? RUNNER_DEFAULTS.leaseMs,
    itemTimeoutMs: loaded.bot.itemTimeoutMs ?? RUNNER_DEFAULTS.itemTimeoutMs,
    retry: retryPolicyOf(loaded.bot),
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
    breaker: new SystemBreaker({
      ...breakerOptionsFor(options.config.systems[loaded.bot.system.name]?.unavailable, options.breaker),
      stop: stopController.signal,
      // A probe is what every item needs first: a login in a fresh context.
      probe: async () => {
        const session = await Session.open({
          ...sessionOptions({
            browser,
            system: loaded.bot.system,
            baseUrl: a.baseUrl,
            credentials: a.accounts[0]!,
            timeoutMs: options.timeoutMs ?? loaded.bot.system.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            varDir: options.config.paths.var,
            runId: a.run.id,
          }),
          recorder: createRecorder({ store: a.store, runId: a.run.id, system: loaded.bot.system.name, log: a.log, trail: a.trail }),
        });
        await session.close();
      },
      onUnavailable: (verdict) => {
        tally.unavailable = verdict;
        a.log.error(`${loaded.bot.system.name} is unavailable (${verdict.code}: ${verdict.reason}); the run stops with its items pending`);
        stopController.abort();
      },
    }),
  };
}

function sessionOptions(shared: Pick<WorkerShared, 'browser' | 'system' | 'baseUrl' | 'credentials' | 'timeoutMs' | 'varDir' | 'runId'>) {
  const dir = join(shared.varDir, 'runs', shared.runId, 'verify');
  return {
    browser: shared.browser,
    system: shared.system,
    baseUrl: shared.baseUrl,
    credentials: shared.credentials,
    trace: 'off' as const,
    timeoutMs: shared.timeoutMs,
    evidenceDir: () => dir,
  };
}
