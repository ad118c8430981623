/**
 * The store conformance suite on SQLite: a new temp-file database for each test; reopen()
 * opens a second connection to the same file (as a second runner process would).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { defineQueueConformance } from './queue.conformance.ts';

const dirs: string[] = [];
let current = '';

defineQueueConformance(
  'sqlite',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'kanslist-store-'));
    dirs.push(dir);
    current = join(dir, 'kanslist.db');
    return openStore(`sqlite:${current}`);
  },
  () => openStore(`sqlite:${current}`),
);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
