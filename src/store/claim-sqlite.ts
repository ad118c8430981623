/**
 * SQLite claim: SQLite has no FOR UPDATE, so the caller holds the write lock (BEGIN IMMEDIATE)
 * and one UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING picks and takes the item.
 */
import { sql, type Kysely } from 'kysely';
import { claimedColumns, nextClaimable, type ClaimParams } from './engine.ts';
import type { WorkItemRow } from './rows.ts';
import type { Database } from './schema.ts';

export async function claimNextSqlite(tx: Kysely<Database>, params: ClaimParams): Promise<WorkItemRow | undefined> {
  const next = nextClaimable(tx, params);
  return await tx
    .updateTable('work_items')
    .set({ ...claimedColumns(params), attempts: sql<number>`attempts + 1` })
    .where('id', '=', next)
    .returningAll()
    .executeTakeFirst();
}
