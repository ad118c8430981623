/**
 * The crash-safe work queue, shared by both engines. Only the claim statement differs
 * (claim-sqlite.ts / claim-postgres.ts).
 *
 * Every state change is one conditional UPDATE (`WHERE status = … [AND lease_owner = …]`), so a
 * change that lost a race changes nothing; it is then diagnosed (missing item, lost lease, wrong
 * status) and reported with a typed error. The open attempt row is closed in the same transaction.
 */
import { sql, type Kysely, type UpdateObject, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import { inClaimScope, type EngineAccess } from './engine.ts';
import { enqueueItems } from './enqueue.ts';
import { ItemStateError, LeaseLostError, NotFoundError } from './errors.ts';
import { countItems, findItem, getItem, listAttempts, listItems, settledIn } from './queue-read.ts';
import { detailsJson, toJson, toWorkItem, type WorkItemRow } from './rows.ts';
import type { Database } from './schema.ts';
import type {
  AttemptOutcome,
  ClaimOptions,
  ClaimScope,
  EnqueueInput,
  EnqueueOptions,
  EnqueueResult,
  Failure,
  ItemStatus,
  ListFilter,
  ResolveUncertainDetails,
  WorkItem,
  WorkQueue,
} from './types.ts';

type ItemSet = UpdateObject<Database, 'work_items'>;
/** An update of work_items, narrowed by a filter before it runs. */
type ItemUpdate = UpdateQueryBuilder<Database, 'work_items', 'work_items', UpdateResult>;

const NO_LEASE = { lease_owner: null, lease_expires_at: null } as const;

/** Closes the item's open attempt (there is at most one: only the lease holder has one). */
async function closeAttempt(tx: Kysely<Database>, itemId: string, now: number, outcome: AttemptOutcome, failure?: Failure): Promise<void> {
  await tx
    .updateTable('item_attempts')
    .set({
      ended_at: now,
      outcome,
      error_code: failure?.code ?? null,
      reason: failure?.reason ?? null,
      reason_details: detailsJson(failure?.details),
    })
    .where('item_id', '=', itemId)
    .where('ended_at', 'is', null)
    .execute();
}

/** Why an update matched no row: the item is gone, or it is not in a state this caller may change. */
async function diagnose(tx: Kysely<Database>, itemId: string, onExisting: (status: string) => Error): Promise<never> {
  const row = await tx.selectFrom('work_items').select('status').where('id', '=', itemId).executeTakeFirst();
  throw row === undefined ? new NotFoundError('item', itemId) : onExisting(row.status);
}

/** Updates an item the worker holds the lease on; LeaseLostError if it no longer does. */
async function updateHeld(tx: Kysely<Database>, itemId: string, workerId: string, set: ItemSet): Promise<WorkItemRow> {
  const row = await tx
    .updateTable('work_items')
    .set(set)
    .where('id', '=', itemId)
    .where('status', '=', 'running')
    .where('lease_owner', '=', workerId)
    .returningAll()
    .executeTakeFirst();
  return row ?? (await diagnose(tx, itemId, () => new LeaseLostError(itemId, workerId)));
}

/** Updates an item only from the given statuses; ItemStateError otherwise. */
async function updateFrom(
  tx: Kysely<Database>,
  itemId: string,
  from: readonly ItemStatus[],
  action: string,
  set: ItemSet,
): Promise<WorkItemRow> {
  const row = await tx
    .updateTable('work_items')
    .set(set)
    .where('id', '=', itemId)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
  return row ?? (await diagnose(tx, itemId, (status) => new ItemStateError(itemId, action, status, from)));
}

/** Columns for an attempt that ended now. */
function ended(now: number): ItemSet {
  return { ...NO_LEASE, finished_at: now, updated_at: now, duration_ms: sql<number>`${now} - started_at` };
}

export class SqlWorkQueue implements WorkQueue {
  readonly #engine: EngineAccess;

  constructor(engine: EngineAccess) {
    this.#engine = engine;
  }

  enqueue(bot: string, items: EnqueueInput[], options: EnqueueOptions): Promise<EnqueueResult> {
    return enqueueItems(this.#engine, bot, items, options);
  }

  async claim(bot: string, options: ClaimOptions): Promise<WorkItem | undefined> {
    const now = options.now ?? Date.now();
    const params = {
      bot,
      runId: options.runId,
      workerId: options.workerId,
      now,
      leaseExpiresAt: now + options.leaseMs,
      ownInputOnly: options.ownInputOnly,
      environment: options.environment,
    };
    const row = await this.#engine.write(async (tx) => {
      const claimed = await this.#engine.claimNext(tx, params);
      if (claimed === undefined) return undefined;
      await tx
        .insertInto('item_attempts')
        .values({
          item_id: claimed.id,
          run_id: options.runId,
          attempt: Number(claimed.attempts),
          worker_id: options.workerId,
          started_at: now,
        })
        .execute();
      return claimed;
    });
    return row === undefined ? undefined : toWorkItem(row);
  }

  async heartbeat(itemId: string, workerId: string, leaseMs: number): Promise<boolean> {
    const now = Date.now();
    const result = await this.#engine.write((tx) =>
      tx
        .updateTable('work_items')
        .set({ lease_expires_at: now + leaseMs, updated_at: now })
        .where('id', '=', itemId)
        .where('status', '=', 'running')
        .where('lease_owner', '=', workerId)
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) > 0;
  }

  async complete(itemId: string, workerId: string, output: unknown): Promise<void> {
    const now = Date.now();
    await this.#engine.write(async (tx) => {
      await updateHeld(tx, itemId, workerId, {
        ...ended(now),
        status: 'done',
        output: toJson(output),
        error_code: null,
        reason: null,
        reason_details: null,
      });
      await closeAttempt(tx, itemId, now, 'done');
    });
  }

  async toReview(itemId: string, workerId: string, failure: Failure): Promise<void> {
    const now = Date.now();
    await this.#engine.write(async (tx) => {
      await updateHeld(tx, itemId, workerId, {
        ...ended(now),
        status: 'review',
        error_code: failure.code,
        reason: failure.reason,
        reason_details: detailsJson(failure.details),
      });
      await closeAttempt(tx, itemId, now, 'review', failure);
    });
  }

  async fail(
    itemId: string,
    workerId: string,
    failure: Failure & { retryDelayMs: number; to?: 'pending' | 'failed' },
  ): Promise<'pending' | 'failed'> {
    const now = Date.now();
    const retryAt = now + Math.max(0, failure.retryDelayMs);
    // The runner's retry policy has decided (`to`); only callers without one fall back to the limit.
    const transition: ItemSet =
      failure.to === 'pending'
        ? { status: 'pending', available_at: retryAt }
        : failure.to === 'failed'
          ? { status: 'failed' }
          : {
              status: sql<string>`case when attempts < max_attempts then 'pending' else 'failed' end`,
              available_at: sql<number>`case when attempts < max_attempts then ${retryAt} else available_at end`,
            };
    return await this.#engine.write(async (tx) => {
      const row = await updateHeld(tx, itemId, workerId, {
        ...ended(now),
        ...transition,
        error_code: failure.code,
        reason: failure.reason,
        reason_details: detailsJson(failure.details),
      });
      const status = row.status === 'pending' ? 'pending' : 'failed';
      await closeAttempt(tx, itemId, now, status === 'pending' ? 'retry' : 'failed', failure);
      return status;
    });
  }

  async release(itemId: string, workerId: string): Promise<void> {
    const now = Date.now();
    await this.#engine.write(async (tx) => {
      await updateHeld(tx, itemId, workerId, { ...NO_LEASE, status: 'pending', attempts: sql<number>`attempts - 1`, updated_at: now });
      await closeAttempt(tx, itemId, now, 'released');
    });
  }

  async expireLeases(bot: string, now: number = Date.now()): Promise<WorkItem[]> {
    return this.#makeUncertain(now, (q) => q.where('bot', '=', bot).where('lease_expires_at', '<', now));
  }

  async abandonRun(runId: string, now: number = Date.now()): Promise<WorkItem[]> {
    return this.#makeUncertain(now, (q) => q.where('last_run_id', '=', runId));
  }

  async nextAvailableAt(bot: string, scope: ClaimScope = {}): Promise<number | undefined> {
    const db = this.#engine.db;
    const row = await db
      .selectFrom('work_items')
      .select((eb) => eb.fn.min('available_at').as('next'))
      .where('bot', '=', bot)
      .where('status', '=', 'pending')
      .$call((q) => inClaimScope(db, q, scope))
      .executeTakeFirst();
    return row?.next === null || row?.next === undefined ? undefined : Number(row.next);
  }

  /** Running items matching `filter` whose runner is gone become uncertain: never pending directly. */
  async #makeUncertain(now: number, filter: (q: ItemUpdate) => ItemUpdate): Promise<WorkItem[]> {
    const rows = await this.#engine.write(async (tx) => {
      const expired = await filter(
        tx.updateTable('work_items').set({
          ...NO_LEASE,
          status: 'uncertain',
          error_code: 'KANSLIST_LEASE_EXPIRED',
          reason: 'The runner stopped during this item without reporting an outcome; verify before running it again',
          reason_details: null,
          updated_at: now,
        }),
      )
        .where('status', '=', 'running')
        .returningAll()
        .execute();
      for (const row of expired) await closeAttempt(tx, row.id, now, 'uncertain');
      return expired;
    });
    return rows.map(toWorkItem).sort((a, b) => a.availableAt - b.availableAt || a.createdAt - b.createdAt);
  }

  async resolveUncertain(itemId: string, to: 'done' | 'pending' | 'review', details: ResolveUncertainDetails = {}): Promise<void> {
    const now = Date.now();
    const sets: Record<typeof to, ItemSet> = {
      done: {
        status: 'done',
        output: toJson(details.output ?? null),
        finished_at: now,
        error_code: null,
        reason: details.reason ?? 'Verified: the effect exists',
      },
      pending: {
        status: 'pending',
        available_at: now + Math.max(0, details.retryDelayMs ?? 0),
        error_code: details.code ?? null,
        reason: details.reason ?? 'Verified: the effect is absent; run again',
      },
      review: {
        status: 'review',
        error_code: details.code ?? 'KANSLIST_UNCERTAIN',
        reason: details.reason ?? 'Could not verify whether the effect exists; a clerk must check',
      },
    };
    const charge: ItemSet = details.chargeAttempt ? { attempts: sql<number>`attempts + 1` } : {};
    await this.#engine.write((tx) =>
      updateFrom(tx, itemId, ['uncertain'], `resolve as ${to}`, { ...sets[to], ...charge, reason_details: null, updated_at: now }),
    );
  }

  async requeue(itemId: string, options: { payload?: unknown } = {}): Promise<void> {
    const now = Date.now();
    const set: ItemSet = {
      status: 'pending',
      attempts: 0,
      available_at: now,
      error_code: null,
      reason: null,
      reason_details: null,
      updated_at: now,
    };
    if (options.payload !== undefined) set.payload = toJson(options.payload);
    await this.#engine.write((tx) => updateFrom(tx, itemId, ['review', 'failed'], 'requeue', set));
  }

  async markHandled(itemId: string, note: string, resolution: 'handled' | 'rejected' = 'handled'): Promise<void> {
    const now = Date.now();
    // A rejection is a way of handling it: closed by a person, with the reason why in the note.
    const output = resolution === 'handled' ? { handledNote: note } : { handledNote: note, resolution };
    await this.#engine.write((tx) =>
      updateFrom(tx, itemId, ['review'], 'mark as handled', {
        status: 'handled',
        output: toJson(output),
        finished_at: now,
        updated_at: now,
      }),
    );
  }

  find(ref: string): Promise<WorkItem | undefined> {
    return findItem(this.#engine.db, ref);
  }

  get(itemId: string): Promise<WorkItem | undefined> {
    return getItem(this.#engine.db, itemId);
  }

  list(filter: ListFilter): Promise<WorkItem[]> {
    return listItems(this.#engine.db, filter);
  }

  counts(filter: { bot?: string; runId?: string }): Promise<Record<ItemStatus, number>> {
    return countItems(this.#engine.db, filter);
  }

  attempts(itemId: string) {
    return listAttempts(this.#engine.db, itemId);
  }

  settledIn(runId: string): Promise<string[]> {
    return settledIn(this.#engine.db, runId);
  }
}
