/**
 * Words in narrow table columns break as a reader expects: at a hyphenation point of the report's
 * language with a hyphen, or after a '/'; ids and paths are cut exactly, with nothing added.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedReportFonts, TextMeasure, wrapText } from '../../src/report/pdf/index.ts';
import { hyphenationPoints } from '../../src/report/pdf/hyphenate.ts';

async function measure(): Promise<TextMeasure> {
  const { bold } = await embedReportFonts(await PDFDocument.create());
  return new TextMeasure(bold, 8);
}

/** The word back from its lines: a hyphen at a line's end was added by the wrap. */
const unwrap = (lines: string[]) => lines.map((l, i) => (i < lines.length - 1 && l.endsWith('-') ? l.slice(0, -1) : l)).join('');

describe('hyphenation in narrow columns', () => {
  it('breaks Swedish, Danish and German words at their hyphenation points with a hyphen', async () => {
    const m = await measure();
    const cases: Array<[Parameters<typeof hyphenationPoints>[0], string]> = [
      ['sv', 'Årsarbetskrafter'],
      ['da', 'Undtagelsestimer'],
      ['de', 'Sachbearbeitungsstunden'],
      ['en', 'equivalents'],
    ];
    for (const [language, word] of cases) {
      const lines = wrapText(word, m, 40, { hyphenate: hyphenationPoints(language) });
      expect(lines.length, word).toBeGreaterThan(1);
      for (const line of lines.slice(0, -1)) expect(line, `${language} ${word}`).toMatch(/-$/);
      for (const line of lines) expect(m.width(line), line).toBeLessThanOrEqual(40);
      expect(unwrap(lines)).toBe(word);
    }
    expect(wrapText('Årsarbetskrafter', m, 50, { hyphenate: hyphenationPoints('sv') })[0]).toBe('Årsarbets-');
  });

  it('breaks after a slash without adding a hyphen', async () => {
    const m = await measure();
    expect(wrapText('Min/ärende', m, 40, { hyphenate: hyphenationPoints('sv') })).toEqual(['Min/', 'ärende']);
  });

  it('cuts a word with no allowed break that fits with a hyphen all the same', async () => {
    const m = await measure();
    const lines = wrapText('Schwung', m, 14, { hyphenate: hyphenationPoints('de') });
    expect(lines.slice(0, -1).every((l) => l.endsWith('-'))).toBe(true);
    expect(unwrap(lines)).toBe('Schwung');
  });

  it('cuts ids, paths and long data exactly, with nothing added', async () => {
    const m = await measure();
    const id = '2e9a7a67-17de-4899-8a1b-0715c23d7398';
    const lines = wrapText(id, m, 60, { hyphenate: hyphenationPoints('sv') });
    expect(lines.join('')).toBe(id);
    const data = 'A'.repeat(100);
    expect(wrapText(data, m, 60, { hyphenate: hyphenationPoints('sv') }).join('')).toBe(data);
  });
});

describe('hyphenation fallback', () => {
  it('leaves at least two letters for the next line when it must cut', async () => {
    const m = await measure();
    const lines = wrapText('ärende', m, 28, { hyphenate: hyphenationPoints('sv') });
    expect(lines.at(-1)!.length).toBeGreaterThanOrEqual(2);
    expect(unwrap(lines)).toBe('ärende');
  });
});
