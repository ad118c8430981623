/**
 * JSON: a file holding an array of objects. Without `columns` each object is the item's data as it
 * stands; with `columns` its fields are found (by key, matched like headers) and converted.
 */
import { readFile } from 'node:fs/promises';
import { bindPresent, columnDefs } from './columns.ts';
import { unreadableError, type InputFile } from './input-errors.ts';
import { buildRow, rowSource } from './row-builder.ts';
import type { InputRow, JsonSource } from './types.ts';

export async function* readJson<T>(source: JsonSource, file: InputFile, signal?: AbortSignal): AsyncGenerator<InputRow<T>> {
  const items = parseArray(await readFile(file.path, 'utf8'), file);
  const defs = source.columns === undefined ? undefined : columnDefs(source.columns);
  for (const [index, item] of items.entries()) {
    signal?.throwIfAborted();
    const place = { fileName: file.name, row: index + 1 };
    if (!isPlainObject(item)) {
      const message = `Row ${place.row} of ${file.name} is not an object`;
      yield { source: rowSource(place), row: place.row, data: undefined, errors: [{ field: '', column: '', code: 'INPUT_TYPE', message }] };
      continue;
    }
    if (defs === undefined) {
      yield { source: rowSource(place), row: place.row, data: item as T, errors: [] };
      continue;
    }
    // Each object has its own keys, so a missing key is a row error (empty cell), not a file error.
    const keys = Object.keys(item);
    yield buildRow<T>(place, bindPresent(defs, keys), (c) => ({ value: item[keys[c.index] as string] }));
  }
}

function parseArray(text: string, file: InputFile): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // JSON.parse's message quotes the text around the fault, which may be personal data: not passed on.
    throw unreadableError(file, 'is not valid JSON', 'Check the file with a JSON validator; it must hold an array of objects.');
  }
  if (!Array.isArray(parsed))
    throw unreadableError(file, 'does not hold a JSON array', 'The file must hold an array of objects: [ {…}, {…} ].');
  return parsed;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
