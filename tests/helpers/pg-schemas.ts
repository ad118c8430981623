/**
 * Per-test PostgreSQL schemas on the test database (KANSLIST_TEST_PG_URL, e.g.
 * postgres://postgres@127.0.0.1:5432/test): each test asks for a fresh random schema, and every
 * schema handed out is dropped with everything in it after that test (pg-boss style), so tests
 * never see each other's rows. Registers the vitest hook itself; call it at the top of the file,
 * before the hooks that close stores, so those run first.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';

export interface PgSchemas {
  /** The test database's URL; undefined when KANSLIST_TEST_PG_URL is unset or empty (skip the PostgreSQL tests then). */
  readonly url: string | undefined;
  /** A fresh schema name (`<prefix>_<12 hex>`), dropped after the current test. */
  newSchema(): string;
  /** The test database's URL naming a fresh schema (`?schema=`), for code that takes a store URL only; dropped after the current test. */
  newSchemaUrl(): string;
}

export function usePgSchemas(prefix = 'kanslist_test'): PgSchemas {
  const url = process.env.KANSLIST_TEST_PG_URL || undefined;
  const schemas: string[] = [];
  afterEach(async () => {
    if (url === undefined || schemas.length === 0) return;
    await dropSchemas(url, schemas.splice(0));
  });
  const newSchema = (): string => {
    if (url === undefined) throw new Error('KANSLIST_TEST_PG_URL is not set: skip the PostgreSQL tests instead of asking for a schema');
    const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return schema;
  };
  return {
    url,
    newSchema,
    newSchemaUrl: () => {
      const schema = newSchema();
      return `${url}${url!.includes('?') ? '&' : '?'}schema=${schema}`;
    },
  };
}

async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
