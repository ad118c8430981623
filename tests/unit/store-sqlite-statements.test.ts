import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/store/sqlite-statements.ts';

let raw: BetterSqlite3.Database;
beforeEach(() => {
  raw = new BetterSqlite3(':memory:');
  raw.exec('create table t (n integer)');
  raw.exec('insert into t values (1), (2), (3)');
});
afterEach(() => raw.close());

describe('store: prepared statements kept for reuse', () => {
  it('prepares a statement once and runs it again with new parameters', () => {
    const db = withStatementCache(raw);
    const first = db.prepare('select n from t where n > ?');
    expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    const again = db.prepare('select n from t where n > ?');
    expect(again).toBe(first);
    expect(again.all([2])).toEqual([{ n: 3 }]);
  });

  it('never hands out a statement that is still being iterated', () => {
    const db = withStatementCache(raw);
    const outer = db.prepare('select n from t order by n');
    const seen: [number, number][] = [];
    for (const row of outer.iterate([]) as IterableIterator<{ n: number }>) {
      // The same SQL while the outer loop still reads: a fresh statement, not the busy one.
      const inner = db.prepare('select n from t order by n');
      expect(inner).not.toBe(outer);
      seen.push([row.n, (inner.all([]) as { n: number }[]).length]);
    }
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('keeps the most recently used statements when it is full', () => {
    const db = withStatementCache(raw, 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a); // a is now the most recent
    db.prepare('select 3'); // pushes out b, the least recent
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('sees rows written after the statement was prepared', () => {
    const db = withStatementCache(raw);
    expect(db.prepare('select count(*) as c from t').all([])).toEqual([{ c: 3 }]);
    db.prepare('insert into t values (?)').run([4]);
    expect(db.prepare('select count(*) as c from t').all([])).toEqual([{ c: 4 }]);
  });
});
