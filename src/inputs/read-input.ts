/**
 * Reads a bot's input source into rows. Structural problems (no file, missing file, unreadable
 * file, missing sheet or column) throw InputError before the first row; row problems are reported
 * in each row's `errors` and the rest of the file is still read.
 */
import { chooseFile, requireFile } from './input-file.ts';
import { readCsv } from './read-csv.ts';
import { readFunction } from './read-function.ts';
import { readJson } from './read-json.ts';
import { readXlsx } from './read-xlsx.ts';
import type { InputRow, InputSource, ReadInputOptions } from './types.ts';

export async function* readInput<T = Record<string, unknown>>(
  source: InputSource<T>,
  options: ReadInputOptions = {},
): AsyncIterable<InputRow<T>> {
  const chosen = chooseFile(source.kind === 'function' ? undefined : source.file, options);
  const { signal } = options;
  signal?.throwIfAborted();
  switch (source.kind) {
    case 'function':
      yield* readFunction(source, chosen, signal);
      return;
    case 'xlsx':
      yield* readXlsx<T>(source, await requireFile('xlsx', chosen), signal);
      return;
    case 'csv':
      yield* readCsv<T>(source, await requireFile('csv', chosen), signal);
      return;
    case 'json':
      yield* readJson<T>(source, await requireFile('json', chosen), signal);
      return;
  }
}
