/**
 * Word wrap by measured widths. Lines break at spaces. A word wider than the line is broken — with
 * `hyphenate` (the language's break points; tables use it):
 * - a word of letters, where the language's hyphenation allows, with a hyphen at the end of the
 *   line ("Årsarbets-" / "krafter"); one that has no allowed break that fits is cut with a hyphen
 *   all the same, so a reader never sees a word split without one;
 * - a word with letters and '/', '-', '_' or '.' at such a character when that fits ("Min/" /
 *   "ärende"), each letter run hyphenated as above;
 * - anything else (an id, a URL, a 500-character string without spaces, a run of over 40 letters) — and without `hyphenate`,
 *   every word — where it stops fitting, after punctuation near the end when there is any, with no
 *   hyphen, so what is printed is exactly the text.
 */
import type { PDFFont } from 'pdf-lib';
import type { BreakPoints } from './hyphenate.ts';
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
export function wrapText(text: string, measure: TextMeasure, maxWidth: number, options: { hyphenate?: BreakPoints } = {}): string[] {
  const lines: string[] = [];
  for (const hardLine of text.split(/\r\n|\r|\n/)) {
    const words = drawableText(hardLine, measure.font)
      .split(' ')
      .filter((word) => word !== '');
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
      const pieces =
        options.hyphenate && isWordLike(word)
          ? breakWordHyphenated(word, measure, maxWidth, options.hyphenate)
          : breakWord(word, measure, maxWidth);
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

/** The longest word treated as language: a longer run of letters is data (a token, a test string), cut exactly. */
const MAX_WORD = 40;

/** Letters, possibly joined by '/', '-', '.', '(' or ')': a word a reader reads, not an id. */
function isWordLike(word: string): boolean {
  return word.length <= MAX_WORD && /\p{L}{2}/u.test(word) && /^[\p{L}/.\-()]+$/u.test(word);
}

const JOINERS = new Set(['/', '-', '.', '(', ')']);

/**
 * Breaks a word a reader reads into pieces that fit: at a joiner ('/', '-') when that fits, else at
 * the last hyphenation point that fits (with a '-' added), else cut with a '-' added.
 */
function breakWordHyphenated(word: string, measure: TextMeasure, maxWidth: number, hyphenate: BreakPoints): string[] {
  const chars = Array.from(word);
  const hyphen = measure.width('-');
  const breaks = breakOptions(chars, hyphenate);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const rest = chars.slice(start).join('');
    if (measure.width(rest) <= maxWidth) {
      pieces.push(rest);
      break;
    }
    // The last allowed break after `start` whose piece (with its hyphen, if one is added) fits.
    let chosen: { at: number; addHyphen: boolean } | undefined;
    for (const option of breaks) {
      if (option.at <= start || option.at >= chars.length) continue;
      const width = measure.width(chars.slice(start, option.at).join('')) + (option.addHyphen ? hyphen : 0);
      if (width <= maxWidth) chosen = option;
    }
    if (chosen === undefined) {
      // Nothing allowed fits: cut where the piece and a hyphen still fit (at least one character).
      let end = start + 1;
      while (end < chars.length - 1 && measure.width(chars.slice(start, end + 1).join('')) + hyphen <= maxWidth) end++;
      // Never one letter alone on the next line: "ärend-" / "e" reads worse than "ären-" / "de".
      if (chars.length - end < 2 && end - start > 2) end = chars.length - 2;
      chosen = { at: end, addHyphen: !JOINERS.has(chars[end - 1] ?? '') };
    }
    pieces.push(chars.slice(start, chosen.at).join('') + (chosen.addHyphen ? '-' : ''));
    start = chosen.at;
  }
  return pieces;
}

/** Where a word may break, in order: after a joiner (no hyphen added), or at a hyphenation point of a letter run. */
function breakOptions(chars: string[], hyphenate: BreakPoints): Array<{ at: number; addHyphen: boolean }> {
  const options: Array<{ at: number; addHyphen: boolean }> = [];
  let run = 0;
  for (let i = 0; i <= chars.length; i++) {
    const char = chars[i];
    if (char !== undefined && !JOINERS.has(char)) continue;
    if (i > run) for (const at of hyphenate(chars.slice(run, i).join(''))) options.push({ at: run + at, addHyphen: true });
    if (char !== undefined) options.push({ at: i + 1, addHyphen: false });
    run = i + 1;
  }
  return options.sort((a, b) => a.at - b.at);
}
