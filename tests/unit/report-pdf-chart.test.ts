import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createPdfReport, niceScale, type PdfDocumentOptions } from '../../src/report/pdf/index.ts';
import { pdfText, pngInk, pngIsBlank, renderPageToPng } from '../helpers/pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const options: PdfDocumentOptions = {
  title: 'Zeitersparnis',
  organisation: 'Beispielstadt',
  language: 'de',
  pageLabel: (page, pages) => `Seite ${page} von ${pages}`,
};

/** Page content without title block and footer. */
const BODY = { top: 0.08, bottom: 0.9 };

describe('PDF charts and rendering', () => {
  const dir = useTempDir('kanslist-pdf-chart-');

  it('draws bar and line charts as vectors with axis labels and a legend, on pages that are visibly not empty', async () => {
    const report = await createPdfReport(options);
    report.paragraph('Übersicht');
    report.pageBreak();
    report.barChart({
      title: 'Fälle pro Woche',
      labels: ['KW 44', 'KW 45', 'KW 46', 'KW 47'],
      series: [
        { name: 'Erledigt', values: [120, 340, 290, 410] },
        { name: 'Ausnahmen', values: [12, 30, 25, 8] },
      ],
      valueLabel: (value) => `${value} Fälle`,
    });
    report.pageBreak();
    const days = Array.from({ length: 60 }, (_, i) => `Tag ${i + 1}`);
    report.lineChart({ title: 'Stunden', labels: days, series: [{ name: 'Bot', values: days.map((_, i) => 4 + Math.sin(i / 5) * 3) }] });
    report.pageBreak();
    report.spacer(1); // an otherwise empty page, for comparison
    const bytes = await report.save();
    const pdf = join(dir(), 'charts.pdf');
    await writeFile(pdf, bytes);

    const pages = await pdfText(bytes);
    expect(pages).toHaveLength(4);
    expect(pages[1]).toContain('Fälle pro Woche');
    expect(pages[1]).toContain('500 Fälle'); // the y axis ends on a round value above the largest bar
    expect(pages[1]).toContain('KW 47');
    expect(pages[1]).toContain('Erledigt');
    expect(pages[1]).toContain('Ausnahmen');
    expect(pages[2]).toContain('Stunden');

    const [bars, line, empty] = await Promise.all([2, 3, 4].map((page) => renderPageToPng(pdf, page, dir())));
    const emptyInk = await pngInk(empty!, BODY);
    expect(emptyInk).toBe(0);
    expect(await pngInk(bars!, BODY)).toBeGreaterThan(1000);
    expect(await pngInk(line!, BODY)).toBeGreaterThan(300);
    // The bar colours are there (the first series is dark blue, the second orange).
    expect(await pngInk(bars!, BODY, (r, g, b) => b > 100 && r < 80)).toBeGreaterThan(500);
    expect(await pngInk(bars!, BODY, (r, g, b) => r > 200 && g > 100 && g < 180 && b < 80)).toBeGreaterThan(20);
  });

  it('renders page 1 as not blank, and a page with nothing on it as blank', async () => {
    const report = await createPdfReport(options);
    report.paragraph('Inhalt');
    const pdf = join(dir(), 'report.pdf');
    await writeFile(pdf, await report.save());
    expect((await pdfText(pdf))[0]).toContain('Inhalt');
    expect(await pngIsBlank(await renderPageToPng(pdf, 1, dir()))).toBe(false);

    const blank = await PDFDocument.create();
    blank.addPage();
    const blankPdf = join(dir(), 'blank.pdf');
    await writeFile(blankPdf, await blank.save());
    expect(await pngIsBlank(await renderPageToPng(blankPdf, 1, dir()))).toBe(true);
  });

  it('puts gridlines on round 1/2/5 × 10^n steps that include zero', () => {
    expect(niceScale([120, 340, 290, 410]).ticks).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceScale([0.12, 0.7]).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceScale([-30, 45]).ticks).toEqual([-40, -20, 0, 20, 40, 60]);
    expect(niceScale([]).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceScale([7, 7, Number.NaN]).ticks).toEqual([0, 2, 4, 6, 8]);
  });
});
