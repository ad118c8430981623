import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError, KanslistError } from '../../src/errors.ts';
import { createXlsxWorkbook, type XlsxColumn } from '../../src/report/xlsx/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('kanslist-report-xlsx-');

interface ItemRow {
  key: string;
  count: number | null;
  minutes?: number;
  amount: number;
  rate: number;
  hours: number;
  decided: number | Date | null;
  finishedAt: number;
}

const COLUMNS: XlsxColumn<ItemRow>[] = [
  { key: 'key', header: 'Ärende', type: 'text' },
  { key: 'count', header: 'Antal', type: 'integer' },
  { key: 'minutes', header: 'Minuter per ärende', type: 'minutes' },
  { key: 'amount', header: 'Belopp', type: 'decimal2' },
  { key: 'rate', header: 'Andel', type: 'percent' },
  { key: 'hours', header: 'Timmar', type: 'hours', width: 30 },
  { key: 'decided', header: 'Beslutsdag', type: 'date' },
  { key: 'finishedAt', header: 'Klar', type: 'datetime' },
];

const ROW: ItemRow = {
  key: 'BN-2026-0042',
  count: 1234,
  minutes: 12.5,
  amount: 99.5,
  rate: 0.125,
  hours: 1234.5,
  decided: Date.UTC(2026, 10, 22, 23, 30), // 23 November in Stockholm
  finishedAt: Date.UTC(2026, 5, 22, 13, 5), // 15:05 summer time
};

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

async function writeItems(language: 'sv' | 'da' | 'de' | 'en', rows: ItemRow[]): Promise<string> {
  const path = join(tempDir(), 'out', `items.${language}.xlsx`);
  const workbook = await createXlsxWorkbook(path, { language, timeZone: 'Europe/Stockholm', title: 'Ärenden', creator: 'Exempel kommun' });
  const sheet = workbook.sheet('Ärenden', COLUMNS);
  await sheet.addAll(rows);
  expect(sheet.rowCount()).toBe(rows.length);
  await workbook.close();
  return path;
}

describe('xlsx workbook', () => {
  it('writes typed cells with a number format per type and dates in local time', async () => {
    const sheet = (await readBack(await writeItems('sv', [ROW]))).getWorksheet('Ärenden')!;
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('BN-2026-0042');
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect([2, 3, 4, 5, 6].map((c) => row.getCell(c).value)).toEqual([1234, 12.5, 99.5, 0.125, 1234.5]);
    expect([2, 3, 4, 5, 6].map((c) => row.getCell(c).numFmt)).toEqual(['#,##0', '#,##0.0', '#,##0.00', '0.0%', '#,##0.0']);
    // Excel has no time zones: the cell holds the wall-clock time, which exceljs reads back as UTC fields.
    expect(row.getCell(7).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(7).value as Date).toISOString()).toBe('2026-11-23T00:30:00.000Z');
    expect(row.getCell(7).numFmt).toBe('yyyy-mm-dd');
    expect((row.getCell(8).value as Date).toISOString()).toBe('2026-06-22T15:05:00.000Z');
    expect(row.getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('orders dates day first for Danish and German', async () => {
    for (const language of ['da', 'de'] as const) {
      const row = (await readBack(await writeItems(language, [ROW]))).getWorksheet('Ärenden')!.getRow(2);
      expect(row.getCell(7).numFmt).toBe('dd.mm.yyyy');
      expect(row.getCell(8).numFmt).toBe('dd.mm.yyyy hh:mm');
    }
  });

  it('has a bold, frozen header row with an autofilter over all rows, and column widths', async () => {
    const workbook = await readBack(await writeItems('en', [ROW, { ...ROW, key: 'BN-2026-0043' }]));
    const sheet = workbook.getWorksheet('Ärenden')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...COLUMNS.map((c) => c.header)]);
    expect(sheet.getRow(1).getCell(3).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:H3');
    const widths = sheet.columns.map((c) => c.width);
    expect(widths[5]).toBe(30); // given
    expect(widths[2]).toBeGreaterThanOrEqual('Minuter per ärende'.length); // from the header
    expect(widths[7]).toBeGreaterThanOrEqual('2026-06-22 15:05'.length); // from the type
    expect(workbook.creator).toBe('Exempel kommun');
    expect(workbook.title).toBe('Ärenden');
  });

  it('leaves cells empty for null and undefined, and writes Date objects too', async () => {
    const path = await writeItems('sv', [{ ...ROW, count: null, minutes: undefined, decided: new Date(Date.UTC(2026, 0, 15, 11)) }]);
    const row = (await readBack(path)).getWorksheet('Ärenden')!.getRow(2);
    expect(row.getCell(2).value).toBeNull();
    expect(row.getCell(3).value).toBeNull();
    expect((row.getCell(7).value as Date).toISOString()).toBe('2026-01-15T12:00:00.000Z');
  });

  it('refuses a value of the wrong kind, naming sheet, row and column but not the value', async () => {
    const path = join(tempDir(), 'bad.xlsx');
    const workbook = await createXlsxWorkbook(path, { language: 'sv', timeZone: 'Europe/Stockholm' });
    const sheet = workbook.sheet('Ärenden', COLUMNS);
    sheet.add(ROW);
    // pg returns int8 columns as strings: a report must convert them, not get an empty column.
    const bad = { ...ROW, count: '19850709' as unknown as number };
    const error = await sheet.addAll([bad]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as KanslistError).code).toBe('KANSLIST_XLSX_CELL_TYPE');
    expect((error as KanslistError).where).toBe('sheet "Ärenden", row 3, column "Antal" (key "count")');
    expect((error as KanslistError).remedy).toContain('Number()');
    expect(String((error as Error).message) + (error as KanslistError).where).not.toContain('19850709');
    expect(() => sheet.add({ ...ROW, decided: '2026-11-22' as unknown as number })).toThrow(/date column got a string/);
    // The bad rows left nothing behind: the next good row takes row 3.
    sheet.add({ ...ROW, key: 'next' });
    await workbook.close();
    const read = (await readBack(path)).getWorksheet('Ärenden')!;
    expect(read.getRow(3).getCell(1).value).toBe('next');
    expect(read.rowCount).toBe(3);
  });

  it('writes sheets one after another; a finished sheet refuses rows', async () => {
    const path = join(tempDir(), 'two.xlsx');
    const workbook = await createXlsxWorkbook(path, { language: 'de', timeZone: 'Europe/Berlin' });
    const first = workbook.sheet<{ name: string }>('Übersicht', [{ key: 'name', header: 'Name', type: 'text' }]);
    first.add({ name: 'Søren Ærø' });
    const second = workbook.sheet<{ n: number }>('Zahlen', [{ key: 'n', header: 'n', type: 'integer' }], {
      freezeHeader: false,
      autoFilter: false,
    });
    second.add({ n: 7 });
    expect(() => first.add({ name: 'late' })).toThrow(expect.objectContaining({ code: 'KANSLIST_XLSX_SHEET_CLOSED' }));
    await workbook.close();
    await workbook.close(); // safe twice
    expect(() => workbook.sheet('Mehr', [{ key: 'x', header: 'x', type: 'text' }])).toThrow(KanslistError);
    const read = await readBack(path);
    expect(read.worksheets.map((s) => s.name)).toEqual(['Übersicht', 'Zahlen']);
    expect(read.getWorksheet('Übersicht')!.getCell('A2').value).toBe('Søren Ærø');
    expect(read.getWorksheet('Zahlen')!.getCell('A2').value).toBe(7);
    expect(read.getWorksheet('Zahlen')!.autoFilter).toBeUndefined();
    expect((read.getWorksheet('Zahlen')!.views ?? []).filter((v) => v.state === 'frozen')).toEqual([]);
  });

  it('checks sheet names as Excel does', async () => {
    const workbook = await createXlsxWorkbook(join(tempDir(), 'names.xlsx'), { language: 'en', timeZone: 'UTC' });
    const column: XlsxColumn<{ a: string }>[] = [{ key: 'a', header: 'A', type: 'text' }];
    workbook.sheet('Runs', column);
    for (const name of ['runs', 'a/b', 'x'.repeat(32), '']) {
      expect(() => workbook.sheet(name, column)).toThrow(expect.objectContaining({ code: 'KANSLIST_XLSX_SHEET_NAME' }));
    }
    await workbook.close();
  });

  it('writes a valid file even when no sheet was added', async () => {
    const path = join(tempDir(), 'empty.xlsx');
    const workbook = await createXlsxWorkbook(path, { language: 'sv', timeZone: 'Europe/Stockholm' });
    await workbook.close();
    expect((await readBack(path)).worksheets).toHaveLength(1);
  });

  it('says which file cannot be written', async () => {
    const blocker = join(tempDir(), 'not-a-folder');
    await writeFile(blocker, 'x');
    const error = await createXlsxWorkbook(join(blocker, 'r.xlsx'), { language: 'sv', timeZone: 'Europe/Stockholm' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as KanslistError).code).toBe('KANSLIST_REPORT_WRITE');
    expect((error as KanslistError).where).toBe(join(blocker, 'r.xlsx'));
    const locked = join(tempDir(), 'locked');
    await mkdir(locked);
    await chmod(locked, 0o500);
    if (process.getuid?.() !== 0) {
      await expect(createXlsxWorkbook(join(locked, 'r.xlsx'), { language: 'sv', timeZone: 'UTC' })).rejects.toThrow(/cannot be written/);
    }
    await chmod(locked, 0o700);
  });

  it.skipIf(!existsSync('/dev/full'))('reports a disk that fills up while writing, instead of crashing or hanging', async () => {
    const workbook = await createXlsxWorkbook('/dev/full', { language: 'sv', timeZone: 'Europe/Stockholm' });
    const sheet = workbook.sheet<{ n: number }>('Rader', [{ key: 'n', header: 'n', type: 'integer' }]);
    const outcome = await (async () => {
      await sheet.addAll(Array.from({ length: 20_000 }, (_, n) => ({ n })));
      await workbook.close();
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(outcome).toBeInstanceOf(ConfigError);
    expect((outcome as KanslistError).code).toBe('KANSLIST_REPORT_WRITE');
    expect((outcome as KanslistError).where).toBe('/dev/full');
  });
});
