import { describe, expect, it } from 'vitest';
import { createPdfReport, type PdfDocumentOptions } from '../../src/report/pdf/index.ts';
import { pdfText } from '../helpers/pdf.ts';

const options: PdfDocumentOptions = {
  title: 'Ärenden november',
  organisation: 'Exempel kommun',
  language: 'sv',
  pageLabel: (page, pages) => `${page} / ${pages}`,
  footer: 'Skapad 2026-11-22 14:05',
};

const columns = [
  { header: 'Ärendenummer', width: 2 },
  { header: 'Sökande', width: 3 },
  { header: 'Minuter', width: 1, align: 'right' as const },
];

describe('PDF tables', () => {
  it('spreads 200 rows over several pages with the header row, footer and "page / pages" on every page', async () => {
    const report = await createPdfReport(options);
    report.heading('Alla ärenden');
    const rows = Array.from({ length: 200 }, (_, i) => [`BL-2026-${String(i + 1).padStart(4, '0')}`, `Sökande ${i + 1}`, String(i * 3)]);
    report.table(columns, rows, { zebra: true });
    const pages = await pdfText(await report.save());

    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, index) => {
      expect(text).toContain('Ärendenummer Sökande Minuter');
      expect(text).toContain(`${index + 1} / ${pages.length}`);
      expect(text).toContain('Skapad 2026-11-22 14:05');
    });
    // Every row is printed exactly once, in order, none lost at a page break.
    const all = pages.join('\n');
    const printed = [...all.matchAll(/BL-2026-(\d{4})/g)].map((match) => Number(match[1]));
    expect(printed).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('wraps long cells, and splits a row taller than a page instead of losing its end', async () => {
    const report = await createPdfReport(options);
    const long = Array.from({ length: 900 }, (_, i) => `ord${i}`).join(' ');
    report.table(columns, [
      ['BL-1', long, '5'],
      ['BL-2', 'Kort', '7'],
    ]);
    const pages = await pdfText(await report.save());
    const all = pages.join(' ');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(all).toContain('ord0 ');
    expect(all).toContain('ord899');
    expect(all).toContain('BL-2 Kort 7');
    for (const text of pages) expect(text).toContain('Ärendenummer Sökande Minuter');
  });
});
