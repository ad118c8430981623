/**
 * Operator logs (winston): a readable console (colour on a terminal, none under NO_COLOR) and a JSON file per day under
 * var/logs. They are for operations, not evidence, and pass through redaction before any transport:
 * no secret and no unmasked identity number reaches a console or a file.
 */
import winston from 'winston';
import type { LogLevel } from '../config/config.ts';
import { DailyFileTransport } from './daily-file.ts';
import { redact, redactDeep } from '../redact/redact.ts';
import { colourAllowed } from '../util/terminal.ts';

export type { LogLevel } from '../config/config.ts';

export interface Logger {
  error(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  debug(message: string, meta?: Record<string, unknown>): void;
  child(meta: Record<string, unknown>): Logger;
  /**
   * Waits until every transport has written what it was given and closes the files. Safe to call
   * twice; lines logged afterwards are dropped (the command is exiting).
   */
  flush(): Promise<void>;
}

export interface LoggerOptions {
  /** @default 'info' */
  level?: LogLevel | undefined;
  /** Folder for daily JSON files (`kanslist-YYYY-MM-DD.log`); none when undefined. */
  dir?: string | undefined;
  /** Console output; off in tests and when the run shows a progress bar. @default true */
  console?: boolean | undefined;
  /** Time zone whose midnight starts a new daily file. @default the process's local time zone */
  timeZone?: string | undefined;
  /** The clock for the daily file; tests cross midnight with it. @default () => new Date() */
  now?: (() => Date) | undefined;
}

const redactFormat = winston.format((info) => {
  info.message = redact(String(info.message));
  for (const key of Object.keys(info)) {
    if (key !== 'level' && key !== 'message') (info as Record<string, unknown>)[key] = redactDeep(info[key]);
  }
  return info;
});

/** A log field as text: an object given as `item` or `message` shows its fields, not [object Object]. */
function plain(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return JSON.stringify(value) ?? '';
  }
}

function consoleTransport(): winston.transport {
  return new winston.transports.Console({
    stderrLevels: ['error', 'warn'],
    format: winston.format.combine(
      ...(colourAllowed(process.stderr) ? [winston.format.colorize()] : []),
      winston.format.printf(({ level, message, runId, item }) => {
        const where = [runId ? `run ${plain(runId).slice(0, 8)}` : '', item ? `item ${plain(item)}` : ''].filter(Boolean).join(' ');
        return `${level}${where ? ` [${where}]` : ''} ${plain(message)}`;
      }),
    ),
  });
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const transports: winston.transport[] = [];
  if (options.console ?? true) transports.push(consoleTransport());
  if (options.dir) {
    const file = new DailyFileTransport({ dir: options.dir, timeZone: options.timeZone, now: options.now });
    file.format = winston.format.json();
    transports.push(file);
  }
  const base = winston.createLogger({
    level: options.level ?? 'info',
    // Redaction first: the timestamp and every transport's own format see masked values only.
    format: winston.format.combine(redactFormat(), winston.format.timestamp()),
    transports: transports.length ? transports : [new winston.transports.Console({ silent: true })],
  });
  const state = { ended: false, flushing: undefined as Promise<void> | undefined };
  const flush = () => (state.flushing ??= endLogger(base, state));
  return wrap(base, state, flush);
}

function wrap(logger: winston.Logger, state: { ended: boolean }, flush: () => Promise<void>): Logger {
  const write = (level: LogLevel) => (message: string, meta?: Record<string, unknown>) => {
    if (!state.ended) logger.log(level, message, meta);
  };
  return {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: (meta) => wrap(logger.child(meta), state, flush),
    flush,
  };
}

/** Ends the logger and resolves when every transport has finished (closed its file). */
function endLogger(logger: winston.Logger, state: { ended: boolean }): Promise<void> {
  state.ended = true;
  const finished = logger.transports.map(
    (t) =>
      new Promise<void>((resolve) => {
        if ((t as { writableFinished?: boolean }).writableFinished) return resolve();
        t.once('finish', () => resolve());
        t.once('error', () => resolve());
      }),
  );
  logger.end();
  return Promise.all(finished).then(() => undefined);
}
