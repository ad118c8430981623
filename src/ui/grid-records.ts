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
 */
import { FatalBotError } from '../errors.ts';

export interface RawCell {
  text: string;
  title: string;
}

export interface RawRow {
  /** Every cell is a `<th>`. */
  header: boolean;
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
}

/** The full text of a cell: its title when the visible text is a truncation of it. */
export function cellText(cell: RawCell): string {
  const { text, title } = cell;
  if (!title || title.length <= text.length) return text;
  const endsWithEllipsis = /(…|\.\.\.)$/.test(text);
  return endsWithEllipsis || title.startsWith(text) ? title : text;
}

export function gridRecords(path: string, rows: readonly RawRow[], shape: GridShape = {}): Record<string, string>[] {
  const filled = rows.filter((row) => row.cells.length > 0);
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
    const cells = group.flatMap((row) => row.cells);
    records.push(Object.fromEntries(fields.map(([field, index]) => [field, cells[index] ? cellText(cells[index]) : ''])));
    at += perRecord - 1;
  }
  return records;
}

function leadingHeaderRows(rows: readonly RawRow[]): number {
  const index = rows.findIndex((row) => !row.header);
  return index < 0 ? rows.length : index;
}

function fieldIndexes(path: string, headers: readonly string[], shape: GridShape): Array<[string, number]> {
  if (shape.fields) return Object.entries(shape.fields).map(([field, ref]) => [field, columnIndex(path, headers, field, ref)]);
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
