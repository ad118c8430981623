/**
 * The database handle behind a store, for tests that must write or read rows the public Store
 * never exposes (tamper tests that rewrite audit rows, seeds that backdate items, pragma checks).
 * Tests only: src/ outside src/store reads through store.reports, store.queue and the rest.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';
import { storeInternals } from '../../src/store/internals.ts';
import type { Store } from '../../src/store/types.ts';

export { storeInternals };

export function storeDb(store: Store): Kysely<Database> {
  return storeInternals(store).db;
}
