/**
 * The time-saved report as a manager opens it: PDF and XLSX in every language, read back (text
 * extraction, exceljs) and checked against the store's own aggregation — title, totals in the
 * locale's number format, the per-item minutes summing to the summary's total — with a page drawn
 * to PNG and no identity number anywhere.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { LANGUAGES, type Language } from '../../src/config/config.ts';
import { loadConfig, type LoadedConfig } from '../../src/config/load.ts';
import { localeFormat } from '../../src/report/i18n/index.ts';
import { renderReport, reportContext } from '../../src/report/render-report.ts';
import { annualHoursPerFte, computeTimeSaved, periodFromMonth, type TimeSaved } from '../../src/report/time-saved/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import timeSavedReport, { type TimeSavedParams } from '../../src/report/builtin/time-saved.ts';
import { timeSavedMessages } from '../../src/report/builtin/time-saved-messages.ts';
import { writeTimeSavedXlsx } from '../../src/report/builtin/time-saved-xlsx.ts';
import { pdfText, pngIsBlank, renderPageToPng } from '../helpers/pdf.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { readSheets } from '../helpers/xlsx.ts';
import { BASELINES, TEST_PNR, TIME_ZONE, seedTimeSaved } from './report-time-saved.seed.ts';

const tempDir = useTempDir('kanslist-time-saved-report-');
const log = createLogger({ level: 'error', console: false });
const MARCH = periodFromMonth('2026-03', TIME_ZONE);
const PARAMS: TimeSavedParams = { from: MARCH.from, to: MARCH.to, label: MARCH.label, bucket: 'week' };

let store: Store;
let config: LoadedConfig;

/** A bot file with the seed's baseline; only what defineBot checks is filled in. */
function writeBot(dir: string, name: string): void {
  const b = BASELINES[name]!;
  const defineBot = pathToFileURL(join(REPO_ROOT, 'src', 'runner', 'bot.ts')).href;
  writeFileSync(
    join(dir, `${name}.mjs`),
    `import { defineBot } from ${JSON.stringify(defineBot)};
export default defineBot({ name: ${JSON.stringify(name)}, title: ${JSON.stringify(b.title)}, system: {}, input: {},
  key: (item) => String(item.id), process: async () => ({}), manualMinutes: ${b.manualMinutes}, manualMinutesNote: ${JSON.stringify(b.manualMinutesNote)} });\n`,
  );
}

beforeEach(async () => {
  const dir = tempDir();
  const bots = join(dir, 'bots');
  mkdirSync(bots);
  for (const name of Object.keys(BASELINES)) writeBot(bots, name);
  const loaded = await loadConfig(REPO_ROOT, {
    KANSLIST_VAR_DIR: join(dir, 'var'),
    KANSLIST_ORGANISATION: 'Exempel kommun',
    KANSLIST_TIME_ZONE: TIME_ZONE,
  });
  config = { ...loaded, paths: { ...loaded.paths, bots, selectors: join(dir, 'selectors') } };
  store = await openStore(`sqlite:${join(dir, 'kanslist.db')}`);
  await seedTimeSaved(store);
});

afterEach(async () => {
  await store.close();
});

function render(language: Language, params: TimeSavedParams = PARAMS, formats = 'pdf,xlsx') {
  return renderReport(timeSavedReport, params, {
    config,
    store,
    log,
    language,
    formats,
    outDir: join(tempDir(), 'out'),
    now: Date.UTC(2026, 3, 2, 8),
  });
}

/** What the store says, computed the way the report does, to compare the files with. */
function fromStore(): Promise<TimeSaved> {
  return computeTimeSaved(store.reports, {
    period: MARCH,
    bucket: 'week',
    annualHours: annualHoursPerFte(config.reports, config),
    baselineOf: (bot) => BASELINES[bot],
  });
}

/** Column values under a header, below the header row. */
function column(rows: unknown[][], header: string): unknown[] {
  const index = rows[0]!.indexOf(header);
  expect(index, `column "${header}"`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[index]);
}

/** One space for any run of whitespace (no-break spaces included) so wrapped lines compare. */
const flat = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ');

/**
 * Whether the PDF shows `label` with `value` beside it. A long label wraps in the fact list, and
 * text extraction then puts the value after the label's first line ("Clerk hours the exceptions
 * 0.9 h still cost"): the label with the value taken out must read whole.
 */
function showsFact(text: string, label: string, value: string): boolean {
  const [l, v] = [flat(label), flat(value)];
  const first = l.split(' ')[0]!;
  for (let i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
    const window = text.slice(i, i + l.length + v.length + 1);
    if (window.includes(` ${v}`) && window.replace(` ${v}`, '') === l) return true;
  }
  return false;
}

describe('time-saved report', () => {
  it.each(LANGUAGES)('writes a PDF and an XLSX in %s whose numbers are the store’s', async (language) => {
    const files = await render(language);
    const out = join(tempDir(), 'out');
    expect(files).toEqual([
      { format: 'pdf', path: join(out, `time-saved-2026-03-01_2026-03-31.${language}.pdf`) },
      { format: 'xlsx', path: join(out, `time-saved-2026-03-01_2026-03-31.${language}.xlsx`) },
    ]);
    const t = timeSavedMessages.for(language);
    const f = localeFormat(language, TIME_ZONE);
    const expected = await fromStore();

    // PDF: localised title, and the totals in the locale's number format.
    const text = flat((await pdfText(files[0]!.path)).join('\n'));
    expect(text).toContain(flat(t.title));
    expect(showsFact(text, t.itemsDone, f.integer(expected.total.done))).toBe(true);
    expect(showsFact(text, t.hoursFreed, f.hours(expected.total.hoursFreed))).toBe(true);
    expect(showsFact(text, t.exceptionRate, f.percent(expected.total.exceptionRate!))).toBe(true);
    expect(showsFact(text, t.exceptionHours, f.hours(expected.total.exceptionHours))).toBe(true);
    expect(showsFact(text, t.averageFte, f.number(expected.total.averageFte, 2))).toBe(true);
    expect(text).toContain(flat(t.methodology));
    expect(text).toContain(BASELINES.bygglov!.manualMinutesNote);

    // XLSX: the summary's total row is the store's; the items' minutes add up to it.
    const sheets = await readSheets(files[1]!.path);
    expect([...sheets.keys()]).toEqual([t.sheetReport, t.sheetSummary, t.sheetTrend, t.sheetReasons, t.sheetMethod, t.sheetItems]);
    const summary = sheets.get(t.sheetSummary)!;
    const totalRow = summary.at(-1)!;
    const minutesFreedTotal = totalRow[summary[0]!.indexOf(t.minutesFreed)];
    expect(minutesFreedTotal).toBe(expected.total.minutesFreed);
    expect(totalRow[summary[0]!.indexOf(t.done)]).toBe(expected.total.done);
    expect(totalRow[summary[0]!.indexOf(t.hoursFreedShort)]).toBeCloseTo(expected.total.hoursFreed, 10);
    const items = sheets.get(t.sheetItems)!;
    expect(items).toHaveLength(1 + expected.total.done + expected.total.exceptions);
    const sum = (values: unknown[]) => values.reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
    expect(sum(column(items, t.minutesFreed))).toBe(minutesFreedTotal);
    expect(sum(column(items, t.exceptionMinutes))).toBe(totalRow[summary[0]!.indexOf(t.exceptionMinutes)]);
    expect(column(sheets.get(t.sheetTrend)!, t.done)).toEqual(expected.trend.map((p) => p.done));
  });

  it('draws its pages: the trend page rendered to PNG is not blank', async () => {
    const [pdf] = await render('sv', PARAMS, 'pdf');
    const t = timeSavedMessages.for('sv');
    const pages = await pdfText(pdf!.path);
    const trendPage = pages.findIndex((p) => flat(p).includes(flat(t.trendHoursTitle))) + 1;
    expect(trendPage).toBeGreaterThan(0);
    mkdirSync(join(tempDir(), 'png'));
    const png = await renderPageToPng(pdf!.path, trendPage, join(tempDir(), 'png'));
    expect(await pngIsBlank(png)).toBe(false);
  });

  it('prints no identity number, only the masked sample reason', async () => {
    const files = await render('en');
    const text = (await pdfText(files[0]!.path)).join('\n');
    expect(flat(text)).toContain('Ogiltigt personnummer [personnummer]');
    const workbook = JSON.stringify([...(await readSheets(files[1]!.path)).values()]);
    for (const haystack of [text, workbook]) {
      expect(haystack).not.toContain(TEST_PNR);
      expect(haystack).not.toContain(TEST_PNR.replace('-', ''));
    }
  });

  it('says which bot has no baseline when its definition is gone, and counts its items without hours', async () => {
    rmSync(join(config.paths.bots, 'bygglov.mjs'));
    const files = await render('en');
    const t = timeSavedMessages.for('en');
    const text = flat((await pdfText(files[0]!.path)).join('\n'));
    expect(text).toContain(flat(t.missingBaselines({ bots: 'bygglov' })));
    const summary = (await readSheets(files[1]!.path)).get(t.sheetSummary)!;
    const total = summary.at(-1)!;
    expect(total[summary[0]!.indexOf(t.done)]).toBe(30);
    expect(total[summary[0]!.indexOf(t.minutesFreed)]).toBe(60);
  });

  it('narrows to one bot, and names an unknown bot instead of writing an empty report', async () => {
    const files = await render('sv', { ...PARAMS, bot: 'fakturor' }, 'xlsx');
    expect(files[0]!.path).toMatch(/time-saved-2026-03-01_2026-03-31-fakturor\.sv\.xlsx$/);
    const t = timeSavedMessages.for('sv');
    const items = (await readSheets(files[0]!.path)).get(t.sheetItems)!;
    expect(new Set(column(items, t.bot))).toEqual(new Set(['fakturor']));
    await expect(render('sv', { ...PARAMS, bot: 'fakturer' }, 'xlsx')).rejects.toMatchObject({ code: 'KANSLIST_BOT_UNKNOWN' });
  });

  it('continues the items on a new sheet when one is full, and the sheets still add up', async () => {
    const ctx = reportContext(timeSavedReport, { config, store, log, language: 'en', outDir: join(tempDir(), 'out') });
    mkdirSync(ctx.outDir, { recursive: true });
    const data = await fromStore();
    const path = await writeTimeSavedXlsx(ctx, data, join(ctx.outDir, 'split.xlsx'), 10);
    const t = timeSavedMessages.for('en');
    const sheets = await readSheets(path);
    const parts = [t.sheetItems, `${t.sheetItems} 2`, `${t.sheetItems} 3`, `${t.sheetItems} 4`];
    expect([...sheets.keys()].slice(-4)).toEqual(parts);
    expect(parts.map((name) => sheets.get(name)!.length - 1)).toEqual([10, 10, 10, 6]);
    const freed = parts.flatMap((name) => column(sheets.get(name)!, t.minutesFreed));
    expect(freed.reduce<number>((n, v) => n + (v as number), 0)).toBe(data.total.minutesFreed);
  });

  it('refuses a period that does not start at local midnight', async () => {
    await expect(render('sv', { ...PARAMS, from: PARAMS.from + 3_600_000 })).rejects.toMatchObject({
      code: 'KANSLIST_REPORT_PERIOD_INVALID',
    });
  });
});
