/**
 * Builds one InputRow from the cells of a row: converts each bound column and collects the row's
 * problems. A row with problems still carries the fields that converted (its key, for the clerk).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BoundColumn } from './columns.ts';
import { convertCell, isEmptyCell, type RawCell } from './convert.ts';
import type { InputRow, RowError } from './types.ts';

export interface RowPlace {
  /** File name only: 'e-tjanst.xlsx'. */
  fileName: string;
  /** 1-based row number in the file. */
  row: number;
  /** The input file's folder: 'file' columns resolve against it. */
  dir?: string;
}

export function rowSource(place: RowPlace): string {
  return `${place.fileName} row ${place.row}`;
}

/** True when every cell in the row is empty: such rows are skipped, not reported. */
export function isBlankRow(cells: (RawCell | undefined)[]): boolean {
  return cells.every((c) => isEmptyCell(c));
}

export function buildRow<T>(place: RowPlace, columns: BoundColumn[], cellAt: (column: BoundColumn) => RawCell | undefined): InputRow<T> {
  const data: Record<string, unknown> = {};
  const errors: RowError[] = [];
  for (const column of columns) {
    const cell = column.index < 0 ? undefined : cellAt(column);
    if (cell === undefined || isEmptyCell(cell)) {
      if (column.required) errors.push(rowError(place, column, 'INPUT_REQUIRED', 'is empty but required'));
      continue;
    }
    const converted = convertCell(cell, column.type);
    if (!converted.ok) errors.push(rowError(place, column, 'INPUT_TYPE', converted.problem));
    else if (column.type !== 'file') data[column.field] = converted.value;
    else {
      const path = resolve(place.dir ?? '.', column.folder ?? '', String(converted.value));
      if (existsSync(path)) data[column.field] = path;
      else
        errors.push(
          rowError(
            place,
            column,
            'INPUT_FILE_MISSING',
            `names a file that does not exist in ${join(place.dir ?? '.', column.folder ?? '')}`,
          ),
        );
    }
  }
  return { source: rowSource(place), row: place.row, data: data as T, errors };
}

/** The message names row, column and field — never the cell's value, which may be personal data. */
function rowError(place: RowPlace, column: BoundColumn, code: RowError['code'], problem: string): RowError {
  return {
    field: column.field,
    column: column.header,
    code,
    type: column.type,
    message: `Row ${place.row} of ${place.fileName}: column "${column.header}" (${column.field}) ${problem}`,
  };
}
