/**
 * The schedule ledger on SQLite: the conformance suite with two Stores on one temp file (as two
 * scheduler processes would share it), and what only SQLite needs: a ledger write that meets
 * another connection's write lock waits for it without blocking the process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { auditKeyFromEnv, verifyAll } from '../../src/audit/trail.ts';
import { openScheduleLedger } from '../../src/schedule/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { defineScheduleLedgerConformance } from './schedule-ledger.conformance.ts';

const dirs: string[] = [];
let current = '';

function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-ledger-'));
  dirs.push(dir);
  current = join(dir, 'kanslist.db');
  return current;
}

defineScheduleLedgerConformance(
  'sqlite',
  () => openStore(`sqlite:${freshFile()}`),
  () => openStore(`sqlite:${current}`),
);

describe('schedule ledger: sqlite write lock', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  it('waits for a write lock held by another connection in this process, without blocking the process', async () => {
    const store = await openStore(`sqlite:${freshFile()}`);
    stores.push(store);
    const ledger = await openScheduleLedger(store, { owner: 'host-a:1', auditKey: null });
    const other = new BetterSqlite3(current);
    try {
      other.exec('begin immediate');
      const decided = ledger.decide({
        schedule: 'nightly',
        plannedAt: 1_000,
        decision: 'fired',
        trigger: 'cron',
        bot: 'nightly',
        leaseMs: 60_000,
      });
      let settled = false;
      void decided.finally(() => (settled = true));
      // A timer can only fire if the ledger is not blocking the thread while it waits.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(settled).toBe(false);
      other.exec('commit');
      expect(await decided).toBe(true);
    } finally {
      if (other.inTransaction) other.exec('rollback');
      other.close();
      await ledger.close();
    }
  });
});

describe('schedule ledger: audit key', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('signs its chain with the key from KANSLIST_AUDIT_KEY by default, as `kanslist audit verify --all` checks it', async () => {
    vi.stubEnv('KANSLIST_AUDIT_KEY', 'an-operations-audit-key-0123456789');
    const store = await openStore(`sqlite:${freshFile()}`);
    try {
      const ledger = await openScheduleLedger(store, { owner: 'host-a:1' });
      await ledger.decide({ schedule: 'nightly', plannedAt: 1_000, decision: 'missed', trigger: 'cron', bot: 'nightly' });
      await ledger.pause('nightly', 'anna.ops');
      await ledger.close();
      // What the CLI does: every chain in the store, with the key from the environment.
      expect(await verifyAll(store, { key: auditKeyFromEnv() })).toEqual([{ runId: ledger.chainId, result: { ok: true, records: 2 } }]);
      expect((await verifyAll(store, { key: null }))[0]!.result.ok).toBe(false);
    } finally {
      await store.close();
    }
  });
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
