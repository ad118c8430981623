/**
 * A PostgreSQL store URL may name its schema (`?schema=name`), so that a runner started from the
 * command line or KANSLIST_STORE can be pointed at one — fleets and tests use a schema each.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore, parseStoreUrl } from '../../src/store/index.ts';

const pgUrl = process.env.KANSLIST_TEST_PG_URL;

describe('store URL ?schema=', () => {
  it('takes the schema off the URL the driver sees and keeps other parameters', () => {
    expect(parseStoreUrl('postgres://robot@db:5432/kanslist?schema=fleet_a')).toEqual({
      engine: 'postgres',
      url: 'postgres://robot@db:5432/kanslist',
      schema: 'fleet_a',
    });
    expect(parseStoreUrl('postgres://robot@db/k?sslmode=require&schema=s1')).toEqual({
      engine: 'postgres',
      url: 'postgres://robot@db/k?sslmode=require',
      schema: 's1',
    });
    expect(parseStoreUrl('postgres://robot@db/k?sslmode=require')).toEqual({
      engine: 'postgres',
      url: 'postgres://robot@db/k?sslmode=require',
    });
  });

  it('refuses a malformed schema name in the URL', async () => {
    await expect(openStore('postgres://robot@127.0.0.1:1/k?schema=x%3B%20drop%20table%20runs')).rejects.toThrow(
      /Invalid PostgreSQL schema name "x; drop table runs"/,
    );
  });

  it.skipIf(!pgUrl)('opens that schema (needs KANSLIST_TEST_PG_URL)', async () => {
    const schema = `kanslist_url_${randomBytes(5).toString('hex')}`;
    const store = await openStore(`${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}schema=${schema}`);
    try {
      await store.queue.enqueue('b', [{ key: 'k', payload: 1 }], { runId: 'r', maxAttempts: 1 });
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        const rows = await client.query<{ n: number }>(`select count(*)::int as n from "${schema}".work_items`);
        expect(rows.rows[0]?.n).toBe(1);
      } finally {
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      }
    } finally {
      await store.close();
    }
  });
});
