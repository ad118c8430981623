/**
 * Text made drawable with a given font. Report text comes from work items, scraped pages and config:
 * it may hold characters the font has no glyph for (emoji, rare scripts), control characters or
 * decomposed accents. Drawing such text must never fail a report, so what cannot be drawn becomes '?'.
 */
import type { PDFFont } from 'pdf-lib';

const charsets = new WeakMap<PDFFont, Set<number>>();

function charset(font: PDFFont): Set<number> {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  return set;
}

/** Invisible format characters (soft hyphen, zero-width space/joiners, BOM) are dropped rather than shown as '?'. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Tabs, line separators and control characters become a space. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const SPACE_LIKE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** One line of text (no line breaks) with every character the font lacks replaced by '?'. */
export function drawableText(text: string, font: PDFFont): string {
  const known = charset(font);
  const cleaned = text.normalize('NFC').replace(INVISIBLE, '').replace(SPACE_LIKE, ' ');
  let out = '';
  for (const char of cleaned) {
    const code = char.codePointAt(0) ?? 0x3f;
    out += code === 0x20 || known.has(code) ? char : '?';
  }
  return out;
}
