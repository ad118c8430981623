/**
 * Opening a store: URL forms, clear errors that never show a password, SQLite file settings,
 * and claims that stay exclusive across separate OS processes sharing one SQLite file.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, KanslistError } from '../../src/errors.ts';
import { openStore, parseStoreUrl, type Store } from '../../src/store/index.ts';
import { storeDb } from '../helpers/store-internals.ts';

const run = promisify(execFile);
const dirs: string[] = [];
const stores: Store[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-open-'));
  dirs.push(dir);
  return dir;
}

async function open(url: string): Promise<Store> {
  const store = await openStore(url);
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('store URLs', () => {
  it('accepts the documented forms', () => {
    expect(parseStoreUrl('sqlite:var/kanslist.db')).toEqual({ engine: 'sqlite', file: 'var/kanslist.db' });
    expect(parseStoreUrl('sqlite::memory:')).toEqual({ engine: 'sqlite', file: ':memory:' });
    expect(parseStoreUrl('data/queue.sqlite')).toEqual({ engine: 'sqlite', file: 'data/queue.sqlite' });
    expect(parseStoreUrl('postgresql://rpa@db:5432/kanslist').engine).toBe('postgres');
    expect(parseStoreUrl('postgres://rpa@db:5432/kanslist').engine).toBe('postgres');
  });

  it('names an unknown scheme without showing the rest of the URL', async () => {
    const error = await openStore('mysql://robot:s3cret-pw@db.example/kanslist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).describe();
    expect(text).toContain('"mysql:"');
    expect(text).not.toContain('s3cret-pw');
    await expect(openStore('var/kanslist.txt')).rejects.toThrow(/Unknown store URL scheme/);
  });

  it('reports an unreachable PostgreSQL without the password', async () => {
    const error = await openStore('postgres://robot:s3cret-pw@127.0.0.1:1/kanslist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KanslistError);
    const text = (error as KanslistError).describe();
    expect(text).toContain('KANSLIST_STORE_CONNECT');
    expect(text).not.toContain('s3cret-pw');
  });

  it('refuses the schema option for SQLite and a malformed schema name for PostgreSQL', async () => {
    await expect(openStore('sqlite::memory:', { schema: 'x' })).rejects.toBeInstanceOf(ConfigError);
    await expect(openStore('postgres://robot@127.0.0.1:1/k', { schema: 'x; drop table runs' })).rejects.toThrow(
      /Invalid PostgreSQL schema name/,
    );
  });
});

describe('SQLite store', () => {
  it('creates the parent folder and uses WAL with foreign keys on', async () => {
    const file = join(tempDir(), 'var', 'nested', 'kanslist.db');
    const store = await open(file);
    expect(existsSync(file)).toBe(true);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(storeDb(store));
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(storeDb(store));
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
  });

  it('works in memory', async () => {
    const store = await open('sqlite::memory:');
    expect((await store.queue.enqueue('b', [{ key: 'k', payload: 1 }], { runId: 'r', maxAttempts: 1 })).added).toBe(1);
  });

  it('never gives the same item to two runner processes sharing one file', async () => {
    const file = join(tempDir(), 'kanslist.db');
    const store = await open(`sqlite:${file}`);
    const keys = Array.from({ length: 300 }, (_, i) => `CASE-${i}`);
    await store.queue.enqueue(
      'invoices',
      keys.map((key) => ({ key, payload: {} })),
      { runId: 'seed', maxAttempts: 1 },
    );

    const worker = join(import.meta.dirname, 'claim-worker.ts');
    const outputs = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        run(process.execPath, ['--import', 'tsx', worker, `sqlite:${file}`, 'invoices', `proc-${n}`], { cwd: process.cwd() }),
      ),
    );
    const claimed = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
    expect(claimed.sort()).toEqual([...keys].sort());
    expect((await store.queue.counts({ bot: 'invoices' })).done).toBe(300);
  }, 60_000);
});
