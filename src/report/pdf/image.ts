/**
 * A picture in the flow of a report (a masked screenshot kept as evidence): scaled to fit the text
 * width and a maximum height, kept on one page with its caption. A file that is not a PNG or JPEG
 * is left out rather than losing the report.
 */
import type { PDFDocument, PDFImage } from 'pdf-lib';
import type { ReportFonts } from './fonts.ts';
import type { PageCursor } from './layout.ts';
import { COLOR, SIZE } from './theme.ts';
import { TextMeasure, wrapText } from './wrap.ts';

export interface ImageOptions {
  /** Printed under the picture, wrapped. */
  caption?: string;
  /** @default the text width */
  maxWidth?: number;
  /** @default 260 points */
  maxHeight?: number;
}

export async function embedImage(doc: PDFDocument, bytes: Uint8Array): Promise<PDFImage | undefined> {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50;
  const jpg = bytes[0] === 0xff && bytes[1] === 0xd8;
  try {
    if (png) return await doc.embedPng(bytes);
    if (jpg) return await doc.embedJpg(bytes);
  } catch {
    // A damaged file: left out.
  }
  return undefined;
}

export function drawImage(cursor: PageCursor, fonts: ReportFonts, image: PDFImage, options: ImageOptions): void {
  const maxWidth = Math.min(options.maxWidth ?? cursor.width, cursor.width);
  const maxHeight = Math.min(options.maxHeight ?? 260, (cursor.top - cursor.bottom) * 0.8);
  const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
  const width = image.width * scale;
  const height = image.height * scale;
  const measure = new TextMeasure(fonts.regular, SIZE.small);
  const caption = options.caption ? wrapText(options.caption, measure, cursor.width) : [];
  const captionHeight = caption.length * (SIZE.small + 3);
  cursor.ensure(height + captionHeight + 12);
  cursor.page.drawImage(image, { x: cursor.left, y: cursor.y - height, width, height });
  // A thin frame: a screenshot of a white page must not melt into the paper.
  cursor.page.drawRectangle({ x: cursor.left, y: cursor.y - height, width, height, borderColor: COLOR.grid, borderWidth: 0.6 });
  cursor.advance(height + 4);
  for (const line of caption) {
    cursor.text(line, cursor.left, cursor.y - SIZE.small, fonts.regular, SIZE.small, COLOR.muted);
    cursor.advance(SIZE.small + 3);
  }
  cursor.advance(8);
}
