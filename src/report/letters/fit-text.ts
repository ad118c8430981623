/**
 * Making a value fit its text field. A PDF viewer shows a value that is too long for its field cut
 * off at the edge; in a flattened letter the cut-off part is gone for good (though a text
 * extraction would still find it). So a long name or address is printed smaller instead, down to
 * a legible minimum; a multi-line field wraps at word boundaries as pdf-lib lays it out.
 */
import type { PDFFont, PDFTextField } from 'pdf-lib';

/** The template's size is the largest used; 0 ("auto" in PDF) starts here. */
const AUTO_START = 12;
const MIN_SIZE = 6;
const STEP = 0.5;
const SIZE_IN_DA = /(\/[^\s/]+\s+)([\d.]+)(\s+Tf)/;

/** Sets the largest font size (≤ the template's) at which `text` fits every widget of `field`. */
export function fitTextField(field: PDFTextField, text: string, font: PDFFont): void {
  const widgets = field.acroField.getWidgets();
  const templateSize = fontSizeOf(field);
  let size = templateSize > 0 ? templateSize : AUTO_START;
  const fitsEverywhere = (s: number) =>
    widgets.every((widget) => {
      const { width, height } = widget.getRectangle();
      const inset = 2 * ((widget.getBorderStyle()?.getWidth() ?? 0) + 1); // pdf-lib's border and padding
      return fits(text, font, s, width - inset, height - inset, field.isMultiline());
    });
  while (size > MIN_SIZE && !fitsEverywhere(size)) size = Math.max(MIN_SIZE, size - STEP);
  if (size === templateSize) return;
  // Each widget may carry its own default appearance, which wins over the field's.
  for (const widget of widgets) {
    const da = widget.getDefaultAppearance();
    if (da && SIZE_IN_DA.test(da)) widget.setDefaultAppearance(da.replace(SIZE_IN_DA, `$1${size}$3`));
  }
  field.setFontSize(size);
}

/** The field's font size from its (first widget's, else its own) default appearance; 0 when automatic or unset. */
function fontSizeOf(field: PDFTextField): number {
  const da = field.acroField.getWidgets()[0]?.getDefaultAppearance() ?? field.acroField.getDefaultAppearance() ?? '';
  const size = Number(SIZE_IN_DA.exec(da)?.[2] ?? 0);
  return Number.isFinite(size) ? size : 0;
}

function fits(text: string, font: PDFFont, size: number, width: number, height: number, multiline: boolean): boolean {
  if (!multiline) return font.widthOfTextAtSize(text, size) <= width;
  const lineHeight = font.heightAtSize(size) * 1.2; // as pdf-lib's multi-line layout
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    lines++;
    for (const word of paragraph.split(' ')) {
      if (font.widthOfTextAtSize(word, size) > width) return false; // a word that cannot wrap
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        lines++;
        line = word;
      } else line = candidate;
    }
  }
  return lines * lineHeight <= height;
}
