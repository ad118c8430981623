/**
 * Word wrap by measured widths. Lines break at spaces; a word wider than the line (an id, a URL, a
 * 500-character string without spaces) is cut where it stops fitting — after a '/', '-', '_' or '.'
 * near the end when there is one — and no hyphen is added, so what is printed is exactly the text.
 */
import type { PDFFont } from 'pdf-lib';
import { drawableText } from './safe-text.ts';

/** Measures strings with one font at one size, caching each word's width (tables repeat words a lot). */
export class TextMeasure {
  private readonly cache = new Map<string, number>();
  readonly spaceWidth: number;

  constructor(
    readonly font: PDFFont,
    readonly size: number,
  ) {
    this.spaceWidth = font.widthOfTextAtSize(' ', size);
  }

  width(text: string): number {
    let width = this.cache.get(text);
    if (width === undefined) {
      width = text === '' ? 0 : this.font.widthOfTextAtSize(text, this.size);
      if (this.cache.size > 20_000) this.cache.clear();
      this.cache.set(text, width);
    }
    return width;
  }
}

/**
 * The lines `text` wraps to within `maxWidth`. A `\n` in the text starts a new line; an empty text
 * gives one empty line. Characters the font lacks are already replaced in the result.
 */
export function wrapText(text: string, measure: TextMeasure, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const hardLine of text.split(/\r\n|\r|\n/)) {
    const words = drawableText(hardLine, measure.font).split(' ').filter((word) => word !== '');
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      const width = measure.width(word);
      const joined = line === '' ? width : lineWidth + measure.spaceWidth + width;
      if (joined <= maxWidth) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = joined;
        continue;
      }
      if (line !== '') lines.push(line);
      if (width <= maxWidth) {
        line = word;
        lineWidth = width;
        continue;
      }
      const pieces = breakWord(word, measure, maxWidth);
      line = pieces.pop() ?? '';
      lineWidth = measure.width(line);
      lines.push(...pieces);
    }
    lines.push(line);
  }
  return lines;
}

const BREAK_AFTER = new Set(['/', '-', '_', '.', ',', ';', ':', '\\', '|', '&', '?', '=']);

/** Cuts one over-long word into pieces that each fit (at least one character per piece). */
function breakWord(word: string, measure: TextMeasure, maxWidth: number): string[] {
  const chars = Array.from(word);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    let width = measure.width(chars[start] ?? '');
    while (end < chars.length) {
      const next = width + measure.width(chars[end] ?? '');
      if (next > maxWidth) break;
      width = next;
      end++;
    }
    if (end < chars.length) end = preferredBreak(chars, start, end);
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

/** A break just after punctuation in the last third of the piece reads better than a mid-word cut. */
function preferredBreak(chars: string[], start: number, end: number): number {
  const earliest = start + Math.ceil(((end - start) * 2) / 3);
  for (let at = end - 1; at >= earliest; at--) {
    if (BREAK_AFTER.has(chars[at] ?? '')) return at + 1;
  }
  return end;
}
