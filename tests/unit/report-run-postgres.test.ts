/**
 * The run report's and the exceptions list's queries on PostgreSQL (when KANSLIST_TEST_PG_URL is
 * set): the same items in the same finish order, paged, with the same counts as on SQLite — pg
 * hands int8 and sums back as strings, which must not leak into the files.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { exceptionItems, exceptionSummary } from '../../src/report/exceptions-data.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { loadRunReportData, runItems } from '../../src/report/run-data.ts';
import type { Store } from '../../src/store/index.ts';
import runReport from '../../src/report/builtin/run-report.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { readSheets } from '../helpers/xlsx.ts';
import { FORMULA_KEY, openSeedStore, seedRun } from './report-run-seed.ts';

const tempDir = useTempDir('kanslist-report-pg-');
const { url, newSchema } = usePgSchemas();
let store: Store | undefined;

// Registered after usePgSchemas, so it runs first: the store closes before its schema is dropped.
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe.skipIf(!url)('run report and exceptions on PostgreSQL (set KANSLIST_TEST_PG_URL to run)', () => {
  it('reads the run, its items in finish order page by page, and the review queue', async () => {
    const opened = await openSeedStore(tempDir(), { url: url!, schema: newSchema() });
    store = opened.store;
    const seeded = await seedRun(store, opened.config, { extraPending: 3 });

    const data = await loadRunReportData(store, seeded.runId.slice(0, 8), { varDir: opened.config.paths.var });
    expect(data.items).toBe(9);
    expect(data.attempts).toEqual({ done: 3, review: 1, retry: 1, failed: 1, released: 0, uncertain: 0 });
    expect(data.verification).toEqual({ ok: true, records: 4 });
    expect(data.drift[0]).toMatchObject({ target: 'newCase.save', count: 1 });

    const keys: string[] = [];
    const durations: unknown[] = [];
    for await (const item of runItems(store, seeded.runId, { varDir: opened.config.paths.var, pageSize: 2 })) {
      keys.push(item.key);
      durations.push(item.durationMs);
    }
    expect(keys).toEqual([...seeded.finishOrder, 'P-00000', 'P-00001', 'P-00002']);
    expect(durations.every((d) => d === null || typeof d === 'number')).toBe(true);

    const review = [];
    for await (const row of exceptionItems(store, { varDir: opened.config.paths.var, pageSize: 1 })) review.push(row.key);
    expect(review).toEqual(['R-1', 'B-1']);
    expect(await exceptionSummary(store, {})).toMatchObject({ total: 2, byBot: [{ bot: 'bygglov-registrering', count: 2 }] });

    const [xlsx] = await renderReport(
      runReport,
      { runId: seeded.runId },
      {
        config: opened.config,
        store,
        log: createLogger({ level: 'error', console: false }),
        language: 'en',
        formats: 'xlsx',
        outDir: join(tempDir(), 'out'),
      },
    );
    const rows = (await readSheets(xlsx!.path)).get('Items')!;
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      ...seeded.finishOrder.map((k) => (k === FORMULA_KEY ? `'${k}` : k)),
      'P-00000',
      'P-00001',
      'P-00002',
    ]);
    expect(rows.find((r) => r[0] === 'C-1')?.[3]).toBe(2);
  });
});
