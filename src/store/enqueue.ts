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
import type { EnqueueInput, EnqueueResult } from './types.ts';
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

async function existingStatuses(tx: Kysely<Database>, bot: string, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks(keys, LOOKUP_CHUNK)) {
    const rows = await tx.selectFrom('work_items').select(['key', 'status']).where('bot', '=', bot).where('key', 'in', part).execute();
    for (const row of rows) found.set(row.key, row.status);
  }
  return found;
}

function toRow(bot: string, item: EnqueueInput, runId: string, maxAttempts: number, now: number): Insertable<WorkItemTable> {
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
    created_at: now,
    updated_at: now,
  };
}

export async function enqueueItems(
  engine: EngineAccess,
  bot: string,
  items: EnqueueInput[],
  options: { runId: string; maxAttempts: number },
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
    const existing = await existingStatuses(tx, bot, [...unique.keys()]);
    const fresh: EnqueueInput[] = [];
    for (const item of unique.values()) {
      const status = existing.get(item.key);
      if (status === undefined) fresh.push(item);
      else if (FINISHED.has(status)) result.skippedDone++;
      else result.alreadyQueued++;
    }
    for (const part of chunks(fresh, INSERT_CHUNK)) {
      const inserted = await tx
        .insertInto('work_items')
        .values(part.map((item) => toRow(bot, item, options.runId, options.maxAttempts, now)))
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
    return result;
  });
}
