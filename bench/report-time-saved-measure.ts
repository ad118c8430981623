/**
 * One measurement of the time-saved report, run by bench/report-time-saved.ts in its own process
 * so that the peak RSS is the report's alone:
 *
 *   node --import tsx bench/report-time-saved-measure.ts --store URL --dir DIR --items N
 *
 * Times the database aggregation, the PDF and the XLSX (one row per item, streamed) separately,
 * samples the V8 heap every 50 ms, checks the totals against plain COUNT(*) queries and counts the
 * XLSX's item rows by reading it back (streaming). Prints one JSON line.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { createLogger } from '../src/log/logger.ts';
import { loadConfig } from '../src/config/load.ts';
import { reportContext } from '../src/report/render-report.ts';
import { annualHoursPerFte, computeTimeSaved, EXCEPTION_STATUSES } from '../src/report/time-saved/index.ts';
import { openStore, type Database } from '../src/store/index.ts';
import { storeInternals } from '../src/store/internals.ts';
import timeSavedReport from '../src/report/builtin/time-saved.ts';
import { writeTimeSavedPdf } from '../src/report/builtin/time-saved-pdf.ts';
import { writeTimeSavedXlsx } from '../src/report/builtin/time-saved-xlsx.ts';
import { BENCH_BOTS, BENCH_PERIOD, BENCH_TIME_ZONE } from './report-time-saved-data.ts';

export interface Measured {
  items: number;
  aggregateMs: number;
  pdfMs: number;
  xlsxMs: number;
  xlsxRows: number;
  xlsxBytes: number;
  pdfBytes: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  totalsMatch: boolean;
  done: number;
  exceptions: number;
  hoursFreed: number;
  queryPlan: string[];
}

const REPO_ROOT = join(import.meta.dirname, '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { store: { type: 'string' }, dir: { type: 'string' }, items: { type: 'string' } },
  });
  const dir = values.dir!;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 50);

  const store = await openStore(values.store!);
  const config = await loadConfig(REPO_ROOT, { KANSLIST_VAR_DIR: join(dir, 'var'), KANSLIST_TIME_ZONE: BENCH_TIME_ZONE });
  const ctx = reportContext(timeSavedReport, {
    config,
    store,
    log: createLogger({ level: 'error', console: false }),
    language: 'sv',
    outDir: dir,
  });
  const baselines = new Map(BENCH_BOTS.map((b) => [b.name, b]));

  // 1. Aggregate in the database.
  let started = performance.now();
  const data = await computeTimeSaved(store.reports, {
    period: BENCH_PERIOD,
    bucket: 'week',
    annualHours: annualHoursPerFte(config.reports, config),
    baselineOf: (bot) => baselines.get(bot),
  });
  const aggregateMs = performance.now() - started;

  // 2. PDF, 3. XLSX with every item.
  started = performance.now();
  const pdf = await writeTimeSavedPdf(ctx, data, join(dir, 'time-saved.pdf'));
  const pdfMs = performance.now() - started;
  started = performance.now();
  const xlsx = await writeTimeSavedXlsx(ctx, data, join(dir, 'time-saved.xlsx'));
  const xlsxMs = performance.now() - started;
  clearInterval(sampler);
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;

  // 4. Check against plain counts, and count the XLSX's item rows.
  const count = async (statuses: readonly string[]) =>
    Number(
      (
        await storeInternals(store)
          .db.selectFrom('work_items')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('status', 'in', [...statuses])
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [done, exceptions] = await Promise.all([count(['done']), count(EXCEPTION_STATUSES)]);
  const xlsxRows = await countItemRows(xlsx);
  const queryPlan = store.engine === 'sqlite' ? await sqlitePlan(storeInternals(store).db) : [];
  await store.close();

  const measured: Measured = {
    items: Number(values.items),
    aggregateMs,
    pdfMs,
    xlsxMs,
    xlsxRows,
    xlsxBytes: statSync(xlsx).size,
    pdfBytes: statSync(pdf).size,
    peakRssBytes,
    peakHeapBytes: peakHeap,
    totalsMatch: data.total.done === done && data.total.exceptions === exceptions && xlsxRows === done + exceptions,
    done,
    exceptions,
    hoursFreed: data.total.hoursFreed,
    queryPlan,
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'measured.json'), JSON.stringify(measured));
  console.log(JSON.stringify(measured));
}

/** Data rows on the item sheets (every sheet after the Method sheet), read with exceljs's streaming reader. */
async function countItemRows(path: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  let sheet = 0;
  let rows = 0;
  for await (const worksheet of reader) {
    sheet++;
    for await (const _row of worksheet) if (sheet >= 6) rows++;
    if (sheet >= 6) rows--; // the header
  }
  return rows;
}

/** How SQLite answers the period count: it should be a covering index range scan. */
async function sqlitePlan(db: Kysely<Database>): Promise<string[]> {
  const plan = await sql<{ detail: string }>`explain query plan select bot, status, count(*) from work_items
    where status in ('done', 'handled', 'review', 'failed') and coalesce(finished_at, updated_at) >= ${BENCH_PERIOD.from} and coalesce(finished_at, updated_at) < ${BENCH_PERIOD.to}
    group by bot, status`.execute(db);
  return plan.rows.map((r) => r.detail);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
