/**
 * A report's PDF with the house title block and footers: every report definition names its own
 * title, subtitle and metadata, and gets the organisation, the configured logo, the language, the
 * creation time and the "page x of y" / "generated at" footers from the report context, so all
 * reports look alike and none can forget the logo or the footer.
 */
import { resolve } from 'node:path';
import type { ReportContext } from './define.ts';
import { commonMessages } from './i18n/index.ts';
import { createPdfReport } from './pdf/index.ts';
import type { PdfDocumentOptions, PdfReport } from './pdf/index.ts';

/** What differs between reports' PDFs. */
export type ReportPdfOptions = Pick<PdfDocumentOptions, 'title' | 'subtitle' | 'subject' | 'keywords'>;

/** A new PDF for `ctx`'s report, titled by `options`, in the context's language and organisation. */
export function createReportPdf(ctx: ReportContext, options: ReportPdfOptions): Promise<PdfReport> {
  const common = commonMessages.for(ctx.language);
  const { logo } = ctx.config.reports;
  return createPdfReport({
    ...options,
    organisation: ctx.config.organisation,
    logoPath: logo ? resolve(ctx.config.root, logo) : undefined,
    language: ctx.language,
    creationDate: new Date(ctx.now),
    pageLabel: (page, pages) => common.pageOf({ page, pages }),
    footer: common.generatedAt({ at: ctx.format.dateTime(ctx.now) }),
  });
}
