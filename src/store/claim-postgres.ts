/**
 * PostgreSQL claim in one statement (pg-boss style):
 * WITH next AS (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1) UPDATE … FROM next RETURNING.
 * SKIP LOCKED lets many runners on many machines claim at once without waiting on each other.
 */
import { sql, type Kysely } from 'kysely';
import { claimedColumns, nextClaimable, type ClaimParams } from './engine.ts';
import type { WorkItemRow } from './rows.ts';
import type { Database } from './schema.ts';

export async function claimNextPostgres(tx: Kysely<Database>, params: ClaimParams): Promise<WorkItemRow | undefined> {
  return await tx
    .with('next', (db) => nextClaimable(db, params).forUpdate().skipLocked())
    .updateTable('work_items')
    .set({ ...claimedColumns(params), attempts: sql<number>`work_items.attempts + 1` })
    .from('next')
    .whereRef('work_items.id', '=', 'next.id')
    .returningAll('work_items')
    .executeTakeFirst();
}
