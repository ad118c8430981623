/** XLSX: read the sheet, bind the header row, then yield converted rows below it. */
import { dirname } from 'node:path';
import { bindColumns, columnDefs } from './columns.ts';
import type { RawCell } from './convert.ts';
import type { InputFile } from './input-errors.ts';
import { buildRow, isBlankRow } from './row-builder.ts';
import type { InputRow, XlsxSource } from './types.ts';
import { readSheet } from './xlsx-sheet.ts';

export async function* readXlsx<T>(source: XlsxSource, file: InputFile, signal?: AbortSignal): AsyncGenerator<InputRow<T>> {
  const headerRow = source.headerRow ?? 1;
  const sheet = await readSheet(file, source.sheet, signal);
  const headerCells = sheet.rows.find((r) => r.number === headerRow)?.cells ?? [];
  const headers = Array.from(headerCells, headerText);
  const columns = bindColumns(columnDefs(source.columns), headers, { file, headerRow, sheetLabel: `sheet "${sheet.name}"` });
  for (const row of sheet.rows) {
    if (row.number <= headerRow || isBlankRow(row.cells)) continue;
    signal?.throwIfAborted();
    yield buildRow<T>({ fileName: file.name, row: row.number, dir: dirname(file.path) }, columns, (c) => row.cells[c.index]);
  }
}

function headerText(cell: RawCell | undefined): string | undefined {
  const value = cell?.value;
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  // A header is text or a number; anything else shows as what it holds, never as [object Object].
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
