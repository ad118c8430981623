/**
 * The schedule ledger on PostgreSQL, when KANSLIST_TEST_PG_URL is set
 * (e.g. postgres://postgres@127.0.0.1:5432/test): each test gets its own random schema, dropped
 * afterwards; reopen() opens another pool on it, as a scheduler on another machine would.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { defineScheduleLedgerConformance } from './schedule-ledger.conformance.ts';

const url = process.env.KANSLIST_TEST_PG_URL;

if (url === undefined || url === '') {
  describe.skipIf(true)('schedule ledger: postgres (set KANSLIST_TEST_PG_URL=postgres://user@host:5432/db to run)', () => {
    it('runs the schedule ledger suite on PostgreSQL', () => undefined);
  });
} else {
  const schemas: string[] = [];
  let current = '';

  defineScheduleLedgerConformance(
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
