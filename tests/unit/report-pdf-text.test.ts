import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { createPdfReport, embedReportFonts, TextMeasure, wrapText, type PdfDocumentOptions } from '../../src/report/pdf/index.ts';
import { pdfText, pngInk, renderPageToPng, writeSolidPng } from '../helpers/pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const options: PdfDocumentOptions = {
  title: 'Körningsrapport',
  subtitle: 'Bygglov, körning 3f2a9c1e',
  organisation: 'Ærø Kommune',
  language: 'da',
  pageLabel: (page, pages) => `Side ${page} af ${pages}`,
};

describe('PDF text', () => {
  const dir = useTempDir('kanslist-pdf-text-');

  it('prints Nordic and German letters and Ł so that they can be copied and searched', async () => {
    const report = await createPdfReport(options);
    report.heading('Søren Ærø og Åsa Öberg');
    report.paragraph('Jürgen Groß, Łukasz Świątek, Ærø, Øster, Åmål, Göteborg, Ängelholm: å ä ö æ ø ü ß Ł');
    report.keyValues([['Sagsbehandler', 'Bjørn Æbelø']]);
    const [page] = await pdfText(await report.save());
    expect(page).toContain('Ærø Kommune');
    expect(page).toContain('Søren Ærø og Åsa Öberg');
    expect(page).toContain('å ä ö æ ø ü ß Ł');
    expect(page).toContain('Łukasz Świątek');
    expect(page).toContain('Bjørn Æbelø');
    expect(page).toContain('Side 1 af 1');
  });

  it('wraps a formula-looking text and a 500-character word within the page, and prints a character the font lacks as "?"', async () => {
    const report = await createPdfReport(options);
    const word = 'A'.repeat(500);
    report.paragraph(`=HYPERLINK("http://example.invalid/${'x'.repeat(80)}","klik") ${word}`);
    report.table(
      [
        { header: 'Felt', width: 1 },
        { header: 'Værdi', width: 1 },
      ],
      [['=SUM(A1:A9)', word]],
    );
    report.paragraph('Navn: 山田 Ørsted\u0007');
    const bytes = await report.save();
    const [page = ''] = await pdfText(bytes);
    expect(page).toContain('=HYPERLINK("http://example.invalid/');
    // The long word comes back whole once the line breaks are taken out, twice (paragraph and cell).
    expect(page.replace(/\s+/g, '').split(word).length - 1).toBe(2);
    expect(page).toContain('Navn: ?? Ørsted');

    // Nothing is drawn past the right margin: the rendered page is white outside the text column.
    const pdf = join(dir(), 'wrap.pdf');
    await writeFile(pdf, bytes);
    const png = await renderPageToPng(pdf, 1, dir());
    expect(await pngInk(png, { left: 0.93 })).toBe(0);
  });

  it('wraps at spaces within the width, cuts only words that are too long, and keeps every character', async () => {
    const { regular } = await embedReportFonts(await PDFDocument.create());
    const measure = new TextMeasure(regular, 10);
    const text = `Ansökan från Åsa Öberg gäller https://example.invalid/${'väg/'.repeat(40)}slut och ${'Z'.repeat(120)} klart`;
    const lines = wrapText(text, measure, 150);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(measure.width(line)).toBeLessThanOrEqual(150);
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    expect(lines[0]).toBe('Ansökan från Åsa Öberg');
    // An over-long URL is cut after a '/', not in the middle of a path segment.
    expect(
      lines
        .filter((line) => line.includes('väg'))
        .slice(0, -1)
        .every((line) => line.endsWith('/')),
    ).toBe(true);
    expect(wrapText('rad ett\nrad två', measure, 500)).toEqual(['rad ett', 'rad två']);
  });

  it('stores title, author (the organisation), subject, keywords, producer and language', async () => {
    const created = new Date('2026-11-22T13:05:00Z');
    const report = await createPdfReport({
      ...options,
      subject: 'Tid sparet',
      keywords: ['rpa', 'byggetilladelse'],
      creationDate: created,
    });
    report.paragraph('Indhold');
    const doc = await PDFDocument.load(await report.save(), { updateMetadata: false });
    expect(doc.getTitle()).toBe('Körningsrapport');
    expect(doc.getAuthor()).toBe('Ærø Kommune');
    expect(doc.getSubject()).toBe('Tid sparet');
    expect(doc.getKeywords()).toBe('rpa byggetilladelse');
    expect(doc.getProducer()).toBe('Kanslist');
    expect(doc.getCreationDate()?.toISOString()).toBe(created.toISOString());
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined).toBe('da-DK');
  });

  it('puts the logo from config in the title block, and names reports.logo when the file is missing', async () => {
    const logo = join(dir(), 'logo.png');
    await writeSolidPng(logo, 8, 4, [220, 20, 30]);
    const report = await createPdfReport({ ...options, logoPath: logo });
    report.paragraph('Med logo');
    const pdf = join(dir(), 'logo.pdf');
    await writeFile(pdf, await report.save());
    const png = await renderPageToPng(pdf, 1, dir());
    const red = (r: number, g: number, b: number) => r > 180 && g < 80 && b < 80;
    // Top right of the page, where the title block puts the logo.
    expect(await pngInk(png, { left: 0.6, bottom: 0.2 }, red)).toBeGreaterThan(50);
    expect(await pngInk(png, { right: 0.6 }, red)).toBe(0);

    const missing = join(dir(), 'nowhere', 'logo.png');
    const error = await createPdfReport({ ...options, logoPath: missing }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('KANSLIST_REPORT_LOGO_MISSING');
    expect((error as ConfigError).describe()).toContain('reports.logo');
    expect((error as ConfigError).describe()).toContain(missing);
  });
});
