/**
 * The exceptions list as a clerk opens it: every review item with its reason and what to do in the
 * clerk's language, longest waiting first, a link to the control room when one is configured, the
 * robot's last screen as a picture; operators' codes, folders and commands on a sheet of their own;
 * filtered by bot; in every language; no personnummer; a formula-looking reason left inert.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { LANGUAGES, type Language } from '../../src/config/config.ts';
import { renderReport } from '../../src/report/render-report.ts';
import type { Store } from '../../src/store/index.ts';
import exceptionsReport from '../../src/report/builtin/exceptions.ts';
import { exceptionsMessages } from '../../src/report/builtin/exceptions-messages.ts';
import { reasonMessages } from '../../src/report/i18n/reasons/index.ts';
import { pdfText, pngInk, pngIsBlank, renderPageToPng, writeSolidPng } from '../helpers/pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { readSheets } from '../helpers/xlsx.ts';
import { FORMULA_REASON, openSeedStore, PERSONNUMMER, seedRun, type SeededRun } from './report-run-seed.ts';

const tempDir = useTempDir('kanslist-exceptions-');
const log = createLogger({ level: 'error', console: false });
let seeded: SeededRun;
let other: SeededRun;
let store: Store;

beforeEach(async () => {
  const opened = await openSeedStore(tempDir());
  store = opened.store;
  seeded = await seedRun(store, opened.config);
  other = await seedRun(store, opened.config, { bot: 'forsorjningsstod' });
});

afterEach(async () => {
  await store.close();
});

function render(language: Language, formats?: string, bot?: string) {
  return renderReport(
    exceptionsReport,
    { bot },
    { config: seeded.config, store, log, language, formats, outDir: join(tempDir(), 'out'), now: Date.UTC(2026, 10, 22, 12) },
  );
}

async function rowsOf(path: string, sheet: string): Promise<unknown[][]> {
  return (await readSheets(path)).get(sheet)!;
}

describe('exceptions list', () => {
  it('writes only the XLSX unless a PDF is asked for, named by date and language', async () => {
    const files = await render('sv');
    expect(files).toEqual([{ format: 'xlsx', path: join(tempDir(), 'out', 'exceptions-2026-11-22.sv.xlsx') }]);
  });

  it.each(LANGUAGES)(
    'lists every review item in %s with the reason and what to do, and keeps what operators need on a sheet of its own',
    async (language) => {
      const t = exceptionsMessages.for(language);
      const [xlsx, pdf] = await render(language, 'xlsx,pdf');
      const rows = await rowsOf(xlsx!.path, t.sheetExceptions);
      const inReview = await store.queue.list({ status: 'review' });
      const rt = reasonMessages.for(language);
      // 1. The clerks' sheet: no codes, no ids, no commands.
      expect(rows[0]).toEqual([t.bot, t.key, t.reason, t.since, t.days, t.attempts, t.source, t.screenshot]);
      expect(rows).toHaveLength(1 + inReview.length);
      const b1 = rows.find((r) => r[0] === 'bygglov-registrering' && r[1] === 'B-1')!;
      // A code Kanslist has no text for reads as a plain sentence.
      expect(b1[2]).toBe(rt.unknownBusiness);
      const rejected = rows.find((r) => r[0] === 'bygglov-registrering' && r[1] === 'R-1')!;
      // Rejected on input: the source says (in the reader's words) where to correct it.
      expect(rejected[6]).toBe(rt.sourceOf({ file: 'ansokningar.xlsx', row: 7 }));
      expect(JSON.stringify(rows)).not.toMatch(/KANSLIST_|kanslist review/);

      // 2. The operators' sheet: item id, code, the developer's text, evidence folder, commands.
      const ops = await rowsOf(xlsx!.path, t.sheetOperators);
      expect(ops[0]).toEqual([t.itemId, t.bot, t.key, t.code, rt.technicalReason, t.evidence, t.run, t.handled, t.requeue]);
      expect(
        ops
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).toEqual(inReview.map((i) => i.id).sort());
      const op = ops.find((r) => r[0] === seeded.reviewItemId)!;
      expect(op.slice(1, 4)).toEqual(['bygglov-registrering', 'B-1', 'KANSLIST_PROPERTY_UNKNOWN']);
      expect(String(op[4])).toContain('fastigheten finns inte');
      expect(op[5]).toBe(join(seeded.config.paths.var, 'runs', seeded.runId, seeded.reviewItemId));
      expect(op[7]).toBe(`kanslist review handled ${seeded.reviewItemId} --note "…"`);
      expect(op[8]).toBe(`kanslist review requeue ${seeded.reviewItemId}`);

      const counts = await rowsOf(xlsx!.path, t.sheetSummary);
      expect(counts.find((r) => r[1] === t.waiting)?.[2]).toBe(4);
      expect(counts.filter((r) => r[0] === t.byBot).map((r) => [r[1], r[2]])).toEqual([
        ['bygglov-registrering', 2],
        ['forsorjningsstod', 2],
      ]);

      // 3. The PDF: what to do in words, no ids, codes, commands or temporary folders.
      const text = (await pdfText(pdf!.path)).join('\n');
      const squashed = text.replace(/\s+/g, '');
      expect(text).toContain(t.title);
      expect(text).toContain('B-1');
      expect(squashed).toContain(rt.unknownBusiness.replace(/\s+/g, ''));
      expect(squashed).toContain(t.howToNoDashboard.replace(/\s+/g, ''));
      expect(text).not.toContain(seeded.reviewItemId.slice(0, 8));
      expect(text).not.toMatch(/KANSLIST_|kanslist review/);
      expect(text).not.toContain(seeded.config.paths.var);
      for (const content of [text, JSON.stringify(rows), JSON.stringify(ops)]) {
        expect(content).not.toContain(PERSONNUMMER);
        expect(content).not.toContain(PERSONNUMMER.replace('-', ''));
      }
    },
  );

  it('links each item to its page in the control room when a dashboard URL is configured', async () => {
    const config = { ...seeded.config, dashboardUrl: 'https://rpa.kommun.example/kontrollrum' };
    const t = exceptionsMessages.for('sv');
    const files = await renderReport(
      exceptionsReport,
      {},
      { config, store, log, language: 'sv', formats: 'xlsx,pdf', outDir: join(tempDir(), 'out'), now: Date.UTC(2026, 10, 22, 12) },
    );
    const link = `https://rpa.kommun.example/kontrollrum/review/${seeded.reviewItemId}`;
    const rows = await rowsOf(files[0]!.path, t.sheetExceptions);
    expect(rows[0]).toEqual([t.bot, t.key, t.reason, t.since, t.days, t.attempts, t.source, t.controlRoom, t.screenshot]);
    expect(rows.some((r) => r[7] === link)).toBe(true);
    const text = (await pdfText(files[1]!.path)).join('\n').replace(/\s+/g, '');
    expect(text).toContain(link);
    expect(text).toContain(t.howToDashboard.replace(/\s+/g, ''));
  });

  it('shows the robot’s last screen of an item as a picture', async () => {
    const folder = join(seeded.config.paths.var, 'runs', seeded.runId, seeded.reviewItemId, 'KANSLIST_PROPERTY_UNKNOWN');
    await writeSolidPng(join(folder, 'screenshot.png'), 400, 250, [200, 30, 30]);
    const t = exceptionsMessages.for('da');
    const [xlsx, pdf] = await render('da', 'xlsx,pdf');
    const rows = await rowsOf(xlsx!.path, t.sheetExceptions);
    expect(rows.find((r) => r[1] === 'B-1' && r[0] === 'bygglov-registrering')?.[7]).toBe(join(folder, 'screenshot.png'));
    const pages = await pdfText(pdf!.path);
    const page = pages.findIndex((p) => p.includes(t.screenshots)) + 1;
    expect(page).toBeGreaterThan(0);
    expect(pages[page - 1]).toContain('B-1');
    // The red test screenshot is drawn on that page.
    const png = await renderPageToPng(pdf!.path, page, tempDir(), 50);
    expect(await pngInk(png, {}, (r, g, b) => r > 150 && g < 80 && b < 80)).toBeGreaterThan(500);
  });

  it('lists only the chosen bot, and renders a non-blank first PDF page', async () => {
    const [xlsx, pdf] = await render('en', 'xlsx,pdf', 'forsorjningsstod');
    const rows = await rowsOf(xlsx!.path, 'Exceptions');
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['forsorjningsstod', 'R-1'],
      ['forsorjningsstod', 'B-1'],
    ]);
    const ops = await rowsOf(xlsx!.path, 'Operators');
    expect(ops.some((r) => r[0] === seeded.reviewItemId)).toBe(false);
    expect(ops.some((r) => r[0] === other.reviewItemId)).toBe(true);
    expect(await pngIsBlank(await renderPageToPng(pdf!.path, 1, tempDir()))).toBe(false);
  });

  it('keeps a formula-looking reason as text that cannot run', async () => {
    await store.queue.enqueue('inert-test', [{ key: '@SUM(1+1)*cmd', payload: {}, rejected: { code: '', reason: FORMULA_REASON } }], {
      runId: seeded.runId,
      maxAttempts: 1,
    });
    const [xlsx] = await render('en', 'xlsx', 'inert-test');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx!.path);
    const row = wb.getWorksheet('Exceptions')!.getRow(2);
    expect(row.getCell(2).value).toBe("'@SUM(1+1)*cmd");
    expect(row.getCell(3).value).toBe(`'${FORMULA_REASON}`);
    expect([row.getCell(2).type, row.getCell(3).type]).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
  });

  it('says when nothing is waiting', async () => {
    const [pdf] = await render('de', 'pdf', 'no-such-bot');
    expect((await pdfText(pdf!.path)).join('\n')).toContain(exceptionsMessages.for('de').none);
  });

  it('refuses a format the list cannot be written in', async () => {
    await expect(render('en', 'csv')).rejects.toMatchObject({ code: 'KANSLIST_REPORT_FORMAT', where: '--format' });
  });
});
