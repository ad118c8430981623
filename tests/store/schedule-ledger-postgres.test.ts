/**
 * The schedule ledger on PostgreSQL, when KANSLIST_TEST_PG_URL is set
 * (e.g. postgres://postgres@127.0.0.1:5432/test): each test gets its own random schema, dropped
 * afterwards; reopen() opens another pool on it, as a scheduler on another machine would.
 */
import { describe } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';
import { defineScheduleLedgerConformance } from './schedule-ledger.conformance.ts';

const { url, newSchema } = usePgSchemas();

describe.skipIf(url === undefined)('PostgreSQL (set KANSLIST_TEST_PG_URL=postgres://user@host:5432/db to run)', () => {
  let current = '';
  defineScheduleLedgerConformance(
    'postgres',
    () => openStore(url!, { schema: (current = newSchema()) }),
    () => openStore(url!, { schema: current }),
  );
});
