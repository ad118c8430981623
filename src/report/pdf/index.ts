/** The PDF report toolkit: what report definitions (reports/*.ts) build their PDFs with. */
export { createPdfReport } from './report.ts';
export { embedReportFonts, type ReportFonts } from './fonts.ts';
export { niceScale, niceStep, stepDecimals, type AxisScale } from './chart-scale.ts';
/** For drawing on a PDF of one's own (letters, forms) with the same wrapping and glyph fallback. */
export { TextMeasure, wrapText } from './wrap.ts';
export { drawableText } from './safe-text.ts';
export type { ChartOptions, ChartSeries, ParagraphColor, PdfDocumentOptions, PdfReport, PdfTableColumn } from './types.ts';
