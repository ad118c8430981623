import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter } from '../../src/inputs/csv-parser.ts';
import { parseBooleanText, parseDateText, parseNumberText } from '../../src/inputs/parse-text.ts';
import { paddedDigits } from '../../src/inputs/xlsx-cell.ts';

describe('cell text parsing', () => {
  it('reads the date forms Nordic and German exports use, as wall-clock UTC dates', () => {
    const day = new Date('2026-11-22T00:00:00Z');
    for (const text of ['2026-11-22', '22.11.2026', '22-11-2026', '22/11/2026', ' 22.11.2026 ']) expect(parseDateText(text)).toEqual(day);
    expect(parseDateText('2026-11-22 08:15')).toEqual(new Date('2026-11-22T08:15:00Z'));
    expect(parseDateText('22.11.2026 08.15')).toEqual(new Date('2026-11-22T08:15:00Z'));
    expect(parseDateText('2026-11-22T08:15:00+01:00')).toEqual(new Date('2026-11-22T07:15:00Z'));
  });

  it('rejects dates that do not exist or are ambiguous', () => {
    for (const text of ['31.02.2026', '2026-13-01', '22.11-2026', '11/22/2026', '2026-11-22 25:00', 'igår', '22.11.26']) {
      expect(parseDateText(text), text).toBeUndefined();
    }
  });

  it('reads decimal commas and grouped thousands', () => {
    expect(parseNumberText('1 234,50')).toBe(1234.5);
    expect(parseNumberText('1.234,50')).toBe(1234.5);
    expect(parseNumberText('1,234.50')).toBe(1234.5);
    expect(parseNumberText('−12,5')).toBe(-12.5);
    expect(parseNumberText('12 kr')).toBeUndefined();
    expect(parseNumberText('')).toBeUndefined();
  });

  it('reads yes/no in the languages of the exports', () => {
    expect(['ja', 'JA', 'yes', 'x', '1', 'sant'].map(parseBooleanText)).toEqual([true, true, true, true, true, true]);
    expect(['nej', 'nei', 'nein', 'no', '0', 'falskt'].map(parseBooleanText)).toEqual([false, false, false, false, false, false]);
    expect(parseBooleanText('kanske')).toBeUndefined();
  });

  it('shows numbers the way a zero-padded number format displays them', () => {
    expect(paddedDigits(101019800, '0000000000')).toBe('0101019800');
    expect(paddedDigits(101019800, '000000-0000')).toBe('010101-9800');
    expect(paddedDigits(101019800, 'General')).toBeUndefined();
    expect(paddedDigits(1.5, '0000')).toBeUndefined();
  });
});

describe('csv parser', () => {
  it('handles quotes, escapes, embedded line breaks and a last line without a break', () => {
    expect(parseCsv('a;"b;c";"say ""hi"""\r\n"line1\nline2";x\ny;z', ';')).toEqual([
      { fields: ['a', 'b;c', 'say "hi"'], line: 1 },
      { fields: ['line1\nline2', 'x'], line: 2 },
      { fields: ['y', 'z'], line: 4 },
    ]);
  });

  it('sniffs the delimiter from the header line, ignoring quoted text', () => {
    expect(sniffDelimiter('"a,b";c;d\n1,2,3,4,5')).toBe(';');
    expect(sniffDelimiter('a,b,c')).toBe(',');
    expect(sniffDelimiter('a\tb')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(',');
  });
});
