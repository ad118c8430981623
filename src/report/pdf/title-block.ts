/**
 * The title block at the top of page 1: the organisation's name (with its logo on the right when
 * config `reports.logo` names one), the report's title and subtitle, and a rule under them.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { PDFDocument, PDFImage } from 'pdf-lib';
import { ConfigError } from '../../errors.ts';
import type { ReportFonts } from './fonts.ts';
import { baselineOffset, type PageCursor } from './layout.ts';
import { COLOR, SIZE } from './theme.ts';
import { TextMeasure, wrapText } from './wrap.ts';

/** The logo is scaled to this height (and never wider than a third of the page). */
const LOGO_HEIGHT = 40;

/** Reads and embeds the logo; a missing or unreadable file is a configuration error naming `reports.logo`. */
export async function embedLogo(doc: PDFDocument, logoPath: string): Promise<PDFImage> {
  const where = `config reports.logo: ${logoPath}`;
  const extension = extname(logoPath).toLowerCase();
  if (!['.png', '.jpg', '.jpeg'].includes(extension)) {
    throw new ConfigError(
      'KANSLIST_REPORT_LOGO_FORMAT',
      `The report logo must be a .png, .jpg or .jpeg file, not "${extension || 'no extension'}"`,
      {
        where,
        remedy: 'Save the logo as PNG or JPEG and point reports.logo in kanslist.config.ts at it.',
      },
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(logoPath);
  } catch (cause) {
    throw new ConfigError('KANSLIST_REPORT_LOGO_MISSING', `The report logo file ${logoPath} cannot be read`, {
      cause,
      where,
      remedy: 'Fix the path in reports.logo (relative paths are resolved from the project folder) or remove the setting.',
    });
  }
  try {
    return extension === '.png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  } catch (cause) {
    throw new ConfigError(
      'KANSLIST_REPORT_LOGO_INVALID',
      `The report logo ${logoPath} is not a valid ${extension === '.png' ? 'PNG' : 'JPEG'} image`,
      {
        cause,
        where,
        remedy: 'Export the logo again as a plain PNG or JPEG (not a renamed SVG or WebP).',
      },
    );
  }
}

export interface TitleBlock {
  organisation: string;
  title: string;
  subtitle?: string | undefined;
  logo?: PDFImage | undefined;
}

export function drawTitleBlock(cursor: PageCursor, fonts: ReportFonts, block: TitleBlock): void {
  const top = cursor.y;
  let logoWidth = 0;
  if (block.logo) {
    const scale = Math.min(LOGO_HEIGHT / block.logo.height, cursor.width / 3 / block.logo.width);
    const size = block.logo.scale(scale);
    logoWidth = size.width + 12;
    cursor.page.drawImage(block.logo, { x: cursor.right - size.width, y: top - size.height, width: size.width, height: size.height });
  }
  const textWidth = cursor.width - logoWidth;
  writeLines(cursor, block.organisation, fonts.bold, SIZE.organisation, textWidth, COLOR.muted);
  cursor.advance(6);
  writeLines(cursor, block.title, fonts.bold, SIZE.title, textWidth, COLOR.text);
  if (block.subtitle) writeLines(cursor, block.subtitle, fonts.regular, SIZE.subtitle, textWidth, COLOR.muted);
  // The rule goes under the logo even when the text is shorter than it.
  const ruleY = Math.min(cursor.y, top - (block.logo ? LOGO_HEIGHT : 0)) - 6;
  cursor.page.drawLine({ start: { x: cursor.left, y: ruleY }, end: { x: cursor.right, y: ruleY }, thickness: 0.8, color: COLOR.rule });
  cursor.advance(cursor.y - ruleY + 16);
}

function writeLines(
  cursor: PageCursor,
  text: string,
  font: ReportFonts['bold'],
  size: number,
  width: number,
  color: typeof COLOR.text,
): void {
  const lineHeight = size * 1.25;
  for (const line of wrapText(text, new TextMeasure(font, size), width)) {
    cursor.text(line, cursor.left, cursor.y - baselineOffset(size, lineHeight), font, size, color);
    cursor.advance(lineHeight);
  }
}
