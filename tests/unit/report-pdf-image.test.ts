/**
 * Pictures in a report (a masked screenshot): scaled into the text column with a caption, and a
 * file that is not a PNG or JPEG left out instead of losing the report.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdfReport } from '../../src/report/pdf/index.ts';
import { pdfText, pngInk, renderPageToPng, writeSolidPng } from '../helpers/pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('PDF pictures', () => {
  const dir = useTempDir('kanslist-pdf-image-');

  it('draws a wide screenshot within the margins with its caption, and skips bytes that are no picture', async () => {
    const shot = join(dir(), 'screenshot.png');
    await writeSolidPng(shot, 1600, 900, [20, 160, 40]);
    const report = await createPdfReport({
      title: 'Undantag',
      organisation: 'Exempel kommun',
      language: 'sv',
      pageLabel: (p, n) => `Sida ${p} av ${n}`,
    });
    expect(await report.image(await readFile(shot), { caption: 'B-1: Sökanden finns inte i folkbokföringen.' })).toBe(true);
    expect(await report.image(new TextEncoder().encode('<html>not a picture</html>'), { caption: 'trasig' })).toBe(false);
    const bytes = await report.save();
    const text = (await pdfText(bytes)).join('\n');
    expect(text).toContain('B-1: Sökanden finns inte i folkbokföringen.');
    expect(text).not.toContain('trasig');
    const pdf = join(dir(), 'image.pdf');
    await writeFile(pdf, bytes);
    const png = await renderPageToPng(pdf, 1, dir(), 40);
    const green = (r: number, g: number, b: number) => g > 120 && r < 80 && b < 90;
    expect(await pngInk(png, {}, green)).toBeGreaterThan(2000);
    // Nothing outside the text column (A4 margins).
    expect(await pngInk(png, { left: 0.93 }, green)).toBe(0);
  });
});
