/** The public shape of the PDF report toolkit: what report definitions build on. */
import type { Language } from '../../config/config.ts';

export interface PdfDocumentOptions {
  /** Printed in the title block and stored as the document title. */
  title: string;
  /** A line under the title, e.g. the period covered. */
  subtitle?: string;
  /** Printed at the top of page 1; also the document author unless `author` is given. */
  organisation: string;
  /** Absolute path to a PNG or JPEG (by extension), e.g. from config `reports.logo`; scaled to about 40 pt high. */
  logoPath?: string;
  /** Document language (stored as the PDF's /Lang; used for default number formatting in charts). */
  language: Language;
  /** @default organisation */
  author?: string;
  subject?: string;
  keywords?: string[];
  /** @default the time of save() */
  creationDate?: Date;
  /** Right footer per page, e.g. commonMessages pageOf: `(page, pages) => '3 / 7'`. */
  pageLabel: (page: number, pages: number) => string;
  /** Left footer on every page, e.g. "Generated 2026-11-22 14:05". */
  footer?: string;
}

export interface PdfTableColumn {
  header: string;
  /** Width relative to the other columns (any unit: 1, 2, 1 gives the middle column half the table). */
  width: number;
  /** Numbers read best right-aligned. @default 'left' */
  align?: 'left' | 'right';
}

export interface ChartSeries {
  name: string;
  /** One value per label; a missing or non-finite value is left out (a gap in a line). */
  values: number[];
}

export interface ChartOptions {
  title?: string;
  /** Category labels along the x axis (thinned or slanted when crowded). */
  labels: string[];
  /** One or more series; a legend is drawn when there are several. */
  series: ChartSeries[];
  /**
   * Formats the y-axis ticks and the values on bars, e.g. `(v) => format.hours(v)`. When it would
   * print two ticks the same (0,2 and 0,4 h as "0 h"), the ticks use a plain number with the
   * decimals the step needs instead. @default locale number with the step's decimals
   */
  valueLabel?: (value: number) => string;
  /** The values are counts: the y axis steps by whole numbers. @default false */
  integers?: boolean;
  /** Bar charts: each bar's value above it, where it fits. @default true */
  barValues?: boolean;
  /** Written across the plot when no value is above zero (e.g. "No runs in this period"). */
  emptyText?: string;
  /** Height of the plot area in points. @default 170 */
  height?: number;
}

export type ParagraphColor = 'normal' | 'muted' | 'warning';

export interface PdfReport {
  /** A section heading; kept on the same page as what follows it. */
  heading(text: string, level?: 1 | 2): void;
  /** Wrapped text; a `\n` starts a new line. Breaks across pages. */
  paragraph(text: string, options?: { bold?: boolean; size?: number; color?: ParagraphColor }): void;
  /** A two-column fact list (label, value). */
  keyValues(rows: Array<[label: string, value: string]>): void;
  /** Wraps cells, sizes rows by content, breaks across pages and repeats the header row on each. */
  table(columns: PdfTableColumn[], rows: string[][], options?: { zebra?: boolean; fontSize?: number }): void;
  /** Grouped vertical bars with a y axis, gridlines and (for several series) a legend. */
  barChart(options: ChartOptions): void;
  /** One polyline per series, with markers, a y axis, gridlines and (for several series) a legend. */
  lineChart(options: ChartOptions): void;
  /**
   * A PNG or JPEG (e.g. a masked screenshot) scaled to the text width and `maxHeight` (default 260
   * points), with an optional caption under it. Resolves false, drawing nothing, for bytes that are
   * not a readable PNG or JPEG.
   */
  image(bytes: Uint8Array, options?: { caption?: string; maxWidth?: number; maxHeight?: number }): Promise<boolean>;
  /** Vertical space. @default 12 */
  spacer(points?: number): void;
  /** Continues on a new page (nothing happens at the top of an empty page). */
  pageBreak(): void;
  /** Page numbers and footers are drawn here, then the document metadata is set. Calling it again returns the same bytes. */
  save(): Promise<Uint8Array>;
}
