/**
 * CSV: decode, parse all records, check the header — then yield rows. Everything structural is
 * checked before the first row is yielded, so a broken file enqueues nothing.
 */
import { dirname } from 'node:path';
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { InputError } from '../errors.ts';
import { bindColumns, columnDefs } from './columns.ts';
import { parseCsv, sniffDelimiter, UnterminatedQuoteError, type CsvRecord } from './csv-parser.ts';
import { unreadableError, type InputFile } from './input-errors.ts';
import { buildRow, isBlankRow } from './row-builder.ts';
import type { CsvSource, InputRow } from './types.ts';

export async function* readCsv<T>(source: CsvSource, file: InputFile, signal?: AbortSignal): AsyncGenerator<InputRow<T>> {
  const text = decode(await readFile(file.path), source.encoding ?? 'utf8', file);
  const records = parseRecords(text, source.delimiter ?? sniffDelimiter(text), file);
  const header = records[0]?.fields ?? [];
  const columns = bindColumns(columnDefs(source.columns), header, { file, headerRow: 1 });
  for (let index = 1; index < records.length; index++) {
    signal?.throwIfAborted();
    const fields = (records[index] as CsvRecord).fields;
    const cells = fields.map((value) => ({ value }));
    if (isBlankRow(cells)) continue;
    // Row numbers count records, as a spreadsheet shows the file: the header is row 1.
    yield buildRow<T>({ fileName: file.name, row: index + 1, dir: dirname(file.path) }, columns, (c) => cells[c.index]);
  }
}

function decode(bytes: Buffer, encoding: 'utf8' | 'latin1', file: InputFile): string {
  // "latin1" exports from Windows are really Windows-1252 (€, curly quotes in 0x80–0x9F).
  if (encoding === 'latin1') return iconv.decode(bytes, 'win1252');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new InputError(
      'INPUT_ENCODING',
      `Input file ${file.given} is not valid UTF-8 (likely an "ANSI"/Latin-1 export: å ä ö would be garbled)`,
      {
        where: file.path,
        remedy: "Set `encoding: 'latin1'` in the bot's csv() source, or save the file as \"CSV UTF-8\".",
        cause: error,
      },
    );
  }
}

function parseRecords(text: string, delimiter: string, file: InputFile): CsvRecord[] {
  try {
    return parseCsv(text, delimiter);
  } catch (error) {
    if (!(error instanceof UnterminatedQuoteError)) throw error;
    throw unreadableError(
      file,
      `has a quoted field starting on line ${error.line} that never closes`,
      'Close the quote (a literal quote inside a quoted field is written "").',
      error,
    );
  }
}
