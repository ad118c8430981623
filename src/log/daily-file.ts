/**
 * A winston transport that writes one JSON line per entry to `kanslist-<day>.log`, choosing the
 * day for every write so that a scheduler running for weeks rolls over at midnight.
 *
 * Writes are synchronous on purpose: operator logs are few lines per item, and a line on disk at
 * once survives every exit path — a second Ctrl-C (`process.exit`), an uncaught error, a crash —
 * where a buffered stream would lose the lines that explain what happened.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import winston from 'winston';
// Types only: the class itself is taken from winston, which depends on winston-transport.
import type TransportStreamClass from 'winston-transport';

/** winston puts the formatted line under this symbol (triple-beam's MESSAGE). */
const MESSAGE = Symbol.for('message');

export interface DailyFileOptions {
  dir: string;
  /** IANA time zone whose midnight starts a new file. @default the process's local time zone */
  timeZone?: string | undefined;
  /** The clock; tests pass their own to cross midnight. @default () => new Date() */
  now?: () => Date;
  /** @default 'kanslist' */
  prefix?: string;
}

/** winston's transport base class: exported at run time as `Transport`, typed as `transport`. */
const TransportStream = (winston as unknown as { Transport: typeof TransportStreamClass }).Transport;

export class DailyFileTransport extends TransportStream {
  private readonly dir: string;
  private readonly prefix: string;
  private readonly now: () => Date;
  private readonly dayOf: Intl.DateTimeFormat;
  private open: { day: string; fd: number } | undefined;

  constructor(options: DailyFileOptions) {
    super();
    this.dir = options.dir;
    this.prefix = options.prefix ?? 'kanslist';
    this.now = options.now ?? (() => new Date());
    // en-CA formats dates as YYYY-MM-DD, which sorts file names by day.
    this.dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    mkdirSync(this.dir, { recursive: true });
  }

  /** The file today's lines go to. */
  currentFile(): string {
    return join(this.dir, `${this.prefix}-${this.dayOf.format(this.now())}.log`);
  }

  override log(info: Record<string | symbol, unknown>, callback: () => void): void {
    // winston's formats leave the finished line under MESSAGE; without one, the record as JSON.
    const formatted = info[MESSAGE];
    const line = typeof formatted === 'string' ? formatted : JSON.stringify(info);
    try {
      writeSync(this.fdForToday(), `${line}\n`);
    } catch (error) {
      this.emit('warn', error); // a full disk must not take the run down with it
    }
    callback();
  }

  override close(): void {
    if (this.open) closeSync(this.open.fd);
    this.open = undefined;
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.close();
    callback();
  }

  private fdForToday(): number {
    const day = this.dayOf.format(this.now());
    if (this.open?.day === day) return this.open.fd;
    this.close();
    this.open = { day, fd: openSync(join(this.dir, `${this.prefix}-${day}.log`), 'a') };
    return this.open.fd;
  }
}
