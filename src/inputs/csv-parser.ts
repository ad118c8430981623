/**
 * A small RFC 4180 parser: quoted fields, `""` escapes, line breaks inside quotes, CRLF, LF or CR.
 * It is lenient where spreadsheets are sloppy (a quote inside an unquoted field is kept as text)
 * and strict where data would be lost (a quote that never closes is an error).
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts (differs from the record number after quoted line breaks). */
  line: number;
}

export class UnterminatedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`A quoted field opened on line ${line} never closes`);
  }
}

export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ fields, line: recordLine });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' && field === '') {
      const closed = readQuoted(text, i + 1);
      if (closed === undefined) throw new UnterminatedQuoteError(line);
      field = closed.value;
      line += closed.lineBreaks;
      i = closed.next;
    } else if (text.startsWith(delimiter, i)) {
      fields.push(field);
      field = '';
      i += delimiter.length;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += ch;
      i += 1;
    }
  }
  // A file that ends without a line break still has its last record; a trailing break adds none.
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

interface Quoted {
  value: string;
  /** Index just after the closing quote. */
  next: number;
  lineBreaks: number;
}

function readQuoted(text: string, start: number): Quoted | undefined {
  let value = '';
  let lineBreaks = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, next: i + 1, lineBreaks };
    }
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) lineBreaks += 1;
    value += ch;
    i += 1;
  }
  return undefined;
}

/** The delimiter used most often outside quotes on the first line: `;`, `,` or tab. @default ',' */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}
