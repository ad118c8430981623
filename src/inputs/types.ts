/**
 * The shapes a bot uses to say where its work items come from, and what reading them yields.
 *
 * A source is plain data (built with `xlsx()`, `csv()`, `json()` or `fromFunction()`), so a bot
 * file can declare it without reading anything; `readInput()` does the reading at run time.
 */

/** How a cell is converted. @default 'string' */
/** 'file': a file name or relative path, resolved against the input file's folder (and `folder`) and checked to exist. */
export type ColumnType = 'string' | 'number' | 'date' | 'boolean' | 'file';

export interface ColumnSpec {
  /** The header text in the file. Matched trimmed, case-insensitively, with whitespace collapsed. */
  header: string;
  /** @default 'string' — identity numbers are strings: leading zeros matter. */
  type?: ColumnType;
  /** An empty cell is a row error. A missing header is a file error. @default true */
  required?: boolean;
  /** Other header texts accepted for the same column (older exports, other languages). */
  aliases?: string[];
  /** For type 'file': the folder the files are in, relative to the input file's folder (e.g. 'bilagor'). */
  folder?: string;
}

/** Property name in the item's data → its header text, or a full spec. */
export type Columns = Record<string, string | ColumnSpec>;

export interface XlsxSource {
  kind: 'xlsx';
  /** Path to the workbook; the CLI's `--input` overrides it. */
  file?: string;
  /** @default the first worksheet */
  sheet?: string;
  /** 1-based row that holds the headers; rows above it are ignored. @default 1 */
  headerRow?: number;
  columns: Columns;
}

export interface CsvSource {
  kind: 'csv';
  file?: string;
  /** @default sniffed from the header line: `;`, `,` or tab */
  delimiter?: string;
  /** `latin1` is read as Windows-1252, which is what "ANSI" exports really are. @default 'utf8' (BOM stripped) */
  encoding?: 'utf8' | 'latin1';
  columns: Columns;
}

export interface JsonSource {
  kind: 'json';
  /** A file holding a JSON array of objects. */
  file?: string;
  /** When given, each object's fields are validated and converted like spreadsheet columns. */
  columns?: Columns;
}

export interface FunctionSourceContext {
  /** The file from `--input` or the source's own, resolved against the working directory. */
  file?: string;
  signal?: AbortSignal;
}

export interface FunctionSource<T> {
  kind: 'function';
  load: (ctx: FunctionSourceContext) => AsyncIterable<T> | Iterable<T> | Promise<Iterable<T>>;
}

export type InputSource<T = Record<string, unknown>> = XlsxSource | CsvSource | JsonSource | FunctionSource<T>;

export interface RowError {
  /** The property name in the item's data. */
  field: string;
  /** The header text in the file. */
  column: string;
  code: 'INPUT_REQUIRED' | 'INPUT_TYPE' | 'INPUT_FILE_MISSING';
  /** The column's type, for a reason that says what was expected in the reader's language. */
  type?: ColumnType;
  /** Names the row and column, never the cell's value (it may be personal data). */
  message: string;
}

export interface InputRow<T = Record<string, unknown>> {
  /** Where the row came from, e.g. 'e-tjanst.xlsx row 7': for errors and the item's source. */
  source: string;
  /** 1-based row in the file (xlsx/csv: the sheet row, header included; json: array index + 1). */
  row: number;
  /**
   * The converted row. `undefined` only when the row could not be read at all; a row with field
   * errors still carries the fields that did convert, so its key can be shown to a clerk.
   */
  data: T | undefined;
  /** Empty when the row is valid. */
  errors: RowError[];
}

export interface ReadInputOptions {
  /** Overrides the source's own `file` (the CLI's `--input`). */
  file?: string;
  /** Relative paths resolve against this. @default process.cwd() */
  cwd?: string;
  signal?: AbortSignal;
}
