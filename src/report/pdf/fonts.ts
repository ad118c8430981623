/**
 * The fonts every Kanslist PDF embeds: DejaVu Sans (regular and bold), from the `dejavu-fonts-ttf`
 * package. PDF's standard fonts only cover WinAnsi, so a name like "Łukasz Özdemir" or a Danish
 * "Søren Ærø" would fail or print wrong; an embedded Unicode font renders å ä ö æ ø ü ß and the rest
 * of the Latin alphabets applicants' names use. Subsetting keeps each PDF small.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { ConfigError } from '../../errors.ts';
import { useCharacterCache } from './fast-text.ts';

export interface ReportFonts {
  regular: PDFFont;
  bold: PDFFont;
}

const require = createRequire(import.meta.url);
let cache: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

/** The TTF bytes, read once per process. */
function fontBytes(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  cache ??= (async () => {
    let dir: string;
    try {
      dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    } catch (cause) {
      throw new ConfigError('KANSLIST_REPORT_FONT_MISSING', 'The report font package dejavu-fonts-ttf is not installed', {
        cause,
        remedy: 'Run `npm install` in the project (it is a dependency of Kanslist).',
      });
    }
    const [regular, bold] = await Promise.all([readFile(join(dir, 'DejaVuSans.ttf')), readFile(join(dir, 'DejaVuSans-Bold.ttf'))]);
    return { regular, bold };
  })();
  return cache;
}

/**
 * Registers fontkit on the document and embeds the regular and bold faces (subset). Measuring and
 * encoding go character by character through a cache (see fast-text.ts): the same glyphs and widths,
 * without shaping every string again.
 */
export async function embedReportFonts(doc: PDFDocument): Promise<ReportFonts> {
  doc.registerFontkit(fontkit);
  const bytes = await fontBytes();
  const [regular, bold] = await Promise.all([doc.embedFont(bytes.regular, { subset: true }), doc.embedFont(bytes.bold, { subset: true })]);
  return { regular: useCharacterCache(regular), bold: useCharacterCache(bold) };
}
