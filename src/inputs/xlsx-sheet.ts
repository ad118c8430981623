/**
 * Reads one worksheet's cells with exceljs's streaming reader (no full workbook model in memory),
 * keeping only plain values. The whole workbook is read before any row is used, so a damaged file
 * fails as a whole instead of half-way through a run.
 */
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { KanslistError } from '../errors.ts';
import type { RawCell } from './convert.ts';
import { normaliseHeader } from './columns.ts';
import { sheetNotFoundError, unreadableError, type InputFile } from './input-errors.ts';
import { normaliseCell } from './xlsx-cell.ts';

export interface SheetRow {
  /** 1-based sheet row. */
  number: number;
  /** 0-based column index → cell. */
  cells: (RawCell | undefined)[];
}

export interface SheetData {
  name: string;
  rows: SheetRow[];
}

const NOT_XLSX_REMEDY = 'Open it in Excel and save it as "Excel Workbook (*.xlsx)", or declare the source as csv() if it is a CSV file.';

/** The named sheet (or the first one) of the workbook, as plain cells. */
export async function readSheet(file: InputFile, wanted: string | undefined, signal?: AbortSignal): Promise<SheetData> {
  await checkSignature(file);
  const names: string[] = [];
  let found: SheetData | undefined;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file.path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
    for await (const worksheet of reader) {
      signal?.throwIfAborted();
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${names.length + 1}`;
      names.push(name);
      // Only the wanted sheet's rows are parsed; the others are skipped but the file is read to its end.
      if (found === undefined && sheetMatches(name, wanted)) found = { name, rows: await collectRows(worksheet, signal) };
    }
  } catch (error) {
    if (error instanceof KanslistError || signal?.aborted) throw error;
    throw unreadableError(file, 'is not a readable .xlsx workbook', NOT_XLSX_REMEDY, error);
  }
  if (found === undefined) throw sheetNotFoundError(file, wanted ?? '(first sheet)', names);
  return found;
}

function sheetMatches(name: string, wanted: string | undefined): boolean {
  return wanted === undefined || name === wanted || normaliseHeader(name) === normaliseHeader(wanted);
}

async function collectRows(worksheet: ExcelJS.stream.xlsx.WorksheetReader, signal?: AbortSignal): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of worksheet) {
    signal?.throwIfAborted();
    const cells: (RawCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = normaliseCell(cell.value, cell.numFmt);
    });
    rows.push({ number: row.number, cells });
  }
  return rows;
}

/** An .xlsx file is a zip; an old .xls (OLE2) or a renamed CSV gets a clear message instead of a zip error. */
async function checkSignature(file: InputFile): Promise<void> {
  const handle = await open(file.path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw unreadableError(file, 'is an old Excel 97–2003 (.xls) workbook, which Kanslist does not read', NOT_XLSX_REMEDY);
    }
    if (!head.equals(Buffer.from('PK\x03\x04', 'latin1'))) throw unreadableError(file, 'is not an .xlsx workbook', NOT_XLSX_REMEDY);
  } finally {
    await handle.close();
  }
}
