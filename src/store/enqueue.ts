/**
 * Enqueue: idempotent per (bot, key), the whole batch in one transaction.
 *
 * 1. Drop repeats inside the batch (the first row of a key wins).
 * 2. Look up which keys the bot already has, in chunks.
 * 3. Insert the new ones in multi-row chunks with ON CONFLICT DO NOTHING, which also covers a
 *    concurrent enqueue from another process between steps 2 and 3.
 */
import type { Kysely } from 'kysely';
import { KanslistError } from '../errors.ts';
import type { EngineAccess } from './engine.ts';
import { detailsJson, toJson } from './rows.ts';
import type { Database, WorkItemTable } from './schema.ts';
import type { EnqueueInput, EnqueueOptions, EnqueueResult } from './types.ts';
import type { Insertable } from 'kysely';

/** Keeps each statement well under SQLite's 32766 and PostgreSQL's 65535 bound parameters. */
const LOOKUP_CHUNK = 1000;
const INSERT_CHUNK = 500;
const FINISHED = new Set(['done', 'handled']);

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function validate(bot: string, items: EnqueueInput[], maxAttempts: number): void {
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new KanslistError('KANSLIST_ENQUEUE_INVALID', `maxAttempts must be a whole number >= 1, got ${maxAttempts}`, {
      where: `bot ${bot}`,
      remedy: "Fix the bot's retry settings.",
    });
  }
  const index = items.findIndex((item) => typeof item.key !== 'string' || item.key.length === 0);
  if (index >= 0) {
    throw new KanslistError('KANSLIST_ENQUEUE_INVALID', 'A work item has an empty key; nothing was enqueued', {
      where: `bot ${bot}, item ${index + 1} of the batch${items[index]?.source ? ` (${items[index]?.source})` : ''}`,
      remedy: "Fix the bot's key function so every row has a non-empty key.",
    });
  }
}

interface Existing {
  status: string;
  environment: string | null;
}

async function existingItems(tx: Kysely<Database>, bot: string, keys: string[]): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  for (const part of chunks(keys, LOOKUP_CHUNK)) {
    const rows = await tx
      .selectFrom('work_items')
      .select(['key', 'status', 'environment'])
      .where('bot', '=', bot)
      .where('key', 'in', part)
      .execute();
    for (const row of rows) found.set(row.key, { status: row.status, environment: row.environment });
  }
  return found;
}

/** Records that this run's input named these keys (new or waiting): the run claims them, and only them unless it drains the backlog. */
async function scopeToRun(tx: Kysely<Database>, bot: string, runId: string, keys: string[]): Promise<void> {
  for (const part of chunks(keys, LOOKUP_CHUNK)) {
    await tx
      .insertInto('run_scope')
      .columns(['run_id', 'item_id'])
      .expression((eb) =>
        eb
          .selectFrom('work_items')
          .select([eb.val(runId).as('run_id'), 'id'])
          .where('bot', '=', bot)
          .where('key', 'in', part),
      )
      .onConflict((oc) => oc.columns(['run_id', 'item_id']).doNothing())
      .execute();
  }
}

function toRow(
  bot: string,
  item: EnqueueInput,
  runId: string,
  maxAttempts: number,
  now: number,
  environment: string | undefined,
): Insertable<WorkItemTable> {
  return {
    id: crypto.randomUUID(),
    bot,
    key: item.key,
    payload: toJson(item.payload),
    status: item.rejected ? 'review' : 'pending',
    attempts: 0,
    max_attempts: maxAttempts,
    available_at: now,
    source: item.source ?? null,
    error_code: item.rejected?.code ?? null,
    reason: item.rejected?.reason ?? null,
    reason_details: detailsJson(item.rejected?.details),
    enqueued_run_id: runId,
    environment: environment ?? null,
    created_at: now,
    updated_at: now,
  };
}

export async function enqueueItems(
  engine: EngineAccess,
  bot: string,
  items: EnqueueInput[],
  options: EnqueueOptions,
): Promise<EnqueueResult> {
  validate(bot, items, options.maxAttempts);
  const result: EnqueueResult = { added: 0, rejected: 0, skippedDone: 0, alreadyQueued: 0 };
  const unique = new Map<string, EnqueueInput>();
  for (const item of items) {
    if (unique.has(item.key)) result.alreadyQueued++;
    else unique.set(item.key, item);
  }
  if (unique.size === 0) return result;
  const now = Date.now();

  return await engine.write(async (tx) => {
    const existing = await existingItems(tx, bot, [...unique.keys()]);
    const fresh: EnqueueInput[] = [];
    const waiting: string[] = [];
    for (const item of unique.values()) {
      const found = existing.get(item.key);
      if (found === undefined) fresh.push(item);
      else if (FINISHED.has(found.status)) result.skippedDone++;
      else {
        result.alreadyQueued++;
        waiting.push(item.key);
        if (options.environment !== undefined && found.environment !== null && found.environment !== options.environment) {
          result.otherEnvironment = (result.otherEnvironment ?? 0) + 1;
        }
      }
    }
    for (const part of chunks(fresh, INSERT_CHUNK)) {
      const inserted = await tx
        .insertInto('work_items')
        .values(part.map((item) => toRow(bot, item, options.runId, options.maxAttempts, now, options.environment)))
        .onConflict((oc) => oc.columns(['bot', 'key']).doNothing())
        .returning(['status'])
        .execute();
      for (const row of inserted) {
        if (row.status === 'review') result.rejected++;
        else result.added++;
      }
      // Rows another process inserted since our lookup: already queued there.
      result.alreadyQueued += part.length - inserted.length;
    }
    await scopeToRun(tx, bot, options.runId, [...fresh.map((item) => item.key), ...waiting]);
    return result;
  });
}
