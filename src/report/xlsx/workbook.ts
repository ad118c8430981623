/**
 * Excel reports written with exceljs's streaming writer: rows go to the file as they are added, so
 * a sheet of a million work items needs no more memory than a sheet of ten. Sheets are written one
 * after another; starting a new sheet finishes the previous one.
 *
 * Every sheet gets a bold header row that stays in view (frozen) and an autofilter, column widths,
 * and a number or date format per column type. Text always goes through inertText, and no cell is
 * ever a formula: row data only becomes strings, numbers and dates.
 */
import ExcelJS from 'exceljs';
import { ConfigError, KanslistError } from '../../errors.ts';
import type { Language } from '../i18n/language.ts';
import { checkTimeZone } from '../../util/wall-clock.ts';
import { CELL_TYPES, defaultWidth, numberFormat, type CellType } from './cell-formats.ts';
import { toCellValue } from './cell-value.ts';
import { checkSheetName } from './sheet-name.ts';
import { waitForWriter } from './backpressure.ts';
import { openFileOutput, type FileOutput } from './file-output.ts';

export interface XlsxColumn<Row> {
  key: keyof Row & string;
  header: string;
  type: CellType;
  /** In characters. @default from the header's length and the type (see defaultWidth) */
  width?: number;
}

export interface XlsxSheetOptions {
  /** Keep the header row in view while scrolling. @default true */
  freezeHeader?: boolean;
  /** Filter buttons on the header, over all written rows. @default true */
  autoFilter?: boolean;
}

export interface XlsxSheet<Row> {
  /**
   * Writes one row now (null/undefined values leave the cell empty; a wrong kind throws
   * KANSLIST_XLSX_CELL_TYPE and writes nothing). For many rows use addAll, which waits for the file.
   */
  add(row: Row): void;
  /** Writes every row, letting the file catch up as it goes, so memory stays flat for millions of rows. */
  addAll(rows: AsyncIterable<Row> | Iterable<Row>): Promise<void>;
  /** Data rows written so far (the header not counted). */
  rowCount(): number;
}

export interface XlsxWorkbook {
  /** Frozen header row, autofilter over the header, column widths, number/date formats per type. */
  sheet<Row>(name: string, columns: XlsxColumn<Row>[], options?: XlsxSheetOptions): XlsxSheet<Row>;
  /** Finishes the file (all sheets). Safe to call twice. */
  close(): Promise<void>;
}

export interface XlsxWorkbookOptions {
  language: Language;
  /** Dates are shown as wall-clock time in this IANA zone (Excel has no time zones). */
  timeZone: string;
  /** Document property "author". @default 'Kanslist' */
  creator?: string;
  /** Document property "title". */
  title?: string;
  /** Document property "subject". */
  subject?: string;
  /** Document creation time (epoch ms), e.g. the report's `now`. @default the current time */
  created?: number;
}

/** Excel's last row: a longer sheet is a file Excel cannot open. */
const MAX_ROWS = 1_048_576;

/** Rows written between two checks that the file has caught up. */
const ROWS_PER_CHECK = 500;

/** Streaming writer (exceljs WorkbookWriter, useSharedStrings false) writing to `path`; the folder is created. */
export async function createXlsxWorkbook(path: string, options: XlsxWorkbookOptions): Promise<XlsxWorkbook> {
  checkTimeZone(options.timeZone);
  const out = await openFileOutput(path);
  const created = new Date(options.created ?? Date.now());
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out.stream, useStyles: true, useSharedStrings: false });
  writer.created = created;
  writer.modified = created;
  writer.creator = options.creator ?? 'Kanslist';
  writer.lastModifiedBy = options.creator ?? 'Kanslist';
  if (options.title !== undefined) writer.title = options.title;
  if (options.subject !== undefined) writer.subject = options.subject;

  const names: string[] = [];
  let current: SheetWriter<unknown> | undefined;
  let closing: Promise<void> | undefined;

  return {
    sheet<Row>(name: string, columns: XlsxColumn<Row>[], sheetOptions: XlsxSheetOptions = {}): XlsxSheet<Row> {
      if (closing) throw closedError(name);
      checkSheetName(name, names);
      checkColumns(name, columns);
      current?.finish();
      names.push(name);
      const sheet = new SheetWriter<Row>(writer, out, name, columns, sheetOptions, options);
      current = sheet as SheetWriter<unknown>;
      return sheet;
    },
    close(): Promise<void> {
      closing ??= (async () => {
        current?.finish();
        // A workbook without sheets is not a valid xlsx file: Excel refuses it.
        if (names.length === 0) writer.addWorksheet('Sheet1').commit();
        out.check();
        await Promise.race([writer.commit(), out.failed]);
      })();
      return closing;
    },
  };
}

class SheetWriter<Row> implements XlsxSheet<Row> {
  private readonly worksheet: ExcelJS.Worksheet;
  /** One style object per column, shared by its cells: exceljs remembers a style object's id, so it is not hashed per cell. */
  private readonly styles: Array<Partial<ExcelJS.Style>>;
  private rows = 0;
  private finished = false;
  private writing = false;

  constructor(
    writer: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly out: FileOutput,
    private readonly name: string,
    private readonly columns: XlsxColumn<Row>[],
    private readonly options: XlsxSheetOptions,
    private readonly workbook: XlsxWorkbookOptions,
  ) {
    const views: Array<Partial<ExcelJS.WorksheetView>> =
      options.freezeHeader === false ? [] : [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];
    // Views must be given here: the streaming writer writes them with the sheet's first bytes.
    this.worksheet = writer.addWorksheet(name, { views });
    this.styles = columns.map((c) => ({ numFmt: numberFormat(c.type, workbook.language) }));
    this.worksheet.columns = columns.map((c, i) => ({
      key: c.key,
      width: c.width ?? defaultWidth(c.header, c.type),
      style: this.styles[i]!,
    }));
    const header = this.worksheet.getRow(1);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = toCellValue(c.header, 'text', workbook.timeZone, { sheet: name, row: 1, column: c.header }) ?? '';
      cell.style = { font: { bold: true }, alignment: { vertical: 'top' } };
    });
    header.commit();
  }

  add(row: Row): void {
    if (this.finished) throw closedError(this.name);
    this.out.check();
    const rowNumber = this.rows + 2;
    if (rowNumber > MAX_ROWS) throw tooManyRows(this.name);
    const values = this.columns.map((c) =>
      toCellValue((row as Record<string, unknown>)[c.key], c.type, this.workbook.timeZone, {
        sheet: this.name,
        row: rowNumber,
        column: c.header,
        key: c.key,
      }),
    );
    // Values are checked before anything is written, so a bad row leaves no half row behind.
    const sheetRow = this.worksheet.getRow(rowNumber);
    values.forEach((value, i) => {
      if (value === undefined) return;
      const cell = sheetRow.getCell(i + 1);
      cell.value = value;
      cell.style = this.styles[i]!;
    });
    sheetRow.commit();
    this.rows++;
  }

  async addAll(rows: AsyncIterable<Row> | Iterable<Row>): Promise<void> {
    if (this.writing)
      throw new ConfigError('KANSLIST_XLSX_SHEET_BUSY', `addAll is already writing sheet "${this.name}"`, {
        where: `sheet "${this.name}"`,
        remedy: 'Await one addAll before starting the next.',
      });
    this.writing = true;
    try {
      let sinceCheck = 0;
      for await (const row of rows) {
        this.add(row);
        if (++sinceCheck >= ROWS_PER_CHECK) {
          sinceCheck = 0;
          await waitForWriter(this.worksheet, this.out.stream);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  rowCount(): number {
    return this.rows;
  }

  /** Writes the autofilter and the end of the sheet; later add() calls throw. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.options.autoFilter !== false) {
      // Over the header and every data row, so filtering sees all of them.
      this.worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, this.rows + 1), column: this.columns.length } };
    }
    this.worksheet.commit();
  }
}

function checkColumns<Row>(sheet: string, columns: XlsxColumn<Row>[]): void {
  if (!Array.isArray(columns) || columns.length === 0) {
    throw new ConfigError('KANSLIST_XLSX_COLUMNS', `Sheet "${sheet}" has no columns`, {
      where: `sheet "${sheet}"`,
      remedy: 'Give at least one column.',
    });
  }
  for (const c of columns) {
    if (typeof c.key !== 'string' || typeof c.header !== 'string' || !numberFormatKnown(c.type)) {
      throw new ConfigError('KANSLIST_XLSX_COLUMNS', `A column of sheet "${sheet}" needs a key, a header and a known type`, {
        where: `sheet "${sheet}", column "${String(c.header ?? c.key)}"`,
        remedy: 'Types: text, integer, number, decimal2, percent, date, datetime, minutes, hours.',
      });
    }
  }
}

function numberFormatKnown(type: unknown): type is CellType {
  return typeof type === 'string' && (CELL_TYPES as readonly string[]).includes(type);
}

function tooManyRows(sheet: string): KanslistError {
  return new ConfigError(
    'KANSLIST_XLSX_TOO_MANY_ROWS',
    `Sheet "${sheet}" would pass Excel's limit of ${MAX_ROWS.toLocaleString('en')} rows`,
    {
      where: `sheet "${sheet}"`,
      remedy: 'Report a shorter period, or split the rows over several sheets.',
    },
  );
}

function closedError(sheet: string): KanslistError {
  return new ConfigError('KANSLIST_XLSX_SHEET_CLOSED', `Sheet "${sheet}" is already finished`, {
    where: `sheet "${sheet}"`,
    remedy: 'Write all rows of a sheet before starting the next sheet or closing the workbook.',
  });
}
