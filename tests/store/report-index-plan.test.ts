/**
 * The time-saved report's statements must use migration 004's index on
 * (status, coalesce(finished_at, updated_at), seq, bot): the index applies only when the query's
 * expression is the indexed one, and nothing else ties the two. The real statements (built by
 * src/store/report-reads/time-saved.ts) are given to each engine's planner, which must search the index
 * ON the expression — a query whose expression differs would at most use the status column.
 *
 * Left out: a report for one bot. Without statistics both planners take work_items_claim
 * (bot, status) for it instead, which says nothing about the expression.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { itemPageQuery, settledCountQuery, type Scope } from '../../src/store/report-reads/time-saved.ts';
import type { Database } from '../../src/store/schema.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';
import { storeDb } from '../helpers/store-internals.ts';

const pg = usePgSchemas('kanslist_plan');
const SCOPE: Scope = { from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-04-01T00:00:00Z') };
const AFTER = { settledAt: Date.parse('2026-03-10T00:00:00Z'), seq: 7 };

function statements(db: Kysely<Database>): Array<{ name: string; query: CompiledQuery }> {
  return [
    { name: 'counts per bot and status', query: settledCountQuery(db, SCOPE).compile() },
    { name: 'first page of items', query: itemPageQuery(db, SCOPE, 'done', undefined, 5000).compile() },
    { name: 'a later page of items', query: itemPageQuery(db, SCOPE, 'review', AFTER, 5000).compile() },
  ];
}

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('the time-saved report uses its index', () => {
  it('SQLite: each statement searches work_items_report on status and the settled expression', async () => {
    store = await openStore('sqlite::memory:');
    const db = storeDb(store);
    for (const { name, query } of statements(db)) {
      const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
      const details = plan.rows.map((r) => r.detail).join('\n');
      // `<expr>` is how SQLite names the indexed expression when the search uses it.
      expect(details, name).toMatch(/SEARCH work_items USING (COVERING )?INDEX work_items_report \(status=\? AND <expr>/);
    }
  });

  it.skipIf(pg.url === undefined)(
    'PostgreSQL: each statement has an index condition on coalesce(finished_at, updated_at) in work_items_report',
    async () => {
      store = await openStore(pg.url!, { schema: pg.newSchema() });
      const db = storeDb(store);
      await db.connection().execute(async (conn) => {
        // An empty table is cheapest to scan: forbid that so the planner shows which index it can use.
        await conn.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
        try {
          for (const { name, query } of statements(conn)) {
            const plan = await conn.executeQuery<{ 'QUERY PLAN': string }>(
              CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
            );
            const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
            expect(text, name).toMatch(/Index (Only )?Scan using work_items_report on work_items/);
            expect(text, name).toMatch(/Index Cond: .*COALESCE\(finished_at, updated_at\)/);
          }
        } finally {
          await conn.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
        }
      });
    },
  );
});
