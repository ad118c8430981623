/** The time-saved aggregation on SQLite: a fresh temp-file database per test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { defineTimeSavedStoreSuite } from './report-time-saved.suite.ts';

const dirs: string[] = [];

defineTimeSavedStoreSuite('sqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-time-saved-'));
  dirs.push(dir);
  return openStore(`sqlite:${join(dir, 'kanslist.db')}`);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
