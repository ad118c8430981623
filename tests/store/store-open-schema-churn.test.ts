/**
 * Opening a PostgreSQL store while other schemas of the same database come and go (another
 * installation, another application, parallel test files): Kysely's migrator introspects every
 * schema first, and a schema dropped in that moment must not fail the open.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';

const pgSchemas = usePgSchemas('kanslist_churn');

describe.skipIf(!pgSchemas.url)('PostgreSQL store opened beside schemas being dropped (set KANSLIST_TEST_PG_URL to run)', () => {
  it('opens every time while another connection creates and drops schemas with tables', async () => {
    const churn = new pg.Client({ connectionString: pgSchemas.url });
    await churn.connect();
    let stop = false;
    let dropped = 0;
    const churning = (async () => {
      for (let i = 0; !stop; i++) {
        const name = `kanslist_churn_other_${process.pid}_${i % 4}`;
        await churn.query(`create schema if not exists ${name}; create table if not exists ${name}.t (id serial primary key)`);
        await churn.query(`drop schema ${name} cascade`);
        dropped++;
      }
    })();
    try {
      for (let round = 0; round < 6; round++) {
        const stores = await Promise.all([0, 1, 2].map(() => openStore(pgSchemas.newSchemaUrl())));
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      stop = true;
      await churning;
      await churn.end();
    }
    expect(dropped).toBeGreaterThan(0);
  }, 120_000);
});
