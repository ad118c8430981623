/** What `kanslist run <bot>` does, loaded only when it runs (the runner brings Playwright). */
import { createLogger } from '../../log/logger.ts';
import { redact } from '../../redact/redact.ts';
import type { LogLevel } from '../../config/config.ts';
import { loadConfig } from '../../config/load.ts';
import { runBot } from '../../runner/run.ts';
import type { TraceMode } from '../../runner/session.ts';
import { runExitCode } from '../run-exit-code.ts';
import { formatSummary } from '../print-summary.ts';
import { createProgress } from '../progress.ts';
import { stopSignal } from '../signals.ts';
import { printJson } from '../table.ts';

export interface RunCliOptions {
  input?: string;
  backlog?: boolean;
  concurrency?: number;
  headed?: boolean;
  trace: TraceMode;
  db?: string;
  maxDuration?: number;
  logLevel?: LogLevel;
  json?: boolean;
  trigger: string;
}

export async function runRun(bot: string, o: RunCliOptions): Promise<void> {
  const config = await loadConfig();
  const log = createLogger({
    level: o.logLevel ?? config.logLevel,
    dir: `${config.paths.var}/logs`,
    timeZone: config.timeZone,
    console: !process.stdout.isTTY && !o.json,
  });
  const progress = o.json ? undefined : createProgress();
  const stop = stopSignal(() => console.error('\nkanslist: stopping — finishing the items in progress (Ctrl-C again to abort now)'));
  try {
    const summary = await runBot({
      config,
      bot,
      input: o.input,
      backlog: o.backlog,
      concurrency: o.concurrency,
      headed: o.headed,
      trace: o.trace,
      storeUrl: o.db,
      log,
      trigger: o.trigger,
      signal: stop.signal,
      maxRunMs: o.maxDuration ? o.maxDuration * 60_000 : undefined,
      onStart: ({ pending }) => progress?.start(pending),
      onOutcome: (outcome) => progress?.outcome(outcome),
    });
    progress?.end();
    const e = summary.enqueue;
    if (e && e.added + e.rejected + e.skippedDone + e.alreadyQueued === 0) {
      // A header-only workbook, or the wrong sheet's export: worth a word, not a silent empty run.
      console.error(
        `kanslist: warning: ${o.input ?? "the bot's input"} has no rows — nothing was enqueued. Is it the right file (a header only)?`,
      );
    }
    if (o.json) printJson(summary);
    else console.log(redact(formatSummary(summary)));
    process.exitCode = runExitCode(summary);
    await alertUnavailable(config, log, summary);
  } finally {
    stop.dispose();
    await log.flush();
  }
}

/** A run from cron or Task Scheduler alerts too: a system that is down is an operator's business at once. */
async function alertUnavailable(
  config: Awaited<ReturnType<typeof loadConfig>>,
  log: ReturnType<typeof createLogger>,
  summary: Awaited<ReturnType<typeof runBot>>,
): Promise<void> {
  if (!summary.unavailable) return;
  const { createAlerter } = await import('../../alerts/index.ts');
  const alerter = createAlerter({ config, log });
  alerter.raise({
    kind: 'system-unavailable',
    bot: summary.bot,
    runId: summary.runId,
    message: `${summary.bot}: the system was unavailable (${summary.unavailable.code}); the run stopped with its items pending`,
    details: { code: summary.unavailable.code, probes: summary.unavailable.probes, pending: summary.queue.pending },
  });
  await alerter.flush();
}
