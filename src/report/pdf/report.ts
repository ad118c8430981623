/**
 * createPdfReport: an A4 report built block by block (headings, paragraphs, fact lists, tables,
 * charts) in DejaVu Sans, with a title block on page 1 and "page / pages" footers drawn at save().
 */
import { PDFDocument } from 'pdf-lib';
import { KanslistError } from '../../errors.ts';
import { drawChart } from './chart.ts';
import { drawFooters, setMetadata } from './finish.ts';
import { embedReportFonts } from './fonts.ts';
import { hyphenationPoints } from './hyphenate.ts';
import { drawImage, embedImage } from './image.ts';
import { PageCursor } from './layout.ts';
import { drawTable } from './table.ts';
import { drawHeading, drawKeyValues, drawParagraph } from './text-blocks.ts';
import { drawTitleBlock, embedLogo } from './title-block.ts';
import type { PdfDocumentOptions, PdfReport } from './types.ts';

/**
 * Starts a report: embeds the fonts (and the logo, if any) and draws the title block.
 * @throws ConfigError KANSLIST_REPORT_LOGO_MISSING / _FORMAT / _INVALID when `logoPath` cannot be used.
 */
export async function createPdfReport(options: PdfDocumentOptions): Promise<PdfReport> {
  const doc = await PDFDocument.create();
  const fonts = await embedReportFonts(doc);
  const logo = options.logoPath ? await embedLogo(doc, options.logoPath) : undefined;
  const cursor = new PageCursor(doc);
  const hyphenate = hyphenationPoints(options.language);
  drawTitleBlock(cursor, fonts, { organisation: options.organisation, title: options.title, subtitle: options.subtitle, logo });

  let saved: Promise<Uint8Array> | undefined;
  /** Drawing after save() would silently be missing from the file: say so instead. */
  const open = (what: string) => {
    if (saved) {
      throw new KanslistError('KANSLIST_REPORT_PDF_SAVED', `${what}() was called after save(): the PDF is already finished`, {
        where: options.title,
        remedy: 'Add every block before calling save().',
      });
    }
  };

  return {
    heading(text, level = 1) {
      open('heading');
      drawHeading(cursor, fonts, text, level);
    },
    paragraph(text, paragraphOptions) {
      open('paragraph');
      drawParagraph(cursor, fonts, text, paragraphOptions);
    },
    keyValues(rows) {
      open('keyValues');
      drawKeyValues(cursor, fonts, rows);
    },
    table(columns, rows, tableOptions) {
      open('table');
      drawTable(cursor, fonts, columns, rows, { ...tableOptions, hyphenate });
    },
    barChart(chart) {
      open('barChart');
      drawChart(cursor, fonts, 'bar', chart, options.language);
    },
    lineChart(chart) {
      open('lineChart');
      drawChart(cursor, fonts, 'line', chart, options.language);
    },
    async image(bytes, imageOptions = {}) {
      open('image');
      const image = await embedImage(doc, bytes);
      if (image === undefined) return false;
      open('image'); // save() may have been called while the image was embedded
      drawImage(cursor, fonts, image, imageOptions);
      return true;
    },
    spacer(points = 12) {
      open('spacer');
      const height = Number.isFinite(points) ? Math.max(0, points) : 12;
      if (height > cursor.remaining) cursor.newPage();
      else cursor.advance(height);
    },
    pageBreak() {
      open('pageBreak');
      if (!cursor.atTop) cursor.newPage();
    },
    save() {
      saved ??= (async () => {
        drawFooters(cursor, fonts, options);
        setMetadata(doc, options, new Date());
        return doc.save();
      })();
      return saved;
    },
  };
}
