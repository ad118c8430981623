/**
 * The exceptions list as a clerk opens it: every review item with its reason, evidence folder and
 * the commands that close it, longest waiting first; filtered by bot; in every language; no
 * personnummer; a formula-looking reason left inert.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/audit/logger.ts';
import { LANGUAGES, type Language } from '../../src/config/config.ts';
import { renderReport } from '../../src/report/render-report.ts';
import type { Store } from '../../src/store/index.ts';
import exceptionsReport from '../../reports/exceptions.ts';
import { exceptionsMessages } from '../../reports/exceptions-messages.ts';
import { reasonMessages } from '../../src/report/i18n/reasons/index.ts';
import { pdfText, pngIsBlank, renderPageToPng } from '../helpers/pdf.ts';
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
  return renderReport(exceptionsReport, { bot }, { config: seeded.config, store, log, language, formats, outDir: join(tempDir(), 'out'), now: Date.UTC(2026, 10, 22, 12) });
}

async function rowsOf(path: string, sheet: string): Promise<unknown[][]> {
  return (await readSheets(path)).get(sheet)!;
}

describe('exceptions list', () => {
  it('writes only the XLSX unless a PDF is asked for, named by date and language', async () => {
    const files = await render('sv');
    expect(files).toEqual([{ format: 'xlsx', path: join(tempDir(), 'out', 'exceptions-2026-11-22.sv.xlsx') }]);
  });

  it.each(LANGUAGES)('lists every review item in %s with reason, evidence and how to close it', async (language) => {
    const t = exceptionsMessages.for(language);
    const [xlsx, pdf] = await render(language, 'xlsx,pdf');
    const rows = await rowsOf(xlsx!.path, t.sheetExceptions);
    const inReview = await store.queue.list({ status: 'review' });
    const rt = reasonMessages.for(language);
    expect(rows[0]).toEqual([t.bot, t.key, t.code, t.reason, rt.technicalReason, t.since, t.days, t.attempts, t.source, t.evidence, t.itemId, t.run, t.handled, t.requeue]);
    expect(rows).toHaveLength(1 + inReview.length);
    expect(rows.slice(1).map((r) => r[10]).sort()).toEqual(inReview.map((i) => i.id).sort());
    const b1 = rows.find((r) => r[10] === seeded.reviewItemId)!;
    // The code and the developer's text for operators; a code Kanslist has no text for reads as a plain sentence.
    expect(b1.slice(0, 4)).toEqual(['bygglov-registrering', 'B-1', 'KANSLIST_PROPERTY_UNKNOWN', rt.unknownBusiness]);
    expect(String(b1[4])).toContain('fastigheten finns inte');
    expect(b1[9]).toBe(join(seeded.config.paths.var, 'runs', seeded.runId, seeded.reviewItemId));
    expect(b1[12]).toBe(`kanslist review handled ${seeded.reviewItemId} --note "…"`);
    expect(b1[13]).toBe(`kanslist review requeue ${seeded.reviewItemId}`);
    const rejected = rows.find((r) => r[1] === 'R-1')!;
    // Rejected on input: no evidence, the source says (in the reader's words) where to correct it.
    expect([rejected[8], rejected[9]]).toEqual([rt.sourceOf({ file: 'ansokningar.xlsx', row: 7 }), undefined]);
    const counts = await rowsOf(xlsx!.path, t.sheetSummary);
    expect(counts.find((r) => r[1] === t.waiting)?.[2]).toBe(4);
    expect(counts.filter((r) => r[0] === t.byBot).map((r) => [r[1], r[2]])).toEqual([['bygglov-registrering', 2], ['forsorjningsstod', 2]]);

    const text = (await pdfText(pdf!.path)).join('\n');
    expect(text).toContain(t.title);
    expect(text).toContain('B-1');
    expect(text).toContain(seeded.reviewItemId.slice(0, 20));
    expect(text).not.toContain('KANSLIST_PROPERTY_UNKNOWN');
    expect(text.replace(/\s+/g, '')).toContain(rt.unknownBusiness.replace(/\s+/g, ''));
    for (const content of [text, JSON.stringify(rows)]) {
      expect(content).not.toContain(PERSONNUMMER);
      expect(content).not.toContain(PERSONNUMMER.replace('-', ''));
    }
  });

  it('lists only the chosen bot, and renders a non-blank first PDF page', async () => {
    const [xlsx, pdf] = await render('en', 'xlsx,pdf', 'forsorjningsstod');
    const rows = await rowsOf(xlsx!.path, 'Exceptions');
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([['forsorjningsstod', 'R-1'], ['forsorjningsstod', 'B-1']]);
    expect(rows.some((r) => r[10] === seeded.reviewItemId)).toBe(false);
    expect(rows.some((r) => r[10] === other.reviewItemId)).toBe(true);
    expect(await pngIsBlank(await renderPageToPng(pdf!.path, 1, tempDir()))).toBe(false);
  });

  it('keeps a formula-looking reason as text that cannot run', async () => {
    await store.queue.enqueue('inert-test', [{ key: '@SUM(1+1)*cmd', payload: {}, rejected: { code: '', reason: FORMULA_REASON } }], { runId: seeded.runId, maxAttempts: 1 });
    const [xlsx] = await render('en', 'xlsx', 'inert-test');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx!.path);
    const row = wb.getWorksheet('Exceptions')!.getRow(2);
    expect(row.getCell(2).value).toBe("'@SUM(1+1)*cmd");
    expect(row.getCell(4).value).toBe(`'${FORMULA_REASON}`);
    expect([row.getCell(2).type, row.getCell(4).type]).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
  });

  it('says when nothing is waiting', async () => {
    const [pdf] = await render('de', 'pdf', 'no-such-bot');
    expect((await pdfText(pdf!.path)).join('\n')).toContain(exceptionsMessages.for('de').none);
  });

  it('refuses a format the list cannot be written in', async () => {
    await expect(render('en', 'csv')).rejects.toMatchObject({ code: 'KANSLIST_REPORT_FORMAT', where: '--format' });
  });
});
