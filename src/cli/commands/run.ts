import { InvalidArgumentError, Option, type Command } from 'commander';
import { createLogger } from '../../audit/logger.ts';
import { LOG_LEVELS, type LogLevel } from '../../config/config.ts';
import { loadConfig } from '../../config/load.ts';
import { runBot } from '../../runner/run.ts';
import type { TraceMode } from '../../runner/session.ts';
import { EXIT_NOT_ALL_DONE, EXIT_OK } from '../exit-codes.ts';
import { intOption } from '../options.ts';
import { formatSummary } from '../print-summary.ts';
import { printJson } from '../table.ts';
import { redact } from '../../audit/redact.ts';
import { createProgress } from '../progress.ts';
import { stopSignal } from '../signals.ts';

interface RunCliOptions {
  input?: string;
  concurrency?: number;
  headed?: boolean;
  trace: TraceMode;
  db?: string;
  maxDuration?: number;
  logLevel?: LogLevel;
  json?: boolean;
  trigger: string;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run <bot>')
    .description('Run a bot: read its input into the queue, process every pending item, print a summary')
    .option('--input <file>', "input file (overrides the bot's own)")
    .option('--concurrency <n>', "workers (capped by the system's session limit)", intOption('--concurrency', 1))
    .option('--headed', 'show the browser')
    .addOption(new Option('--trace <mode>', 'Playwright traces per item').choices(['off', 'on', 'retain-on-failure']).default('retain-on-failure'))
    .option('--db <url>', 'store URL (sqlite:path or postgres://…); overrides the config')
    .option('--max-duration <minutes>', "stop claiming after this long (default: the bot's maxRunMs)", intOption('--max-duration', 1))
    .addOption(new Option('--log-level <level>', 'operator log level (default: the config\'s logLevel, KANSLIST_LOG_LEVEL, else info)').choices([...LOG_LEVELS]))
    .option('--json', 'print the summary as JSON')
    .option('--trigger <trigger>', "what started the run, recorded with it: 'cli', 'schedule:<name>', …", triggerOption, 'cli')
    .action(async (bot: string, o: RunCliOptions) => {
      const config = await loadConfig();
      const log = createLogger({ level: o.logLevel ?? config.logLevel, dir: `${config.paths.var}/logs`, timeZone: config.timeZone, console: !process.stdout.isTTY && !o.json });
      const progress = o.json ? undefined : createProgress();
      const stop = stopSignal(() => console.error('\nkanslist: stopping — finishing the items in progress (Ctrl-C again to abort now)'));
      try {
        const summary = await runBot({
          config, bot, input: o.input, concurrency: o.concurrency, headed: o.headed, trace: o.trace, storeUrl: o.db, log, trigger: o.trigger,
          signal: stop.signal, maxRunMs: o.maxDuration ? o.maxDuration * 60_000 : undefined,
          onStart: ({ pending }) => progress?.start(pending),
          onOutcome: (outcome) => progress?.outcome(outcome),
        });
        progress?.end();
        if (o.json) printJson(summary);
        else console.log(redact(formatSummary(summary)));
        process.exitCode = summary.allDone ? EXIT_OK : EXIT_NOT_ALL_DONE;
      } finally {
        stop.dispose();
        await log.flush();
      }
    });
}

/** A trigger is a short label such as 'cli' or 'schedule:permit-intake': one line, no control characters. */
function triggerOption(value: string): string {
  if (!/^[^\x00-\x1f\x7f]{1,200}$/.test(value) || value.trim() !== value) {
    throw new InvalidArgumentError("--trigger must be a short one-line label such as 'cli' or 'schedule:permit-intake'.");
  }
  return value;
}
