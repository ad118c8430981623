/**
 * Charts that read honestly: axis ticks that fit the values (whole numbers for counts, decimals
 * when the values are small, never two ticks that read the same), each bar's value above it, and
 * an empty chart that says so in words.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdfReport, niceScale, stepDecimals, type PdfDocumentOptions } from '../../src/report/pdf/index.ts';
import { pdfText, pngInk, renderPageToPng } from '../helpers/pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const options: PdfDocumentOptions = {
  title: 'Tid',
  organisation: 'Exempel kommun',
  language: 'sv',
  pageLabel: (page, pages) => `Sida ${page} av ${pages}`,
};
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

async function chartText(draw: (report: Awaited<ReturnType<typeof createPdfReport>>) => void): Promise<string> {
  const report = await createPdfReport(options);
  draw(report);
  return flat((await pdfText(await report.save())).join('\n'));
}

describe('chart axis and values', () => {
  const dir = useTempDir('kanslist-chart-values-');

  it('steps counts by whole numbers and small values by the decimals they need', () => {
    expect(niceScale([0, 1], 5, { integers: true }).ticks).toEqual([0, 1]);
    expect(niceScale([0, 0], 5, { integers: true }).ticks).toEqual([0, 1]);
    expect(niceScale([0, 1]).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect([1, 2, 5, 10, 0.2, 0.5, 0.05, 0.01].map(stepDecimals)).toEqual([0, 0, 0, 0, 1, 1, 2, 2]);
  });

  it('labels the y axis of one item with 0 and 1, not 0, 0, 0, 1, 1, 1', async () => {
    const text = await chartText((r) =>
      r.lineChart({
        title: 'Ärenden',
        labels: ['v. 1', 'v. 2'],
        series: [{ name: 'Klara', values: [0, 1] }],
        valueLabel: (v) => String(Math.round(v)),
        integers: true,
      }),
    );
    expect(text).toContain('Ärenden 0 1 v. 1 v. 2');
  });

  it('gives small values decimals when the caller’s format would print the same tick twice', async () => {
    // Hours rounded to whole hours would read 0 h, 0 h, 0 h, 1 h … for 0–0.5 h.
    const text = await chartText((r) =>
      r.lineChart({
        title: 'Timmar',
        labels: ['a', 'b'],
        series: [{ name: 'h', values: [0.1, 0.45] }],
        valueLabel: (v) => `${Math.round(v)} h`,
      }),
    );
    expect(text).toContain('Timmar 0,0 0,1 0,2 0,3 0,4 0,5 a b');
  });

  it('writes each bar’s value above it, where it fits', async () => {
    const text = await chartText((r) =>
      r.barChart({
        title: 'Frigjorda timmar',
        labels: ['v. 10', 'v. 11', 'v. 12'],
        series: [{ name: 'h', values: [12.5, 0, 3.25] }],
        valueLabel: (v) => `${v.toFixed(1).replace('.', ',')} h`,
      }),
    );
    expect(text).toContain('12,5 h');
    expect(text).toContain('3,3 h');
    // A crowded chart leaves the labels out rather than let them run into each other.
    const crowded = await chartText((r) =>
      r.barChart({
        labels: Array.from({ length: 60 }, (_, i) => `d${i}`),
        series: [{ name: 'h', values: Array.from({ length: 60 }, () => 1234.5) }],
        valueLabel: (v) => `${v} h`,
      }),
    );
    expect(crowded).not.toContain('1234.5 h');
  });

  it('says the chart is empty in words, drawn across the plot', async () => {
    const report = await createPdfReport(options);
    report.barChart({
      title: 'Frigjorda timmar',
      labels: ['v. 10', 'v. 11'],
      series: [{ name: 'h', values: [0, 0] }],
      emptyText: 'Inga ärenden slutfördes under perioden.',
    });
    const bytes = await report.save();
    expect(flat((await pdfText(bytes)).join('\n'))).toContain('Inga ärenden slutfördes under perioden.');
    const pdf = join(dir(), 'empty.pdf');
    await writeFile(pdf, bytes);
    // The sentence is in the middle of the plot: ink in the plot's middle band (gridlines are light grey, not counted).
    const png = await renderPageToPng(pdf, 1, dir(), 60);
    expect(await pngInk(png, { top: 0.15, bottom: 0.3 }, (r, g, b) => r < 140 && g < 140 && b < 160)).toBeGreaterThan(30);
  });
});
