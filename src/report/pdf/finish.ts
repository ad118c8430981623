/** What is drawn once the page count is known (footers, page labels) and the document's metadata. */
import type { PDFDocument } from 'pdf-lib';
import { LANGUAGE_LOCALES as LOCALES } from '../../config/config.ts';
import type { ReportFonts } from './fonts.ts';
import type { PageCursor } from './layout.ts';
import { COLOR, FOOTER_BASELINE, SIZE } from './theme.ts';
import type { PdfDocumentOptions } from './types.ts';
import { TextMeasure, wrapText } from './wrap.ts';

/** Left footer and right page label on every page, over a thin rule. */
export function drawFooters(cursor: PageCursor, fonts: ReportFonts, options: Pick<PdfDocumentOptions, 'pageLabel' | 'footer'>): void {
  const pages = cursor.pages.length;
  const measure = new TextMeasure(fonts.regular, SIZE.footer);
  cursor.pages.forEach((page, index) => {
    const label = firstLine(safeLabel(options.pageLabel, index + 1, pages), measure, cursor.width / 3);
    const labelWidth = measure.width(label);
    const footer = options.footer ? firstLine(options.footer, measure, cursor.width - labelWidth - 20) : '';
    const ruleY = FOOTER_BASELINE + SIZE.footer + 4;
    page.drawLine({ start: { x: cursor.left, y: ruleY }, end: { x: cursor.right, y: ruleY }, thickness: 0.4, color: COLOR.rule });
    const draw = (text: string, x: number) => {
      if (text !== '') page.drawText(text, { x, y: FOOTER_BASELINE, font: fonts.regular, size: SIZE.footer, color: COLOR.muted });
    };
    draw(footer, cursor.left);
    draw(label, cursor.right - labelWidth);
  });
}

/** A label function that throws still leaves a numbered page. */
function safeLabel(pageLabel: PdfDocumentOptions['pageLabel'], page: number, pages: number): string {
  try {
    return String(pageLabel(page, pages));
  } catch {
    return `${page} / ${pages}`;
  }
}

/** Footers are one line: text that would wrap is cut at the first wrapped line. */
function firstLine(text: string, measure: TextMeasure, width: number): string {
  return wrapText(text.replace(/\s+/g, ' '), measure, width)[0] ?? '';
}

export function setMetadata(doc: PDFDocument, options: PdfDocumentOptions, now: Date): void {
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setAuthor(options.author ?? options.organisation);
  if (options.subject ?? options.subtitle) doc.setSubject(options.subject ?? options.subtitle ?? '');
  if (options.keywords && options.keywords.length > 0) doc.setKeywords(options.keywords);
  doc.setProducer('Kanslist');
  doc.setCreator('Kanslist reports');
  const created = options.creationDate ?? now;
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  doc.setLanguage(LOCALES[options.language] ?? options.language);
}
