/**
 * Reading a bot's input into the queue: each row is read, keyed and validated at the boundary.
 * A row that fails (unreadable cell, missing field, a business rule) is stored straight into the
 * review queue with its reason, so nothing from the file is lost and nothing bad is processed.
 */
import { BusinessRuleError, errorCode, errorDetails, errorReason, type ReasonDetails } from '../errors.ts';
import { readInput, type InputRow } from '../inputs/index.ts';
import type { EnqueueInput, EnqueueResult, Store } from '../store/index.ts';
import type { AnyBot } from './bot.ts';
import { redactDetails } from './reason-details.ts';

const BATCH = 500;

export interface EnqueueOptions {
  store: Store;
  bot: AnyBot;
  runId: string;
  file?: string | undefined;
  cwd: string;
  maxAttempts: number;
  /** The system address (environment) the items are for. */
  environment?: string | undefined;
  signal?: AbortSignal;
  /** Rows already opened with openInput; read from the source when absent. */
  rows?: AsyncIterable<InputRow<unknown>>;
}

/**
 * Opens a file input and reads its first row, so that structural problems (a missing file, sheet
 * or column) throw their InputError before anything is stored. The returned rows start again
 * from that first row. Function sources are not opened early: they may need the system itself.
 */
export async function openInput(
  bot: AnyBot,
  options: { file?: string | undefined; cwd: string; signal?: AbortSignal | undefined },
): Promise<AsyncIterable<InputRow<unknown>> | undefined> {
  if (bot.input.kind === 'function') return undefined;
  const iterator = readInput(bot.input, { file: options.file, cwd: options.cwd, signal: options.signal })[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      yield* { [Symbol.asyncIterator]: () => iterator };
    },
  };
}

export async function enqueueInput(options: EnqueueOptions): Promise<EnqueueResult> {
  const total: EnqueueResult = { added: 0, rejected: 0, skippedDone: 0, alreadyQueued: 0 };
  let batch: EnqueueInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await options.store.queue.enqueue(options.bot.name, batch, {
      runId: options.runId,
      maxAttempts: options.maxAttempts,
      environment: options.environment,
    });
    total.added += result.added;
    total.rejected += result.rejected;
    total.skippedDone += result.skippedDone;
    total.alreadyQueued += result.alreadyQueued;
    if (result.otherEnvironment) total.otherEnvironment = (total.otherEnvironment ?? 0) + result.otherEnvironment;
    batch = [];
  };
  const rows = options.rows ?? readInput(options.bot.input, { file: options.file, cwd: options.cwd, signal: options.signal });
  for await (const row of rows) {
    batch.push(toQueueItem(options.bot, row));
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return total;
}

export function toQueueItem(bot: AnyBot, row: InputRow<unknown>): EnqueueInput {
  const key = safeKey(bot, row);
  if (row.errors.length > 0 || row.data === undefined) {
    const first = row.errors[0];
    const reason = row.errors.map((e) => e.message).join('; ') || `${row.source}: the row could not be read.`;
    return {
      key,
      payload: row.data ?? null,
      source: row.source,
      rejected: { code: first?.code ?? 'INPUT_UNREADABLE', reason, details: rowErrorDetails(row) },
    };
  }
  try {
    bot.validate?.(row.data);
  } catch (error) {
    if (!(error instanceof BusinessRuleError)) throw error;
    // validate() sees the data, not the file: the row is named here so a clerk can find it.
    const details: ReasonDetails = { ...errorDetails(error), params: { ...rowPlace(row), ...errorDetails(error)?.params } };
    return {
      key,
      payload: row.data,
      source: row.source,
      rejected: { code: errorCode(error), reason: `${row.source}: ${errorReason(error)}`, details: redactDetails(details) },
    };
  }
  return { key, payload: row.data, source: row.source };
}

/** The file and row of an input row, for a reason a report says in the reader's language. */
function rowPlace(row: InputRow<unknown>): { file: string; row: number } {
  const suffix = ` row ${row.row}`;
  return { file: row.source.endsWith(suffix) ? row.source.slice(0, -suffix.length) : row.source, row: row.row };
}

/** One part per problem of the row (the code names the problem, the params say where). */
function rowErrorDetails(row: InputRow<unknown>): ReasonDetails {
  const place = rowPlace(row);
  return redactDetails({
    params: place,
    parts: row.errors.map((e) => ({
      code: e.code,
      params: { ...place, column: e.column, field: e.field, ...(e.type ? { type: e.type } : {}) },
    })),
  });
}

/** The bot's key, or the row's place in the file when the row is too broken to have one. */
function safeKey(bot: AnyBot, row: InputRow<unknown>): string {
  if (row.data !== undefined) {
    try {
      const key = bot.key(row.data);
      if (typeof key === 'string' && key.trim()) return key.trim();
    } catch {
      // fall through: a row without a usable key is keyed by where it came from
    }
  }
  return `(${row.source})`;
}
