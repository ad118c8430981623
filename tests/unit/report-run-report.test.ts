/**
 * The run report as a manager or auditor opens it: both formats in every language, read back
 * (exceljs for the XLSX, text extraction for the PDF) and checked against the store — counts,
 * keys, statuses, outputs, the audit line — with no personnummer anywhere and a formula-looking
 * key left as inert text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { openAuditTrail } from '../../src/audit/trail.ts';
import { LANGUAGES, type Language } from '../../src/config/config.ts';
import { commonMessages } from '../../src/report/i18n/index.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { runItems } from '../../src/report/run-data.ts';
import type { ItemStatus, Store } from '../../src/store/index.ts';
import runReport from '../../src/report/builtin/run-report.ts';
import { runReportMessages } from '../../src/report/builtin/run-report-messages.ts';
import { pdfText, pngIsBlank, renderPageToPng } from '../helpers/pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { readSheets } from '../helpers/xlsx.ts';
import { FORMULA_KEY, openSeedStore, PERSONNUMMER, seedRun, type SeededRun } from './report-run-seed.ts';
import { storeDb } from '../helpers/store-internals.ts';

const tempDir = useTempDir('kanslist-run-report-');
const log = createLogger({ level: 'error', console: false });
let seeded: SeededRun;
let store: Store;

/** What the runner put on the trail when the drift happened: a stable new first strategy. */
const SUGGESTION = "{ css: '#ctl00_MainContent_btnSpara' }";

beforeEach(async () => {
  const opened = await openSeedStore(tempDir());
  store = opened.store;
  seeded = await seedRun(store, opened.config);
  // The drift's audit record, as the runner writes it with a suggestion (the chain continues).
  const trail = await openAuditTrail(store, { runId: seeded.runId, bot: 'bygglov-registrering', botVersion: 'v', host: 'test' });
  await trail.append({
    kind: 'ui.drift',
    data: {
      system: 'casehub',
      target: 'newCase.save',
      failedStrategy: 'role=button[name="Spara"]',
      matchedStrategy: 'css=#ctl00_btnSave',
      suggested: SUGGESTION,
    },
  });
  await trail.close();
});

afterEach(async () => {
  await store.close();
});

function render(language: Language, formats = 'pdf,xlsx', runRef = seeded.runId) {
  return renderReport(
    runReport,
    { runId: runRef },
    { config: seeded.config, store, log, language, formats, outDir: join(tempDir(), 'out') },
  );
}

/** Every string in a workbook, to look for what must never be in it. */
async function workbookText(path: string): Promise<string> {
  return JSON.stringify([...(await readSheets(path)).values()]);
}

describe('run report', () => {
  it.each(LANGUAGES)('writes a PDF and an XLSX in %s whose numbers match the store', async (language) => {
    const files = await render(language);
    const short = seeded.runId.slice(0, 8);
    expect(files.map((f) => f.path)).toEqual([
      join(tempDir(), 'out', `run-${short}.${language}.pdf`),
      join(tempDir(), 'out', `run-${short}.${language}.xlsx`),
    ]);
    const t = runReportMessages.for(language);
    const statuses = commonMessages.for(language).statuses;
    const counts = await store.queue.counts({ runId: seeded.runId });

    // XLSX: the summary's counts are the store's, and every item is a row in finish order.
    const sheets = await readSheets(files[1]!.path);
    expect([...sheets.keys()]).toEqual([t.sheetSummary, t.sheetItems, t.sheetDrift]);
    const summary = sheets.get(t.sheetSummary)!;
    const countOf = (group: string, label: string) => summary.find((r) => r[0] === group && r[1] === label)?.[3];
    for (const status of Object.keys(counts) as ItemStatus[]) expect(countOf(t.byStatus, statuses[status])).toBe(counts[status]);
    expect(countOf(t.byStatus, t.itemsTotal)).toBe(6);
    expect(countOf(t.attemptsHeading, t.outcomes.retry)).toBe(1);
    expect(countOf(t.inputHeading, t.rejected)).toBe(1);
    expect(summary.find((r) => r[1] === t.auditCheck)?.[2]).toBe(t.auditVerified({ records: '5' }));
    const items = sheets.get(t.sheetItems)!;
    expect(items).toHaveLength(1 + 6);
    expect(items.slice(1).map((r) => r[0])).toEqual(seeded.finishOrder.map((k) => (k === FORMULA_KEY ? `'${k}` : k)));
    const a1 = items.find((r) => r[0] === 'A-1')!;
    expect(a1[1]).toBe(statuses.done);
    expect(a1[3]).toBe(1);
    expect(a1[7]).toBe('caseNumber: BN 2026-000123');
    const c1 = items.find((r) => r[0] === 'C-1')!;
    expect([c1[1], c1[3], c1[8]]).toEqual([statuses.failed, 2, 'KANSLIST_HTTP_500']);
    const b1 = items.find((r) => r[0] === 'B-1')!;
    expect(b1[11]).toBe(join(seeded.config.paths.var, 'runs', seeded.runId, seeded.reviewItemId));
    expect(sheets.get(t.sheetDrift)!.slice(1)).toEqual([
      ['casehub', 'newCase.save', 'role=button[name="Spara"]', 'css=#ctl00_btnSave', SUGGESTION, 1, expect.any(Date)],
    ]);
    expect(await workbookText(files[1]!.path)).not.toContain(PERSONNUMMER);

    // PDF: the same facts as text a reader (or a search index) sees.
    const text = (await pdfText(files[0]!.path)).join('\n');
    expect(text).toContain(t.title);
    expect(text).toContain(seeded.runId.slice(0, 20));
    expect(text).toContain(t.auditVerified({ records: '5' }));
    expect(text).toContain('caseNumber: BN 2026-000123');
    expect(text).toContain(statuses.review);
    // The suggestion next to the drift it heals, and what to do with it, in the reader's language.
    expect(text.replace(/\s+/g, ' ')).toContain(t.suggested);
    expect(text.replace(/\s+/g, '')).toContain(SUGGESTION.replace(/\s+/g, ''));
    expect(text).not.toContain(PERSONNUMMER);
    expect(text).not.toContain(PERSONNUMMER.replace('-', ''));
  });

  it('renders page 1 of the PDF with something on it', async () => {
    const [pdf] = await render('sv', 'pdf');
    const png = await renderPageToPng(pdf!.path, 1, tempDir());
    expect(await pngIsBlank(png)).toBe(false);
  });

  it('keeps a formula-looking key and reason as inert text in the XLSX', async () => {
    const [xlsx] = await render('en', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx!.path);
    const cells: ExcelJS.Cell[] = [];
    wb.getWorksheet('Items')!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const key = cells.find((c) => typeof c.value === 'string' && c.value.includes('HYPERLINK'))!;
    expect(key.type).toBe(ExcelJS.ValueType.String);
    expect(key.value).toBe(`'${FORMULA_KEY}`);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula || c.type === ExcelJS.ValueType.Hyperlink)).toBe(false);
    // The reason starts with the code, so it cannot start a formula; the raw file has no <f> element.
    const raw = (await readFile(xlsx!.path)).toString('latin1');
    expect(raw).not.toContain('<f>');
  });

  it('says so plainly when the audit trail was changed after the run', async () => {
    await storeDb(store)
      .withTables<{ audit_records: { run_id: string; seq: number; data: string } }>()
      .updateTable('audit_records')
      .set({ data: '{"from":"running","to":"failed"}' })
      .where('run_id', '=', seeded.runId)
      .where('seq', '=', 2)
      .execute();
    const [pdf] = await render('en', 'pdf');
    const text = (await pdfText(pdf!.path)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('NOT verified: broken at record 2');
  });

  it('refuses an unknown run with KANSLIST_RUN_UNKNOWN (exit 2) naming what to do', async () => {
    await expect(render('en', 'pdf', 'feedfacecafe')).rejects.toMatchObject({
      code: 'KANSLIST_RUN_UNKNOWN',
      remedy: expect.stringContaining('kanslist runs'),
    });
  });

  it('pages the items in finish order whatever the page size', async () => {
    const keys: string[] = [];
    for await (const item of runItems(store, seeded.runId, { varDir: seeded.config.paths.var, pageSize: 2 })) keys.push(item.key);
    expect(keys).toEqual(seeded.finishOrder);
  });
});

describe('run report of a large run', () => {
  it('lists the first items in the PDF with a pointer to the XLSX, which has them all', async () => {
    const big = await seedRun(store, seeded.config, { bot: 'stor-robot', extraPending: 1200 });
    const [pdf, xlsx] = await renderReport(
      runReport,
      { runId: big.runId, pdfItemLimit: 40 },
      { config: seeded.config, store, log, language: 'en', formats: 'pdf,xlsx', outDir: join(tempDir(), 'out') },
    );
    const text = (await pdfText(pdf!.path)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('The first 40 of 1,206 items are listed; see the XLSX file for all.');
    expect(text).toContain('P-00033');
    expect(text).not.toContain('P-00034');
    // Read from the store a page at a time (1 000 rows), written to the sheet as they come.
    const items = (await readSheets(xlsx!.path)).get('Items')!;
    expect(items).toHaveLength(1 + 1206);
    expect(items.at(-1)![0]).toBe('P-01199');
  });
});
