/**
 * Tables that run over as many pages as their rows need. Column widths are shares of the content
 * width; each cell wraps, each row is as tall as its tallest cell. A row that does not fit goes to
 * the next page, where the header row is drawn again so every page can be read on its own. A row
 * taller than a whole page (a very long free-text cell) is split line by line.
 */
import type { PDFFont } from 'pdf-lib';
import type { ReportFonts } from './fonts.ts';
import { baselineOffset, type PageCursor } from './layout.ts';
import { clampSize, COLOR, LEADING, SIZE } from './theme.ts';
import type { PdfTableColumn } from './types.ts';
import type { BreakPoints } from './hyphenate.ts';
import { TextMeasure, wrapText } from './wrap.ts';

export interface TableOptions {
  /** Shade every other row. @default false */
  zebra?: boolean;
  /** @default 8 (SIZE.small) */
  fontSize?: number;
  /** Where words of the document's language may break with a hyphen (set by the report from its language). */
  hyphenate?: BreakPoints;
}

const PAD_X = 4;
const PAD_Y = 3;

interface Layout {
  x: number[];
  widths: number[];
  align: Array<'left' | 'right'>;
  size: number;
  lineHeight: number;
}

export function drawTable(
  cursor: PageCursor,
  fonts: ReportFonts,
  columns: PdfTableColumn[],
  rows: string[][],
  options: TableOptions = {},
): void {
  if (columns.length === 0) return;
  const layout = columnLayout(cursor, columns, clampSize(options.fontSize, SIZE.small));
  const regular = new TextMeasure(fonts.regular, layout.size);
  const bold = new TextMeasure(fonts.bold, layout.size);
  const wrap = { hyphenate: options.hyphenate };
  const header = columns.map((column, i) => wrapText(column.header, bold, innerWidth(layout, i), wrap));
  const headerHeight = rowHeight(header, layout);

  // 1. Keep the header together with at least the first row.
  const first = rows[0] ? wrapRow(rows[0], layout, regular, wrap) : undefined;
  cursor.ensure(headerHeight + (first ? Math.min(rowHeight(first, layout), 3 * layout.lineHeight + 2 * PAD_Y) : 0));
  drawRow(cursor, header, layout, fonts.bold, { fill: COLOR.headerFill });
  cursor.onNewPage = () => drawRow(cursor, header, layout, fonts.bold, { fill: COLOR.headerFill });
  try {
    // 2. Each row: on this page if it fits, else on the next (after the repeated header).
    rows.forEach((row, index) => {
      const cells = index === 0 && first ? first : wrapRow(row, layout, regular, wrap);
      const fill = options.zebra && index % 2 === 1 ? COLOR.zebraFill : undefined;
      const height = rowHeight(cells, layout);
      const fitsOnFreshPage = height <= cursor.top - cursor.bottom - headerHeight;
      if (height > cursor.remaining && fitsOnFreshPage) cursor.newPage();
      if (height <= cursor.remaining) drawRow(cursor, cells, layout, fonts.regular, { fill });
      else drawSplitRow(cursor, cells, layout, fonts.regular, fill);
    });
  } finally {
    cursor.onNewPage = undefined;
  }
  cursor.advance(SIZE.body * 0.8);
}

function columnLayout(cursor: PageCursor, columns: PdfTableColumn[], size: number): Layout {
  const shares = columns.map((column) => (Number.isFinite(column.width) && column.width > 0 ? column.width : 1));
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => (cursor.width * share) / total);
  const x: number[] = [];
  let at = cursor.left;
  for (const width of widths) {
    x.push(at);
    at += width;
  }
  return { x, widths, align: columns.map((column) => column.align ?? 'left'), size, lineHeight: size * LEADING };
}

function innerWidth(layout: Layout, column: number): number {
  return Math.max(4, (layout.widths[column] ?? 0) - 2 * PAD_X);
}

function wrapRow(row: string[], layout: Layout, measure: TextMeasure, wrap: { hyphenate?: BreakPoints | undefined }): string[][] {
  return layout.widths.map((_, i) =>
    wrapText(String(row[i] ?? ''), measure, innerWidth(layout, i), wrap.hyphenate ? { hyphenate: wrap.hyphenate } : {}),
  );
}

function rowHeight(cells: string[][], layout: Layout): number {
  return Math.max(1, ...cells.map((lines) => lines.length)) * layout.lineHeight + 2 * PAD_Y;
}

function drawRow(
  cursor: PageCursor,
  cells: string[][],
  layout: Layout,
  font: PDFFont,
  style: { fill?: typeof COLOR.text | undefined },
): void {
  const height = rowHeight(cells, layout);
  const page = cursor.page;
  const top = cursor.y;
  if (style.fill) page.drawRectangle({ x: cursor.left, y: top - height, width: cursor.width, height, color: style.fill });
  cells.forEach((lines, column) => drawCellLines(cursor, lines, layout, column, font, top - PAD_Y));
  page.drawLine({
    start: { x: cursor.left, y: top - height },
    end: { x: cursor.right, y: top - height },
    thickness: 0.4,
    color: COLOR.rule,
  });
  cursor.advance(height);
}

function drawCellLines(cursor: PageCursor, lines: string[], layout: Layout, column: number, font: PDFFont, top: number): void {
  const x = layout.x[column] ?? cursor.left;
  const right = layout.align[column] === 'right';
  lines.forEach((line, i) => {
    const baseline = top - i * layout.lineHeight - baselineOffset(layout.size, layout.lineHeight);
    const left = right ? x + (layout.widths[column] ?? 0) - PAD_X - font.widthOfTextAtSize(line, layout.size) : x + PAD_X;
    cursor.text(line, left, baseline, font, layout.size, COLOR.text);
  });
}

/** A row taller than a page: as many of its lines as fit, then the rest on the next page(s). */
function drawSplitRow(cursor: PageCursor, cells: string[][], layout: Layout, font: PDFFont, fill: typeof COLOR.text | undefined): void {
  let offset = 0;
  const total = Math.max(...cells.map((lines) => lines.length));
  while (offset < total) {
    const fit = Math.max(1, Math.floor((cursor.remaining - 2 * PAD_Y) / layout.lineHeight));
    const slice = cells.map((lines) => lines.slice(offset, offset + fit));
    drawRow(cursor, slice, layout, font, { fill });
    offset += fit;
    if (offset < total) cursor.newPage();
  }
}
