/**
 * The layout cursor: where the next block goes on which A4 page. Blocks ask for the height they
 * need with `ensure`; when it is not there a new page starts. Coordinates are PDF points with y
 * growing upwards, so `y` is the top of the free space and decreases as blocks are placed.
 */
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { drawableText } from './safe-text.ts';
import { MARGIN, PAGE } from './theme.ts';

export class PageCursor {
  readonly pages: PDFPage[] = [];
  readonly left = MARGIN.left;
  readonly right = PAGE.width - MARGIN.right;
  readonly top = PAGE.height - MARGIN.top;
  readonly bottom = MARGIN.bottom;
  /** Called after each new page, e.g. to repeat a table's header row. Set and cleared by blocks. */
  onNewPage: (() => void) | undefined;
  private current: PDFPage;
  private cursorY: number;

  constructor(private readonly doc: PDFDocument) {
    this.current = this.addPage();
    this.cursorY = this.top;
  }

  get page(): PDFPage {
    return this.current;
  }

  get y(): number {
    return this.cursorY;
  }

  get width(): number {
    return this.right - this.left;
  }

  /** Free height left on the current page. */
  get remaining(): number {
    return this.cursorY - this.bottom;
  }

  /** True when nothing has been placed on the current page yet. */
  get atTop(): boolean {
    return this.cursorY >= this.top;
  }

  /** Starts a new page unless `height` fits here (or the page is still empty: it cannot get better). */
  ensure(height: number): void {
    if (height > this.remaining && !this.atTop) this.newPage();
  }

  newPage(): void {
    this.current = this.addPage();
    this.cursorY = this.top;
    this.onNewPage?.();
  }

  advance(height: number): void {
    this.cursorY -= height;
  }

  /** Draws one line of text with its baseline at `baseline`; characters the font lacks become '?'. */
  text(line: string, x: number, baseline: number, font: PDFFont, size: number, color: Color): void {
    const text = drawableText(line, font);
    if (text.trim() === '') return;
    this.current.drawText(text, { x, y: baseline, font, size, color });
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(page);
    return page;
  }
}

/** Distance from the top of a line box to the text baseline (DejaVu's ascent is about 0.93 em). */
export function baselineOffset(size: number, lineHeight: number): number {
  return (lineHeight - size) / 2 + size * 0.8;
}
