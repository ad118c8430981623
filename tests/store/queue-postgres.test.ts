/**
 * The store conformance suite on PostgreSQL, when KANSLIST_TEST_PG_URL is set
 * (e.g. postgres://postgres@127.0.0.1:5432/test). Each test gets its own random schema,
 * dropped afterwards (pg-boss style); reopen() opens another pool on the same schema.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { defineQueueConformance } from './queue.conformance.ts';

const url = process.env.KANSLIST_TEST_PG_URL;

if (url === undefined || url === '') {
  describe.skipIf(true)('store conformance: postgres (set KANSLIST_TEST_PG_URL=postgres://user@host:5432/db to run)', () => {
    it('runs the conformance suite on PostgreSQL', () => undefined);
  });
} else {
  const schemas: string[] = [];
  let current = '';

  defineQueueConformance(
    'postgres',
    () => {
      current = `kanslist_test_${randomBytes(6).toString('hex')}`;
      schemas.push(current);
      return openStore(url, { schema: current });
    },
    () => openStore(url, { schema: current }),
  );

  afterEach(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const schema of schemas.splice(0)) await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });
}
