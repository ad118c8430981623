/**
 * Retention in the store, on SQLite and PostgreSQL: a chain written with personal values is purged
 * past its period and still verifies; the person is still found, through the digest, as purged;
 * a finished item's payload gets the marker while a pending one keeps its own; and the 008 columns
 * read back as numbers on both engines.
 */
import { describe, expect, it } from 'vitest';
import { purge } from '../../src/audit/purge.ts';
import { openAuditTrail, recordsForPerson, verifyRun } from '../../src/audit/trail.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';
import { storeDb } from '../helpers/store-internals.ts';

const pg = usePgSchemas('kanslist_retention');
const PERSON = '19811228-9874';
const DAY = 86_400_000;

async function scenario(store: Store): Promise<void> {
  const at = Date.now();
  const trail = await openAuditTrail(store, { runId: 'run-1', bot: 'b', botVersion: 'v', host: 'h' }, { key: null });
  await trail.append({ kind: 'run.start', at, data: { trigger: 'cli' } });
  await trail.append({
    kind: 'ui.action',
    at,
    itemId: 'i1',
    itemKey: 'APP-1',
    data: { target: 'newCase.personnummer', action: 'fill', value: PERSON },
    subjects: [PERSON],
  });
  await trail.append({ kind: 'ui.action', at, itemId: 'i1', itemKey: 'APP-1', data: { target: 'newCase.save', action: 'click' } });
  await trail.close();
  await store.queue.enqueue(
    'b',
    [
      { key: 'APP-1', payload: { name: 'Anna', personnummer: PERSON } },
      { key: 'APP-2', payload: { name: 'Bo' } },
    ],
    { runId: 'run-1', maxAttempts: 3 },
  );
  const [first] = await store.queue.list({ bot: 'b' });
  await storeDb(store).updateTable('work_items').set({ status: 'done', finished_at: at }).where('id', '=', first!.id).execute();

  const result = await purge(store, {
    varDir: '/nonexistent',
    retention: { payloads: '30d', auditPersonalFields: '30d' },
    now: at + 31 * DAY,
    dryRun: false,
  });
  expect(result.lines.map((l) => [l.rule, l.count])).toEqual([
    ['retention.payloads', 1],
    ['retention.auditPersonalFields', 1],
  ]);

  expect(await verifyRun(store, 'run-1')).toEqual({
    ok: true,
    records: 3,
    purged: { records: 1, lastAt: at + 31 * DAY, by: [result.purgeId] },
  });
  expect((await verifyRun(store, result.purgeId!)).ok).toBe(true);
  const records = await recordsForPerson(store, PERSON);
  expect(records.map((r) => [r.seq, r.purged?.at, r.data])).toEqual([
    [2, at + 31 * DAY, { action: 'fill', target: 'newCase.personnummer', value: '[purged]' }],
  ]);
  expect(records[0]!.subjects.every((s) => s.startsWith('#'))).toBe(true);
  const items = await store.queue.list({ bot: 'b' });
  expect(items.map((i) => i.payload)).toEqual([{ name: '[purged]', personnummer: '[purged]' }, { name: 'Bo' }]);
}

describe('retention in the store', () => {
  it('SQLite', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      await scenario(store);
    } finally {
      await store.close();
    }
  });

  it.skipIf(pg.url === undefined)('PostgreSQL', async () => {
    const store = await openStore(pg.newSchemaUrl());
    try {
      await scenario(store);
    } finally {
      await store.close();
    }
  });
});
