/**
 * The store conformance suite on PostgreSQL, when KANSLIST_TEST_PG_URL is set
 * (e.g. postgres://postgres@127.0.0.1:5432/test). Each test gets its own random schema,
 * dropped afterwards (pg-boss style); reopen() opens another pool on the same schema.
 */
import { describe } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';
import { defineQueueConformance } from './queue.conformance.ts';

const { url, newSchema } = usePgSchemas();

describe.skipIf(url === undefined)('PostgreSQL (set KANSLIST_TEST_PG_URL=postgres://user@host:5432/db to run)', () => {
  let current = '';
  defineQueueConformance(
    'postgres',
    () => openStore(url!, { schema: (current = newSchema()) }),
    () => openStore(url!, { schema: current }),
  );
});
