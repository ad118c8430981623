/** Headings, wrapped paragraphs and two-column fact lists. */
import type { Color } from 'pdf-lib';
import type { ReportFonts } from './fonts.ts';
import { baselineOffset, type PageCursor } from './layout.ts';
import type { ParagraphColor } from './types.ts';
import { clampSize, COLOR, LEADING, SIZE } from './theme.ts';
import { TextMeasure, wrapText } from './wrap.ts';

const PARAGRAPH_COLOR: Record<ParagraphColor, Color> = { normal: COLOR.text, muted: COLOR.muted, warning: COLOR.warning };

/** A heading is never left alone at the foot of a page: it needs room for itself and a few lines after it. */
const KEEP_WITH_NEXT = 4 * SIZE.body * LEADING;

export function drawHeading(cursor: PageCursor, fonts: ReportFonts, text: string, level: 1 | 2): void {
  const size = level === 1 ? SIZE.h1 : SIZE.h2;
  const lineHeight = size * 1.25;
  const spaceBefore = cursor.atTop ? 0 : level === 1 ? 14 : 9;
  const lines = wrapText(text, new TextMeasure(fonts.bold, size), cursor.width);
  const height = spaceBefore + lines.length * lineHeight + 4;
  cursor.ensure(height + KEEP_WITH_NEXT);
  if (!cursor.atTop) cursor.advance(spaceBefore);
  for (const line of lines) {
    cursor.text(line, cursor.left, cursor.y - baselineOffset(size, lineHeight), fonts.bold, size, COLOR.text);
    cursor.advance(lineHeight);
  }
  cursor.advance(4);
}

export interface ParagraphOptions {
  bold?: boolean;
  size?: number;
  color?: ParagraphColor;
}

export function drawParagraph(cursor: PageCursor, fonts: ReportFonts, text: string, options: ParagraphOptions = {}): void {
  const font = options.bold ? fonts.bold : fonts.regular;
  const size = clampSize(options.size, SIZE.body);
  const lineHeight = size * LEADING;
  const color = PARAGRAPH_COLOR[options.color ?? 'normal'];
  for (const line of wrapText(text, new TextMeasure(font, size), cursor.width)) {
    cursor.ensure(lineHeight);
    cursor.text(line, cursor.left, cursor.y - baselineOffset(size, lineHeight), font, size, color);
    cursor.advance(lineHeight);
  }
  cursor.advance(size * 0.6);
}

/** Labels take about a third of the width; a long value wraps and its row grows. */
export function drawKeyValues(cursor: PageCursor, fonts: ReportFonts, rows: Array<[label: string, value: string]>): void {
  const size = SIZE.body;
  const lineHeight = size * LEADING;
  const gap = 12;
  const labelWidth = Math.round(cursor.width * 0.34);
  const valueWidth = cursor.width - labelWidth - gap;
  const labelMeasure = new TextMeasure(fonts.bold, size);
  const valueMeasure = new TextMeasure(fonts.regular, size);
  for (const [label, value] of rows) {
    const labelLines = wrapText(label, labelMeasure, labelWidth);
    const valueLines = wrapText(value, valueMeasure, valueWidth);
    const count = Math.max(labelLines.length, valueLines.length);
    // Short facts stay whole; one taller than a page continues line by line.
    cursor.ensure(Math.min(count, 6) * lineHeight + 3);
    for (let i = 0; i < count; i++) {
      cursor.ensure(lineHeight);
      const baseline = cursor.y - baselineOffset(size, lineHeight);
      cursor.text(labelLines[i] ?? '', cursor.left, baseline, fonts.bold, size, COLOR.muted);
      cursor.text(valueLines[i] ?? '', cursor.left + labelWidth + gap, baseline, fonts.regular, size, COLOR.text);
      cursor.advance(lineHeight);
    }
    cursor.advance(3);
  }
  cursor.advance(size * 0.6);
}
