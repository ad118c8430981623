/**
 * Reads one worksheet's cells with exceljs's streaming reader (no full workbook model in memory),
 * keeping only plain values. The whole workbook is read before any row is used, so a damaged file
 * fails as a whole instead of half-way through a run.
 */
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
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

/**
 * The named sheet (or the first tab) of the workbook, as plain cells. Read with exceljs's
 * document reader: its streaming reader fails now and then on valid files (a race on the
 * workbook's sheet list), and input exports are small enough to read whole.
 */
export async function readSheet(file: InputFile, wanted: string | undefined, signal?: AbortSignal): Promise<SheetData> {
  await checkSignature(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file.path);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw unreadableError(file, 'is not a readable .xlsx workbook', NOT_XLSX_REMEDY, error);
  }
  signal?.throwIfAborted();
  const worksheet = workbook.worksheets.find((sheet) => sheetMatches(sheet.name, wanted));
  if (worksheet === undefined)
    throw sheetNotFoundError(
      file,
      wanted ?? '(first sheet)',
      workbook.worksheets.map((sheet) => sheet.name),
    );
  return { name: worksheet.name, rows: collectRows(worksheet) };
}

function sheetMatches(name: string, wanted: string | undefined): boolean {
  return wanted === undefined || name === wanted || normaliseHeader(name) === normaliseHeader(wanted);
}

function collectRows(worksheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: (RawCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = normaliseCell(cell.value, cell.numFmt);
    });
    rows.push({ number: row.number, cells });
  });
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
