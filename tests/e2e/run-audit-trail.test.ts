import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsForPerson, verifyRun } from '../../src/audit/trail.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { createHarness, type Harness } from '../helpers/run-harness.ts';

describe('run: every run, item transition and screen action is on the audit trail', () => {
  let h: Harness;
  let store: Store;
  let summary: RunSummary;
  beforeAll(async () => {
    h = await createHarness({ count: 4, errorShare: 0.25, seed: 23, faults: { noticeAlertRate: 1 } });
    // The checkpoint is written at the end of every run, where the operator configured it.
    summary = await h.run({ concurrency: 2, config: { ...h.config, audit: { checkpoint: { file: join(h.dir, 'kanslist.ckpt') } } } });
    store = await openStore(h.storeUrl);
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    await h?.close();
  });

  it("writes a checkpoint of the ledger at the run's end: the run's close is its latest entry", async () => {
    const ledger = await store.audit.ledger();
    expect(ledger.at(-1)).toMatchObject({ kind: 'close', chain_id: summary.runId, chain_hash: summary.auditHead });
    const lines = readFileSync(join(h.dir, 'kanslist.ckpt'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { ledgerSeq: number; ledgerHash: string })).toEqual([
      expect.objectContaining({ ledgerSeq: ledger.at(-1)!.seq, ledgerHash: ledger.at(-1)!.hash }),
    ]);
  });

  it('chains the records of the run and ends at the head the summary reports', async () => {
    const result = await verifyRun(store, summary.runId);
    expect(result).toMatchObject({ ok: true });
    const records = await store.audit.records(summary.runId);
    expect(records.at(-1)?.hash).toBe(summary.auditHead);
    expect(records[0]?.kind).toBe('run.start');
    expect(records.at(-1)?.kind).toBe('run.end');
    // Attributable: every record names the bot, its version and the runner host.
    for (const r of records) expect(r).toMatchObject({ bot: 'bygglov-registrering', bot_version: summary.botVersion });
  });

  it('records screen actions with target and strategy, transitions, and the unexpected dialog', async () => {
    const records = await store.audit.records(summary.runId);
    const data = records.map((r) => ({ kind: r.kind, ...(JSON.parse(r.data) as Record<string, unknown>) }));
    expect(data).toContainEqual(expect.objectContaining({ kind: 'ui.action', target: 'newCase.externalRef', action: 'fill' }));
    expect(data).toContainEqual(expect.objectContaining({ kind: 'ui.dialog', expected: false }));
    expect(data).toContainEqual(expect.objectContaining({ kind: 'item.transition', to: 'done' }));
    // The password typed at login is masked; the trail never holds it.
    const password = h.env.KANSLIST_CASEHUB_PASSWORD!;
    expect(JSON.stringify(records)).not.toContain(password);
    expect(data).toContainEqual(expect.objectContaining({ kind: 'ui.action', target: 'login.password', value: '•••' }));
  });

  it('finds every action about one applicant (an access request), by any form of the number', async () => {
    const applicant = h.input.applications.find((a) => a.error === null)!;
    const records = await recordsForPerson(store, applicant.personnummer);
    const kinds = records.map((r) => `${r.kind}:${(r.data as { target?: string }).target ?? ''}`);
    expect(kinds).toContain('ui.action:newCase.personnummer');
    expect(records.every((r) => r.runId === summary.runId)).toBe(true);
  });
});
