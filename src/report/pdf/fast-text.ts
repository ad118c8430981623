/**
 * Fast text measuring and encoding for an embedded font. pdf-lib shapes every string with fontkit's
 * full OpenType layout (about 1.5 ms a call for DejaVu Sans), once to measure and again to draw: a
 * 200-row table took seconds. pdf-lib only uses the glyph ids and advance widths of that layout —
 * never kerning or mark positions — so for the Latin text in reports the same result comes from
 * looking each character up once and reusing it. Installed on the font instances that
 * embedReportFonts returns.
 */
import { PDFHexString, type PDFFont } from 'pdf-lib';

export function useCharacterCache(font: PDFFont): PDFFont {
  const shapeText = font.encodeText.bind(font);
  const measure = font.widthOfTextAtSize.bind(font);
  const glyphs = new Map<string, string>();
  const widths = new Map<string, number>();

  const glyphOf = (char: string): string => {
    let hex = glyphs.get(char);
    if (hex === undefined) {
      hex = shapeText(char).asString();
      glyphs.set(char, hex);
    }
    return hex;
  };
  const widthOf = (char: string): number => {
    let width = widths.get(char);
    if (width === undefined) {
      width = measure(char, 1);
      widths.set(char, width);
    }
    return width;
  };

  font.encodeText = (text: string) => {
    let hex = '';
    for (const char of text) hex += glyphOf(char);
    return PDFHexString.of(hex);
  };
  font.widthOfTextAtSize = (text: string, size: number) => {
    let width = 0;
    for (const char of text) width += widthOf(char);
    return width * size;
  };
  return font;
}
