/**
 * The audit trail as the runner uses it: records reach the store in batches without waiting for
 * close, a closed trail refuses more records, and a batch that cannot be written stops the trail
 * with a clear error instead of losing evidence silently.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditWriteError, openAuditTrail, verifyRun } from '../../src/audit/trail.ts';
import { openStore, type Store } from '../../src/store/index.ts';

const identity = { bot: 'bygglov-registrering', botVersion: 'sha256:abc123', host: 'test-host', runId: 'run-1' };
const opened: Store[] = [];

async function memoryStore(): Promise<Store> {
  const store = await openStore('sqlite::memory:');
  opened.push(store);
  return store;
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

describe('audit trail', () => {
  it('writes buffered records on its own, without waiting for close', async () => {
    const store = await memoryStore();
    const trail = await openAuditTrail(store, identity);
    await trail.append({ kind: 'run.start' });
    await vi.waitFor(async () => expect(await store.audit.head('run-1')).toEqual({ seq: 1, hash: trail.head() }), { timeout: 5_000 });
    await trail.close();
  });

  it('writes a large burst in full and in order, with the head on the last record', async () => {
    const store = await memoryStore();
    const trail = await openAuditTrail(store, identity);
    await Promise.all(Array.from({ length: 1234 }, (_, n) => trail.append({ kind: 'ui.action', data: { n } })));
    await trail.close();
    expect(await verifyRun(store, 'run-1')).toEqual({ ok: true, records: 1234 });
    expect((await store.audit.head('run-1'))?.hash).toBe(trail.head());
  });

  it('refuses records after close', async () => {
    const store = await memoryStore();
    const trail = await openAuditTrail(store, identity);
    await trail.close();
    await expect(trail.append({ kind: 'run.end' })).rejects.toMatchObject({ code: 'KANSLIST_AUDIT_CLOSED' });
  });

  it('stops with KANSLIST_AUDIT_WRITE when a batch cannot be written', async () => {
    const store = await memoryStore();
    const trail = await openAuditTrail(store, identity);
    await trail.append({ kind: 'run.start' });
    await store.close();
    const error = await trail.close().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditWriteError);
    expect((error as AuditWriteError).where).toContain('run run-1');
  });

  it('indexes identity numbers found in the data, and only valid ones', async () => {
    const store = await memoryStore();
    const trail = await openAuditTrail(store, identity);
    // A synthetic number (birth number 980–999) and one with a wrong check digit.
    await trail.append({ kind: 'ui.action', data: { value: '19900101-9802', note: 'typo 19900101-9803' }, subjects: ['not-a-number'] });
    await trail.close();
    expect((await store.audit.records('run-1'))[0]?.subjects).toEqual(['199001019802']);
  });
});
