import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createXlsxWorkbook } from '../../src/report/xlsx/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { zipEntriesText } from '../helpers/zip.ts';

const tempDir = useTempDir('kanslist-report-xlsx-stream-');

// Full collections at each measurement, so the numbers are what is still held, not garbage (the
// second one also lets V8 release Buffers the first one found dead).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Memory held in JS objects and in Buffers (exceljs and zlib buffer rows as Buffers). */
function held(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const ROWS = 200_000;
const TEXT = 'Ansökan om bygglov, nybyggnad av enbostadshus; handläggare Åsa Öberg, '.padEnd(100, '.');

describe('xlsx streaming', () => {
  it('writes 200,000 rows while holding far less memory than the rows take', async () => {
    const path = join(tempDir(), 'large.xlsx');
    let peak = 0;
    // eslint-disable-next-line @typescript-eslint/require-await -- the writer takes an async source; this one has nothing to wait for
    async function* rows(): AsyncGenerator<{ key: string; text: string; minutes: number }> {
      for (let i = 0; i < ROWS; i++) {
        if (i % 25_000 === 0) peak = Math.max(peak, held());
        yield { key: `BN-${String(i).padStart(7, '0')}`, text: TEXT, minutes: i / 8 };
      }
    }
    const before = held();
    const workbook = await createXlsxWorkbook(path, { language: 'sv', timeZone: 'Europe/Stockholm' });
    const sheet = workbook.sheet('Ärenden', [
      { key: 'key', header: 'Ärende', type: 'text' },
      { key: 'text', header: 'Beskrivning', type: 'text' },
      { key: 'minutes', header: 'Minuter', type: 'minutes' },
    ]);
    await sheet.addAll(rows());
    await workbook.close();
    peak = Math.max(peak, held());

    const textBytes = ROWS * (TEXT.length + 10);
    expect(sheet.rowCount()).toBe(ROWS);
    // Loose bound: a writer that kept its rows would hold several times the text (cells, XML, objects).
    const heldMb = ((peak - before) / 2 ** 20).toFixed(1);
    expect(peak - before, `held ${heldMb} MB while writing ${(textBytes / 2 ** 20).toFixed(0)} MB of text`).toBeLessThan(textBytes / 4);

    // The file really has every row, the last one complete.
    expect(statSync(path).size).toBeGreaterThan(100_000);
    const xml = zipEntriesText(path);
    expect(xml).toContain(`<row r="${ROWS + 1}"`);
    expect(xml).toContain(`BN-${String(ROWS - 1).padStart(7, '0')}`);
  });
});
