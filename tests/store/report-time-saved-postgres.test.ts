/**
 * The time-saved aggregation on PostgreSQL, when KANSLIST_TEST_PG_URL is set. Each test gets its
 * own schema, dropped afterwards.
 */
import { describe } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';
import { defineTimeSavedStoreSuite } from './report-time-saved.suite.ts';

const { url, newSchema } = usePgSchemas('kanslist_ts');

describe.skipIf(url === undefined)('PostgreSQL (set KANSLIST_TEST_PG_URL=postgres://user@host:5432/db to run)', () => {
  defineTimeSavedStoreSuite('postgres', () => openStore(url!, { schema: newSchema() }));
});
