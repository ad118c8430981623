/**
 * Read side of the queue: get, list, counts, attempts. No transaction needed.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { ConfigError } from '../errors.ts';
import { toAttempt, toWorkItem } from './rows.ts';
import type { AuditTables } from './audit.ts';
import type { Database } from './schema.ts';
import { ITEM_STATUSES, type ItemAttempt, type ItemStatus, type ListFilter, type WorkItem } from './types.ts';

const DEFAULT_LIST_LIMIT = 1000;

type ItemQuery<O> = SelectQueryBuilder<Database, 'work_items', O>;

/**
 * bot and runId filters shared by list and counts. A run's items are those it enqueued, attempted,
 * or moved on its audit trail without an attempt: the uncertain items it settled by `verify`
 * (no attempt is made for them, so the attempts alone would leave them out).
 */
function applyScope<O>(db: Kysely<Database>, query: ItemQuery<O>, filter: { bot?: string; runId?: string }): ItemQuery<O> {
  let q = query;
  if (filter.bot !== undefined) q = q.where('work_items.bot', '=', filter.bot);
  const runId = filter.runId;
  if (runId !== undefined) {
    const attempted = db.selectFrom('item_attempts').select('item_id').where('run_id', '=', runId);
    q = q.where((eb) =>
      eb.or([
        eb('work_items.enqueued_run_id', '=', runId),
        eb('work_items.id', 'in', attempted),
        eb('work_items.id', 'in', transitioned(db, runId)),
      ]),
    );
  }
  return q;
}

/** Items with a transition on the run's own audit chain. */
function transitioned(db: Kysely<Database>, runId: string) {
  return db
    .withTables<AuditTables>()
    .selectFrom('audit_records')
    .select('item_id')
    .where('run_id', '=', runId)
    .where('kind', '=', 'item.transition')
    .where('item_id', 'is not', null)
    .$narrowType<{ item_id: string }>();
}

/** The items a run settled by `verify` without attempting them: moved on its trail, no attempt in it. */
export async function settledIn(db: Kysely<Database>, runId: string): Promise<string[]> {
  const attempted = db.selectFrom('item_attempts').select('item_id').where('run_id', '=', runId);
  const rows = await transitioned(db, runId).where('item_id', 'not in', attempted).distinct().execute();
  return rows.map((row) => row.item_id);
}

/** An id is at least this long when given as a prefix (as for runs): shorter ones match too much. */
const MIN_ITEM_PREFIX = 6;

/**
 * An item as a person names it: its id, a unique prefix of it (6 characters or more), or its key
 * (the application id a clerk sees). Undefined when nothing matches; an error when several do.
 */
export async function findItem(db: Kysely<Database>, ref: string): Promise<WorkItem | undefined> {
  const exact = await getItem(db, ref);
  if (exact) return exact;
  const candidates: WorkItem[] = [];
  if (ref.length >= MIN_ITEM_PREFIX && /^[0-9a-f-]+$/i.test(ref)) {
    const rows = await db.selectFrom('work_items').selectAll().where('id', 'like', `${ref.toLowerCase()}%`).limit(2).execute();
    candidates.push(...rows.map(toWorkItem));
  }
  if (candidates.length === 0) {
    const rows = await db.selectFrom('work_items').selectAll().where('key', '=', ref).limit(2).execute();
    candidates.push(...rows.map(toWorkItem));
  }
  if (candidates.length > 1) {
    throw new ConfigError(
      'KANSLIST_ITEM_AMBIGUOUS',
      `"${ref}" names more than one item (${candidates.map((c) => `${c.bot} ${c.id.slice(0, 8)}`).join(', ')}).`,
      {
        remedy: 'Give more characters of the item id (see `kanslist review` or `kanslist items <run>`).',
      },
    );
  }
  return candidates[0];
}

export async function getItem(db: Kysely<Database>, itemId: string): Promise<WorkItem | undefined> {
  const row = await db.selectFrom('work_items').selectAll().where('id', '=', itemId).executeTakeFirst();
  return row === undefined ? undefined : toWorkItem(row);
}

export async function listItems(db: Kysely<Database>, filter: ListFilter): Promise<WorkItem[]> {
  let q = applyScope(db, db.selectFrom('work_items').selectAll(), filter);
  if (filter.status !== undefined) {
    const statuses = Array.isArray(filter.status) ? filter.status : [filter.status];
    if (statuses.length === 0) return [];
    q = q.where('work_items.status', 'in', statuses);
  }
  const rows = await q
    .orderBy('work_items.seq')
    .limit(filter.limit ?? DEFAULT_LIST_LIMIT)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map(toWorkItem);
}

export async function countItems(db: Kysely<Database>, filter: { bot?: string; runId?: string }): Promise<Record<ItemStatus, number>> {
  const rows = await applyScope(
    db,
    db.selectFrom('work_items').select((eb) => ['work_items.status', eb.fn.countAll<number | string>().as('n')]),
    filter,
  )
    .groupBy('work_items.status')
    .execute();
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const row of rows) counts[row.status as ItemStatus] = Number(row.n);
  return counts;
}

export async function listAttempts(db: Kysely<Database>, itemId: string): Promise<ItemAttempt[]> {
  const rows = await db.selectFrom('item_attempts').selectAll().where('item_id', '=', itemId).orderBy('seq').execute();
  return rows.map(toAttempt);
}
