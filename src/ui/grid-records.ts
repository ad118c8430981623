/**
 * Turning the rows of a grid into records: which rows are headers, which rows make one record,
 * and which cell holds which field. Pure functions of the cells read from the page.
 *
 * One row per record (the default): the first row is the header; a row with as many cells as it
 * is a record (pager and spacer rows have another shape and are skipped). Several rows per record
 * (`rowsPerRecord`): the leading rows of `<th>` cells are the header (up to `rowsPerRecord` of
 * them), and a record starts at each row shaped like the first header row and takes the rows after
 * it. A record's cells — and the header's — are numbered across its rows: the first row's cells,
 * then the second's.
 *
 * Records of varying length (`recordStart`, a CSS selector the page matched against each row: the
 * row's `start` flag): a record starts at each matching row and takes the rows after it up to the
 * next start. The `<th>` rows before the first start are the header; they, any other rows before
 * the first start, and `<tfoot>` rows are no records. A cell a shorter record lacks reads as ''.
 */
import { FatalBotError } from '../errors.ts';

export interface RawCell {
  text: string;
  title: string;
}

export interface RawRow {
  /** Every cell is a `<th>`. */
  header: boolean;
  /** The row matches the `recordStart` selector (matched in the page; absent without one). */
  start?: boolean;
  /** The row is in the table's `<tfoot>` (a RadGrid's pager): part of no record. Read with `start`. */
  foot?: boolean;
  cells: RawCell[];
}

/**
 * Which column a field is read from: its header text (exact, spaces trimmed), a RegExp tested on
 * the header, its position (0-based, counted across the rows of a record), or several of these —
 * a list, or one per language (`{ sv: 'Ärendenummer', en: 'Case number' }`) — tried in order.
 */
export type ColumnRef = string | RegExp | number | readonly (string | RegExp)[] | Readonly<Record<string, string | RegExp>>;

export interface GridShape {
  /** Header text → record field (the older form). When given, only these columns are read. */
  columns?: Record<string, string> | undefined;
  /** Record field → column. When given, only these fields are read; wins over `columns`. */
  fields?: Readonly<Record<string, ColumnRef>> | undefined;
  /**
   * Rows that make one record, e.g. 2 for a line and a detail line below it; `'headerRows'`: as
   * many as the grid has leading header rows, for a bot that reads releases with one and with two.
   * @default 1
   */
  rowsPerRecord?: number | 'headerRows' | undefined;
  /**
   * A CSS selector matching the first row of each record, for records of varying length (a case
   * row and zero or more detail rows). Not together with `rowsPerRecord`. @default undefined
   */
  recordStart?: string | undefined;
}

/** The full text of a cell: its title when the visible text is a truncation of it. */
export function cellText(cell: RawCell): string {
  const { text, title } = cell;
  if (!title || title.length <= text.length) return text;
  const endsWithEllipsis = /(…|\.\.\.)$/.test(text);
  return endsWithEllipsis || title.startsWith(text) ? title : text;
}

/** Options that contradict each other, checked before the grid is read (or its trigger clicked). */
export function checkGridShape(path: string, shape: GridShape): void {
  if (shape.recordStart !== undefined && shape.rowsPerRecord !== undefined) {
    throw new FatalBotError(
      'KANSLIST_GRID_OPTIONS_INVALID',
      `The grid "${path}" was given both recordStart and rowsPerRecord; they are two ways to group rows into records`,
      {
        where: `target ${path}`,
        remedy: 'Choose one in the readGrid options: rowsPerRecord for records of a fixed number of rows, recordStart for varying ones.',
      },
    );
  }
}

export function gridRecords(path: string, rows: readonly RawRow[], shape: GridShape = {}): Record<string, string>[] {
  checkGridShape(path, shape);
  const filled = rows.filter((row) => row.cells.length > 0);
  if (shape.recordStart !== undefined) return startedRecords(path, filled, shape.recordStart, shape);
  const perRecord = shape.rowsPerRecord === 'headerRows' ? Math.max(1, leadingHeaderRows(filled)) : (shape.rowsPerRecord ?? 1);
  if (!Number.isInteger(perRecord) || perRecord < 1) {
    throw new FatalBotError(
      'KANSLIST_GRID_OPTIONS_INVALID',
      `rowsPerRecord for the grid "${path}" must be a whole number ≥ 1, got ${String(perRecord)}`,
      {
        where: `target ${path}`,
        remedy: 'Fix the readGrid options in the bot.',
      },
    );
  }
  const headerCount = perRecord === 1 ? 1 : Math.max(1, Math.min(perRecord, leadingHeaderRows(filled)));
  const headerRows = filled.slice(0, headerCount);
  const headers = headerRows.flatMap((row) => row.cells.map((cell) => cell.text));
  const startWidth = headerRows[0]?.cells.length ?? 0;
  const fields = fieldIndexes(path, headers, shape);
  const records: Record<string, string>[] = [];
  const body = filled.slice(headerCount);
  for (let at = 0; at < body.length; at++) {
    const start = body[at];
    if (!start || start.header || start.cells.length !== startWidth) continue; // pager, spacer or sub-header row
    const group = body.slice(at, at + perRecord);
    if (group.length < perRecord) break; // a record cut off by the end of the table is not guessed at
    records.push(record(fields, group));
    at += perRecord - 1;
  }
  return records;
}

/** Records from `recordStart`: each starting row and the rows after it up to the next start. */
function startedRecords(path: string, rows: readonly RawRow[], selector: string, shape: GridShape): Record<string, string>[] {
  const first = rows.findIndex((row) => row.start === true && !row.header);
  const headerRows = (first < 0 ? rows : rows.slice(0, first)).filter((row) => row.header);
  const headers = headerRows.flatMap((row) => row.cells.map((cell) => cell.text));
  // A position may reach past the header: detail rows need not have a header row of their own.
  const fields = fieldIndexes(path, headers, shape, { anyPosition: true });
  if (first < 0) {
    // Only a row shaped like the header shows the selector is wrong: a lone "no records" or
    // pager row of an empty grid is no data row.
    const width = headerRows[0]?.cells.length;
    const data = rows.filter((row) => !row.header && !row.foot && (width === undefined || row.cells.length === width));
    if (data.length > 0) throw unmatchedStart(path, selector, data.length);
    return [];
  }
  const groups: RawRow[][] = [];
  for (const row of rows.slice(first)) {
    if (row.header || row.foot) continue; // a sub-header, footer or pager row belongs to no record
    if (row.start) groups.push([row]);
    else groups[groups.length - 1]?.push(row);
  }
  return groups.map((group) => record(fields, group));
}

/** One record: its cells numbered across its rows; a cell the record does not have reads as ''. */
function record(fields: ReadonlyArray<[string, number]>, group: readonly RawRow[]): Record<string, string> {
  const cells = group.flatMap((row) => row.cells);
  return Object.fromEntries(fields.map(([field, index]) => [field, cells[index] ? cellText(cells[index]) : '']));
}

function unmatchedStart(path: string, selector: string, dataRows: number): FatalBotError {
  return new FatalBotError(
    'KANSLIST_GRID_RECORD_START_UNMATCHED',
    `No row of the grid "${path}" matches recordStart "${selector}", though it has ${dataRows} data row(s)`,
    {
      where: `target ${path}`,
      remedy:
        "The grid layout changed or the selector is wrong: match recordStart to the first row of each record (its tag and classes, e.g. 'tr.rgRow, tr.rgAltRow').",
    },
  );
}

function leadingHeaderRows(rows: readonly RawRow[]): number {
  const index = rows.findIndex((row) => !row.header);
  return index < 0 ? rows.length : index;
}

function fieldIndexes(
  path: string,
  headers: readonly string[],
  shape: GridShape,
  opts: { anyPosition?: boolean } = {},
): Array<[string, number]> {
  if (shape.fields) {
    return Object.entries(shape.fields).map(([field, ref]) => [
      field,
      opts.anyPosition && typeof ref === 'number' && Number.isInteger(ref) && ref >= 0 ? ref : columnIndex(path, headers, field, ref),
    ]);
  }
  if (!shape.columns) return headers.map((header, index) => [header, index]);
  return Object.entries(shape.columns).map(([header, field]) => {
    const index = headers.indexOf(header);
    if (index < 0) throw missing(path, headers, `"${header}"`);
    return [field, index];
  });
}

/** The column of one field: the first pattern that matches exactly one header decides. */
export function columnIndex(path: string, headers: readonly string[], field: string, ref: ColumnRef): number {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < headers.length) return ref;
    throw missing(path, headers, `position ${ref} (field "${field}")`);
  }
  const patterns =
    typeof ref === 'string' || ref instanceof RegExp
      ? [ref]
      : Array.isArray(ref)
        ? ref
        : Object.values(ref as Readonly<Record<string, string | RegExp>>);
  for (const pattern of patterns as readonly (string | RegExp)[]) {
    const matching = headers.flatMap((header, index) => (headerMatches(header, pattern) ? [index] : []));
    if (matching.length > 1) {
      throw new FatalBotError(
        'KANSLIST_GRID_COLUMN_AMBIGUOUS',
        `${matching.length} columns of the grid "${path}" match ${String(pattern)} for field "${field}"; Kanslist never guesses`,
        {
          where: `target ${path}`,
          remedy: 'Make the column pattern match one header (an exact text or an anchored RegExp), or give the position.',
        },
      );
    }
    if (matching[0] !== undefined) return matching[0];
  }
  throw missing(path, headers, `${patterns.map(String).join(' or ')} (field "${field}")`);
}

function headerMatches(header: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? header.trim() === pattern.trim() : pattern.test(header);
}

function missing(path: string, headers: readonly string[], wanted: string): FatalBotError {
  return new FatalBotError('KANSLIST_GRID_COLUMN_MISSING', `The grid "${path}" has no column ${wanted} (columns: ${headers.join(', ')})`, {
    where: `target ${path}`,
    remedy: "The grid layout changed or the column name is misspelt: update the bot's columns or fields.",
  });
}
