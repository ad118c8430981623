import { describe, expect, it } from 'vitest';
import type { StoreVerification } from '../../src/audit/trail.ts';
import { auditFindings } from '../../src/serve/audit-findings.ts';
import { controlRoomMessages } from '../../src/serve/messages/index.ts';

const verification: StoreVerification = {
  runs: [
    { runId: 'run-a', result: { ok: true, records: 10, purged: { records: 4, lastAt: 1_000, by: ['purge:1'] } } },
    {
      runId: 'run-b',
      result: {
        ok: false,
        records: 7,
        firstBroken: { seq: 3, problem: 'hash mismatch', detail: 'record 3 was changed' },
        purged: { records: 2, lastAt: 5_000, by: ['purge:2'] },
      },
    },
  ],
  ledger: { entries: 4, problems: [{ kind: 'chain deleted', chainId: 'run-c', detail: 'chain run-c is on the ledger' }] },
  checkpoint: { latest: { format: 1, at: 9_000, ledgerSeq: 4, ledgerHash: 'h', chains: 3, mac: 'm' } as never, problems: [] },
  disagreements: [{ kind: 'output rewritten', runId: 'run-a', itemId: 'item-1', detail: 'item-1 is done with another output' }],
};

describe("the audit page's findings", () => {
  it('lists every problem under its kind with what it concerns, adds up what was purged and names the checkpoint', () => {
    const f = auditFindings(verification, true);
    expect(f.problems).toEqual([
      { kind: 'hash mismatch', subject: 'run-b', seq: 3, detail: 'record 3 was changed' },
      { kind: 'chain deleted', subject: 'run-c', detail: 'chain run-c is on the ledger' },
      { kind: 'output rewritten', subject: 'item-1', detail: 'item-1 is done with another output' },
    ]);
    expect(f.purged).toEqual({ records: 6, chains: 2, lastAt: 5_000 });
    expect(f.checkpointAt).toBe(9_000);
    expect(f.keyed).toBe(true);
  });

  it('has a name for every kind a verification can report, in every language', () => {
    const kinds = [
      'hash mismatch',
      'missing record',
      'reordered',
      'inserted',
      'prev_hash mismatch',
      'head mismatch',
      'chain deleted',
      'behind checkpoint',
      'run summary',
      'purge unrecorded',
    ];
    for (const language of ['en', 'sv', 'da', 'de'] as const) {
      const problems = controlRoomMessages.for(language).audit.problems as Record<string, string>;
      for (const kind of kinds) expect(problems[kind], `${language}: ${kind}`).toMatch(/\w/);
    }
  });
});
