/**
 * Operator logs (winston): a readable console and a JSON file per day under var/logs.
 * They are for operations, not evidence, and pass through redaction before any transport.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import winston from 'winston';
import { redact, redactDeep } from './redact.ts';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface Logger {
  error(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  debug(message: string, meta?: Record<string, unknown>): void;
  child(meta: Record<string, unknown>): Logger;
  /** Waits until every transport has written what it was given. */
  flush(): Promise<void>;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Folder for daily JSON files; none when undefined. */
  dir?: string;
  /** Console output; off in tests and when the run shows a progress bar. @default true */
  console?: boolean;
}

const redactFormat = winston.format((info) => {
  info.message = redact(String(info.message));
  for (const key of Object.keys(info)) {
    if (key !== 'level' && key !== 'message') (info as Record<string, unknown>)[key] = redactDeep(info[key]);
  }
  return info;
});

export function createLogger(options: LoggerOptions = {}): Logger {
  const transports: winston.transport[] = [];
  if (options.console ?? true) {
    transports.push(
      new winston.transports.Console({
        stderrLevels: ['error', 'warn'],
        format: winston.format.combine(
          ...(process.stderr.isTTY ? [winston.format.colorize()] : []),
          winston.format.printf(({ level, message, runId, item }) => {
            const where = [runId ? `run ${String(runId).slice(0, 8)}` : '', item ? `item ${String(item)}` : ''].filter(Boolean).join(' ');
            return `${level}${where ? ` [${where}]` : ''} ${String(message)}`;
          }),
        ),
      }),
    );
  }
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true });
    const day = new Date().toISOString().slice(0, 10);
    transports.push(new winston.transports.File({ filename: join(options.dir, `kanslist-${day}.log`), format: winston.format.json() }));
  }
  const base = winston.createLogger({
    level: options.level ?? 'info',
    format: winston.format.combine(redactFormat(), winston.format.timestamp()),
    transports: transports.length ? transports : [new winston.transports.Console({ silent: true })],
  });
  return wrap(base, base);
}

function wrap(logger: winston.Logger, root: winston.Logger): Logger {
  return {
    error: (m, meta) => void logger.error(m, meta),
    warn: (m, meta) => void logger.warn(m, meta),
    info: (m, meta) => void logger.info(m, meta),
    debug: (m, meta) => void logger.debug(m, meta),
    child: (meta) => wrap(logger.child(meta), root),
    flush: () => flushLogger(root),
  };
}

function flushLogger(logger: winston.Logger): Promise<void> {
  return new Promise((resolve) => {
    const fileTransports = logger.transports.filter((t) => t instanceof winston.transports.File);
    if (fileTransports.length === 0) return resolve();
    let pending = fileTransports.length;
    for (const transport of fileTransports) {
      transport.once('finish', () => (--pending === 0 ? resolve() : undefined));
    }
    logger.end();
  });
}
