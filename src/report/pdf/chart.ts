/**
 * Bar and line charts drawn as vectors (rectangles and polylines), so they stay sharp when printed
 * or zoomed and the PDF stays small. Layout, top to bottom: title, plot area with y-axis labels and
 * gridlines, category labels (slanted and thinned when crowded), legend for several series.
 */
import { degrees, type PDFFont, type PDFPage } from 'pdf-lib';
import { LANGUAGE_LOCALES as LOCALES, type Language } from '../../config/config.ts';
import type { ReportFonts } from './fonts.ts';
import type { PageCursor } from './layout.ts';
import { drawableText } from './safe-text.ts';
import { niceScale, stepDecimals, type AxisScale } from './chart-scale.ts';
import { COLOR, SIZE, seriesColor, seriesDash } from './theme.ts';
import type { ChartOptions, ChartSeries } from './types.ts';
import { TextMeasure, wrapText } from './wrap.ts';

export type ChartKind = 'bar' | 'line';

const LABEL_SIZE = 7.5;
/** Slanted category labels are cut to this length. */
const MAX_SLANTED = 72;

interface Plot {
  page: PDFPage;
  left: number;
  right: number;
  top: number;
  bottom: number;
  scale: AxisScale;
  count: number;
}

export function drawChart(cursor: PageCursor, fonts: ReportFonts, kind: ChartKind, options: ChartOptions, language: Language): void {
  const count = options.labels.length;
  const series = options.series.length > 0 ? options.series : [{ name: '', values: [] }];
  const values = series.flatMap((one) => one.values.slice(0, count));
  const scale = niceScale(values, 5, { integers: options.integers === true });
  const plain = defaultFormat(language, stepDecimals(scale.step));
  const format = options.valueLabel ?? plain;
  const tickLabels = distinctTickLabels(scale.ticks, format, plain).map((label) => drawableText(label, fonts.regular));
  const empty = !values.some((value) => Number.isFinite(value) && value !== 0);
  const barValues = kind === 'bar' && options.barValues !== false && !empty;
  const small = new TextMeasure(fonts.regular, LABEL_SIZE);
  const axisWidth = Math.max(...tickLabels.map((label) => small.width(label))) + 6;
  // Between a readable minimum and what leaves room on one page for the title, labels and legend.
  const plotHeight = Number.isFinite(options.height) ? Math.min(Math.max(options.height ?? 0, 50), (cursor.top - cursor.bottom) / 2) : 170;
  const titleLines = options.title ? wrapText(options.title, new TextMeasure(fonts.bold, SIZE.body + 1), cursor.width) : [];
  const left = cursor.left + axisWidth;
  const labels = categoryLabels(options.labels, small, (cursor.right - left) / Math.max(1, count));
  const legend = series.length > 1 ? legendRows(series, small, cursor.width) : [];
  // Room above the plot for the value on the tallest bar.
  const headroom = barValues ? LABEL_SIZE + 4 : 0;
  const height = titleLines.length * 14 + 6 + headroom + plotHeight + labels.height + legend.length * 12 + 14;

  // 1. The whole chart on one page.
  cursor.ensure(height);
  const page = cursor.page;
  for (const line of titleLines) {
    cursor.text(line, cursor.left, cursor.y - 11, fonts.bold, SIZE.body + 1, COLOR.text);
    cursor.advance(14);
  }
  cursor.advance(6 + headroom);
  const plot: Plot = { page, left, right: cursor.right, top: cursor.y, bottom: cursor.y - plotHeight, scale, count };

  // 2. Gridlines and y labels, then the data, then the axes on top.
  scale.ticks.forEach((tick, i) => {
    const y = yOf(plot, tick);
    page.drawLine({ start: { x: plot.left, y }, end: { x: plot.right, y }, thickness: 0.4, color: COLOR.grid });
    const label = tickLabels[i] ?? '';
    cursor.text(label, plot.left - 4 - small.width(label), y - LABEL_SIZE * 0.35, fonts.regular, LABEL_SIZE, COLOR.muted);
  });
  if (kind === 'bar') drawBars(plot, series);
  else drawLines(plot, series);
  if (barValues) drawBarValues(cursor, fonts.regular, plot, series, format);
  if (empty && options.emptyText) drawEmptyText(cursor, fonts, plot, options.emptyText);
  const zero = yOf(plot, 0);
  page.drawLine({ start: { x: plot.left, y: zero }, end: { x: plot.right, y: zero }, thickness: 0.8, color: COLOR.axis });
  page.drawLine({ start: { x: plot.left, y: plot.bottom }, end: { x: plot.left, y: plot.top }, thickness: 0.6, color: COLOR.axis });

  // 3. Category labels and the legend.
  drawCategoryLabels(cursor, fonts.regular, plot, labels);
  cursor.advance(plotHeight + labels.height);
  drawLegend(cursor, fonts.regular, legend, kind);
  cursor.advance(14);
}

function defaultFormat(language: Language, decimals: number): (value: number) => string {
  const format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (value) => format.format(value);
}

/** The caller's labels, unless two ticks would read the same: then plain numbers with the step's decimals. */
function distinctTickLabels(ticks: number[], format: (value: number) => string, plain: (value: number) => string): string[] {
  const labels = ticks.map((tick) => safeFormat(format, tick));
  return new Set(labels).size === labels.length ? labels : ticks.map((tick) => safeFormat(plain, tick));
}

/** A caller's formatter that throws must not lose the report: fall back to the plain number. */
function safeFormat(format: (value: number) => string, value: number): string {
  try {
    return String(format(value));
  } catch {
    return String(value);
  }
}

function yOf(plot: Plot, value: number): number {
  return plot.bottom + ((value - plot.scale.min) / (plot.scale.max - plot.scale.min)) * (plot.top - plot.bottom);
}

function slotWidth(plot: Plot): number {
  return (plot.right - plot.left) / Math.max(1, plot.count);
}

function drawBars(plot: Plot, series: ChartSeries[]): void {
  const slot = slotWidth(plot);
  const group = slot * 0.72;
  const bar = group / series.length;
  const zero = yOf(plot, 0);
  series.forEach((one, s) => {
    for (let i = 0; i < plot.count; i++) {
      const value = one.values[i];
      if (value === undefined || !Number.isFinite(value) || value === 0) continue;
      const x = plot.left + i * slot + (slot - group) / 2 + s * bar;
      const y = yOf(plot, value);
      plot.page.drawRectangle({
        x,
        y: Math.min(y, zero),
        width: Math.max(0.5, bar - 0.6),
        height: Math.abs(y - zero),
        color: seriesColor(s),
      });
    }
  });
}

/** Each bar's value just above it (below, for a negative one), when the label fits the bar's slot. */
function drawBarValues(cursor: PageCursor, font: PDFFont, plot: Plot, series: ChartSeries[], format: (value: number) => string): void {
  const slot = slotWidth(plot);
  const group = slot * 0.72;
  const bar = group / series.length;
  const zero = yOf(plot, 0);
  const size = LABEL_SIZE - 0.5;
  series.forEach((one, s) => {
    for (let i = 0; i < plot.count; i++) {
      const value = one.values[i];
      if (value === undefined || !Number.isFinite(value) || value === 0) continue;
      const text = drawableText(safeFormat(format, value), font);
      const width = font.widthOfTextAtSize(text, size);
      // A label wider than its bar's room would run into the next one: left out (the table has the numbers).
      if (width > Math.max(bar, slot / series.length) - 1) continue;
      const centre = plot.left + i * slot + (slot - group) / 2 + s * bar + bar / 2;
      const y = yOf(plot, value);
      cursor.text(text, centre - width / 2, value > 0 ? y + 2 : Math.min(y, zero) - size - 1, font, size, COLOR.text);
    }
  });
}

/** The reader is told the chart is empty on purpose, instead of a flat line at zero. */
function drawEmptyText(cursor: PageCursor, fonts: ReportFonts, plot: Plot, text: string): void {
  const size = SIZE.body + 1;
  const lines = wrapText(drawableText(text, fonts.bold), new TextMeasure(fonts.bold, size), (plot.right - plot.left) * 0.8);
  const middle = (plot.top + plot.bottom) / 2 + ((lines.length - 1) * (size + 3)) / 2;
  lines.forEach((line, i) => {
    const width = fonts.bold.widthOfTextAtSize(line, size);
    cursor.text(line, (plot.left + plot.right) / 2 - width / 2, middle - i * (size + 3) - size * 0.35, fonts.bold, size, COLOR.muted);
  });
}

/** One SVG path per series (a real polyline, so dashes run continuously), broken at missing values. */
function drawLines(plot: Plot, series: ChartSeries[]): void {
  const slot = slotWidth(plot);
  const height = plot.page.getHeight();
  series.forEach((one, s) => {
    let path = '';
    let pen = false;
    const points: Array<{ x: number; y: number }> = [];
    for (let i = 0; i < plot.count; i++) {
      const value = one.values[i];
      if (value === undefined || !Number.isFinite(value)) {
        pen = false;
        continue;
      }
      const point = { x: plot.left + (i + 0.5) * slot, y: yOf(plot, value) };
      points.push(point);
      // drawSvgPath flips y around the origin given below, so SVG y = page height − PDF y.
      path += `${pen ? 'L' : 'M'}${point.x.toFixed(2)} ${(height - point.y).toFixed(2)} `;
      pen = true;
    }
    const color = seriesColor(s);
    if (path.includes('L'))
      plot.page.drawSvgPath(path, { x: 0, y: height, borderColor: color, borderWidth: 1.6, borderDashArray: seriesDash(s) });
    // Markers differ in shape per series (square, circle) so lines stay distinct in greyscale.
    if (slot >= 6) for (const point of points) drawMarker(plot.page, point, s);
  });
}

function drawMarker(page: PDFPage, point: { x: number; y: number }, series: number): void {
  const color = seriesColor(series);
  if (series % 2 === 0) page.drawRectangle({ x: point.x - 2, y: point.y - 2, width: 4, height: 4, color });
  else page.drawCircle({ x: point.x, y: point.y, size: 2.3, color: COLOR.headerFill, borderColor: color, borderWidth: 1.2 });
}

interface CategoryLabels {
  texts: string[];
  slanted: boolean;
  /** Show every n-th label. */
  every: number;
  height: number;
}

function categoryLabels(labels: string[], measure: TextMeasure, slot: number): CategoryLabels {
  const texts = labels.map((label) => drawableText(label, measure.font));
  const widest = Math.max(0, ...texts.map((text) => measure.width(text)));
  if (widest <= slot - 3) return { texts, slanted: false, every: 1, height: LABEL_SIZE + 8 };
  const cut = texts.map((text) => truncate(text, measure, MAX_SLANTED));
  const longest = Math.max(...cut.map((text) => measure.width(text)));
  // Slanted at 45°, neighbouring labels are slot·sin45° apart: keep that above one line of text.
  const every = Math.max(1, Math.ceil((LABEL_SIZE * 1.5) / (slot * Math.SQRT1_2)));
  return { texts: cut, slanted: true, every, height: longest * Math.SQRT1_2 + LABEL_SIZE + 8 };
}

function truncate(text: string, measure: TextMeasure, width: number): string {
  if (measure.width(text) <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && measure.width(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('')}…`;
}

function drawCategoryLabels(cursor: PageCursor, font: PDFFont, plot: Plot, labels: CategoryLabels): void {
  const slot = slotWidth(plot);
  labels.texts.forEach((text, i) => {
    if (i % labels.every !== 0 || text.trim() === '') return;
    const centre = plot.left + (i + 0.5) * slot;
    const width = font.widthOfTextAtSize(text, LABEL_SIZE);
    if (!labels.slanted) {
      cursor.text(text, centre - width / 2, plot.bottom - LABEL_SIZE - 4, font, LABEL_SIZE, COLOR.muted);
      return;
    }
    // Rotated so the label ends just under its tick and runs down to the left.
    const end = { x: centre + 2, y: plot.bottom - 4 };
    const start = { x: end.x - width * Math.SQRT1_2, y: end.y - width * Math.SQRT1_2 - LABEL_SIZE * 0.6 };
    plot.page.drawText(text, { x: start.x, y: start.y, font, size: LABEL_SIZE, color: COLOR.muted, rotate: degrees(45) });
  });
}

interface LegendEntry {
  name: string;
  index: number;
  x: number;
}

/** Legend entries laid out left to right, wrapping to further rows. */
function legendRows(series: ChartSeries[], measure: TextMeasure, width: number): LegendEntry[][] {
  const rows: LegendEntry[][] = [[]];
  let x = 0;
  series.forEach((one, index) => {
    const name = truncate(drawableText(one.name, measure.font), measure, width - 20);
    const entry = 16 + measure.width(name) + 14;
    if (x > 0 && x + entry > width) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1]?.push({ name, index, x });
    x += entry;
  });
  return rows;
}

function drawLegend(cursor: PageCursor, font: PDFFont, rows: LegendEntry[][], kind: ChartKind): void {
  for (const row of rows) {
    const y = cursor.y - 8;
    for (const entry of row) {
      const x = cursor.left + entry.x;
      const color = seriesColor(entry.index);
      if (kind === 'bar') cursor.page.drawRectangle({ x, y: y - 1, width: 10, height: 7, color });
      else {
        cursor.page.drawLine({
          start: { x, y: y + 2.5 },
          end: { x: x + 12, y: y + 2.5 },
          thickness: 1.6,
          color,
          dashArray: seriesDash(entry.index),
        });
        drawMarker(cursor.page, { x: x + 6, y: y + 2.5 }, entry.index);
      }
      cursor.text(entry.name, x + 16, y, font, LABEL_SIZE, COLOR.text);
    }
    cursor.advance(12);
  }
}
