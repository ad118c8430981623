import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { readInput, xlsx, type XlsxSource } from '../../src/inputs/index.ts';
import { collect, useTempDir } from '../helpers/temp-dir.ts';

// Synthetic personnummer only: birth numbers 980–999 are the Tax Agency's test series.
const PNR_TEXT = '010101-9800';
const PNR_12 = 198507099862;

const tempDir = useTempDir('kanslist-inputs-xlsx-');

/** Writes a workbook whose first sheet is a cover page, so the sheet has to be found by name. */
async function writeWorkbook(name: string, fill: (sheet: ExcelJS.Worksheet) => void, sheetName = 'Ansökningar'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Info').addRow(['Export från e-tjänsten']);
  fill(workbook.addWorksheet(sheetName));
  const path = join(tempDir(), name);
  await workbook.xlsx.writeFile(path);
  return path;
}

const source: XlsxSource = xlsx({
  sheet: 'Ansökningar',
  columns: {
    applicationId: 'Ärende-ID',
    submittedAt: { header: 'Inkommen', type: 'date' },
    personnummer: { header: 'Personnummer', type: 'string' },
    amount: { header: 'Belopp', type: 'number' },
    hasJobPlan: { header: 'Jobbplan', type: 'boolean' },
    propertyDesignation: { header: 'Fastighetsbeteckning', required: false },
  },
});

const HEADERS = ['Ärende-ID', 'Inkommen', 'Personnummer', 'Belopp', 'Jobbplan', 'Fastighetsbeteckning'];

describe('xlsx input source', () => {
  it('reads typed rows, keeping identity numbers as digit text from text and numeric cells', async () => {
    const file = await writeWorkbook('e-tjanst.xlsx', (sheet) => {
      sheet.addRow(HEADERS);
      sheet.addRow(['A-1', new Date(Date.UTC(2026, 10, 22, 8, 15)), PNR_TEXT, 1234.5, true, 'Trelleborg Fäladen 1:23']);
      sheet.addRow([
        { richText: [{ text: 'A-' }, { text: '2', font: { bold: true } }] },
        '22.11.2026',
        101019800,
        { formula: 'B1*2', result: 2469 },
        'ja',
        { text: 'Skanör 4:5', hyperlink: 'https://example.invalid/' },
      ]);
      sheet.getCell('C3').numFmt = '0000000000';
      sheet.addRow([]);
      sheet.addRow(['A-3', '2026-11-23', PNR_12, '99,50', 'nej']);
    });
    const rows = await collect(readInput(source, { file }));

    expect(rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(rows[0]).toMatchObject({ source: 'e-tjanst.xlsx row 2' });
    expect(rows[0]?.data).toEqual({
      applicationId: 'A-1',
      submittedAt: new Date('2026-11-22T08:15:00Z'),
      personnummer: PNR_TEXT,
      amount: 1234.5,
      hasJobPlan: true,
      propertyDesignation: 'Trelleborg Fäladen 1:23',
    });
    expect(rows[1]?.data).toEqual({
      applicationId: 'A-2',
      submittedAt: new Date('2026-11-22T00:00:00Z'),
      personnummer: '0101019800',
      amount: 2469,
      hasJobPlan: true,
      propertyDesignation: 'Skanör 4:5',
    });
    expect(rows[2]?.data).toMatchObject({ personnummer: '198507099862', amount: 99.5, hasJobPlan: false });
    expect(rows[2]?.data).not.toHaveProperty('propertyDesignation');
  });

  it('matches headers trimmed, case-insensitively, with collapsed spaces, and by alias', async () => {
    const file = await writeWorkbook('aliases.xlsx', (sheet) => {
      sheet.addRow(['  ärende-id ', 'INKOMMEN', 'Person  nummer', 'belopp', 'JOBBPLAN']);
      sheet.addRow(['A-9', '2026-11-22', PNR_TEXT, 10, 'x']);
    });
    const aliased = xlsx({
      ...source,
      columns: { ...source.columns, personnummer: { header: 'Personnummer', aliases: ['Person nummer', 'CPR-nummer'] } },
    });
    const rows = await collect(readInput(aliased, { file }));
    expect(rows[0]?.errors).toEqual([]);
    expect(rows[0]?.data).toMatchObject({ applicationId: 'A-9', personnummer: PNR_TEXT, hasJobPlan: true });
  });

  it('names every missing required column, the file, the header row and the headers that are there', async () => {
    const file = await writeWorkbook('wrong-headers.xlsx', (sheet) => {
      sheet.addRow(['Ärende-ID', 'Datum', 'PNR', 'Belopp', 'Jobbplan']);
      sheet.addRow(['A-1', '2026-11-22', PNR_TEXT, 1, 'ja']);
    });
    const error = await collect(readInput(source, { file })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'INPUT_COLUMN_MISSING' });
    const message = (error as InputError).message;
    for (const part of ['"Inkommen"', '"Personnummer"', 'wrong-headers.xlsx', 'header row 1', '"Datum"', '"PNR"'])
      expect(message).toContain(part);
    expect(message).not.toContain('Fastighetsbeteckning'); // optional columns may be absent
    expect((error as InputError).remedy).toMatch(/aliases/);
  });

  it('reads headers from a later header row and ignores the title rows above it', async () => {
    const file = await writeWorkbook('titled.xlsx', (sheet) => {
      sheet.addRow(['Ansökningar november']);
      sheet.addRow([]);
      sheet.addRow(HEADERS);
      sheet.addRow(['A-1', '2026-11-22', PNR_TEXT, 5, 'nej']);
    });
    const rows = await collect(readInput(xlsx({ ...source, headerRow: 3 }), { file }));
    expect(rows.map((r) => [r.row, r.data?.applicationId])).toEqual([[4, 'A-1']]);
  });

  it('reports an empty required cell as a row error naming row and column, and reads the other rows', async () => {
    const file = await writeWorkbook('gaps.xlsx', (sheet) => {
      sheet.addRow(HEADERS);
      sheet.addRow(['A-1', '2026-11-22', null, 5, 'ja']);
      sheet.addRow(['A-2', '2026-11-22', PNR_TEXT, 5, 'ja']);
    });
    const rows = await collect(readInput(source, { file }));
    expect(rows).toHaveLength(2);
    expect(rows[0]?.errors).toEqual([
      {
        field: 'personnummer',
        column: 'Personnummer',
        code: 'INPUT_REQUIRED',
        type: 'string',
        message: expect.stringMatching(/Row 2 of gaps\.xlsx.*"Personnummer"/),
      },
    ]);
    expect(rows[0]?.data).toMatchObject({ applicationId: 'A-1' }); // the key is still there for the clerk
    expect(rows[1]?.errors).toEqual([]);
  });

  it('reports a cell that is not a date without quoting the cell', async () => {
    const file = await writeWorkbook('bad-date.xlsx', (sheet) => {
      sheet.addRow(HEADERS);
      sheet.addRow(['A-1', `född ${PNR_TEXT}`, PNR_TEXT, 'tolv', 'kanske']);
    });
    const [row] = await collect(readInput(source, { file }));
    expect(row?.errors.map((e) => [e.field, e.code])).toEqual([
      ['submittedAt', 'INPUT_TYPE'],
      ['amount', 'INPUT_TYPE'],
      ['hasJobPlan', 'INPUT_TYPE'],
    ]);
    expect(row?.errors[0]?.message).toMatch(/Row 2 of bad-date\.xlsx: column "Inkommen" \(submittedAt\) is not a date/);
    for (const e of row?.errors ?? []) expect(e.message).not.toMatch(/9800|tolv|kanske/);
  });

  it('turns a formula error into a row error rather than a value', async () => {
    const file = await writeWorkbook('formula-error.xlsx', (sheet) => {
      sheet.addRow(HEADERS);
      sheet.addRow(['A-1', '2026-11-22', PNR_TEXT, { formula: 'VLOOKUP(A2,X:Y,2,0)', result: { error: '#N/A' } }, 'ja']);
    });
    const [row] = await collect(readInput(source, { file }));
    expect(row?.errors).toMatchObject([
      { field: 'amount', code: 'INPUT_TYPE', message: expect.stringMatching(/holds the formula error #N\/A/) },
    ]);
  });

  it('lists the sheets there are when the sheet is missing', async () => {
    const file = await writeWorkbook('sheets.xlsx', (sheet) => sheet.addRow(HEADERS), 'Blad1');
    await expect(collect(readInput(source, { file }))).rejects.toMatchObject({
      code: 'INPUT_SHEET_NOT_FOUND',
      message: expect.stringMatching(/sheets\.xlsx.*"Ansökningar".*"Info", "Blad1"/),
    });
  });

  it('reads the first sheet when none is named', async () => {
    const file = await writeWorkbook('first.xlsx', (sheet) => sheet.addRow(HEADERS));
    const firstSheet = xlsx({ columns: { title: 'Export från e-tjänsten' } });
    expect(await collect(readInput(firstSheet, { file }))).toEqual([]);
  });

  it('fails on a missing file, naming it, and on a file that is not a workbook', async () => {
    await expect(collect(readInput(source, { file: 'saknas.xlsx', cwd: tempDir() }))).rejects.toMatchObject({
      code: 'INPUT_FILE_NOT_FOUND',
      message: expect.stringContaining(join(tempDir(), 'saknas.xlsx')),
    });
    await writeFile(join(tempDir(), 'really.csv.xlsx'), 'Ärende-ID;Inkommen\nA-1;2026-11-22\n');
    await expect(collect(readInput(source, { file: 'really.csv.xlsx', cwd: tempDir() }))).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      message: expect.stringContaining('really.csv.xlsx'),
    });
    const truncated = await writeWorkbook('truncated.xlsx', (sheet) => sheet.addRow(HEADERS));
    const { readFile } = await import('node:fs/promises');
    await writeFile(truncated, (await readFile(truncated)).subarray(0, 900));
    await expect(collect(readInput(source, { file: truncated }))).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
  });

  it('uses --input over the source file, resolved against cwd, and says so when there is no file at all', async () => {
    await writeWorkbook('override.xlsx', (sheet) => {
      sheet.addRow(HEADERS);
      sheet.addRow(['A-7', '2026-11-22', PNR_TEXT, 1, 'ja']);
    });
    const withOwnFile = xlsx({ ...source, file: 'does-not-exist.xlsx' });
    const rows = await collect(readInput(withOwnFile, { file: 'override.xlsx', cwd: tempDir() }));
    expect(rows[0]?.data?.applicationId).toBe('A-7');
    await expect(collect(readInput(source, {}))).rejects.toMatchObject({ code: 'INPUT_NO_FILE' });
  });
});
