import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  BYGGLOV_KVITTENS_FIELDS,
  BYGGLOV_KVITTENS_TEMPLATE,
  bygglovKvittensFileName,
  bygglovKvittensValues,
  checkBygglovKvittensTemplate,
  makeBygglovKvittens,
  type BygglovKvittensFacts,
} from '../../reports/letters/bygglov-kvittens.ts';
import { makeBygglovKvittensTemplate } from '../../reports/templates/make-bygglov-kvittens.ts';
import { listPdfFormFields } from '../../src/report/letters/index.ts';
import { pdfText } from '../helpers/pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const FACTS: BygglovKvittensFacts = {
  applicationId: 'ET-2026-004711',
  submittedAt: new Date('2026-11-20T09:12:00Z'),
  caseNumber: 'BN 2026-000042',
  applicantName: 'Åsa Öberg',
  applicantAddress: 'Östra Förstadsgatan 12, 231 42 Trelleborg',
  propertyDesignation: 'Trelleborg Mossen 4:12',
  measure: 'Ändrad användning',
};
const SETTINGS = { organisation: 'Exempel kommun', timeZone: 'Europe/Stockholm' };

describe('the building-permit receipt letter', () => {
  const dir = useTempDir('kanslist-kvittens-');

  it('the committed template has the expected fields, all required, the address block multi-line', async () => {
    const fields = await listPdfFormFields(BYGGLOV_KVITTENS_TEMPLATE);
    expect(fields.map((f) => f.name).sort()).toEqual([...BYGGLOV_KVITTENS_FIELDS].sort());
    expect(fields.every((f) => f.type === 'text' && f.required)).toBe(true);
    expect(fields.filter((f) => f.multiline).map((f) => f.name)).toEqual(['applicantAddress']);
  });

  it('the committed template is what its script makes (same fields), so regenerating it changes nothing a bot relies on', async () => {
    expect(await listPdfFormFields(await makeBygglovKvittensTemplate())).toEqual(await listPdfFormFields(BYGGLOV_KVITTENS_TEMPLATE));
  });

  it('dates are the calendar day in the configured time zone, in Swedish format', () => {
    // 23:30 UTC on 28 March is already 29 March in Stockholm (and still the 28th in New York).
    const late = new Date('2026-03-28T23:30:00Z');
    const values = bygglovKvittensValues({ ...FACTS, submittedAt: late }, SETTINGS, late);
    expect(values.date).toBe('2026-03-29');
    expect(values.receivedDate).toBe('2026-03-29');
    expect(bygglovKvittensValues(FACTS, { ...SETTINGS, timeZone: 'America/New_York' }, late).date).toBe('2026-03-28');
    expect(values.applicantAddress).toBe('Östra Förstadsgatan 12\n231 42 Trelleborg');
  });

  it('the letter is flattened, reads in Swedish with the case facts, and carries no personnummer', async () => {
    const now = new Date('2026-11-22T08:00:00Z');
    const pdf = await makeBygglovKvittens(FACTS, SETTINGS, now);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getForm().getFields().length).toBe(0);
    expect(doc.getTitle()).toContain('BN 2026-000042');
    expect(doc.getAuthor()).toBe('Exempel kommun');
    const text = (await pdfText(pdf)).join('\n');
    for (const expected of [
      'Exempel kommun',
      'Bekräftelse på mottagen ansökan om bygglov',
      'BN 2026-000042',
      '2026-11-22',
      '2026-11-20',
      'Åsa Öberg',
      'Östra Förstadsgatan 12',
      '231 42 Trelleborg',
      'Trelleborg Mossen 4:12',
      'Ändrad användning',
      'ET-2026-004711',
      'tio veckor',
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/\d{6}[-+]?\d{4}/); // nothing shaped like a personal identity number
  });

  it('the file name comes from the application id only, safe for any id', () => {
    expect(bygglovKvittensFileName('ET-2026-004711')).toBe('kvittens-ET-2026-004711.pdf');
    expect(bygglovKvittensFileName('ET/2026 47')).toBe('kvittens-ET_2026_47.pdf');
  });

  it('a template without one of the fields is refused before anything is registered, naming the field', async () => {
    const doc = await PDFDocument.load(await makeBygglovKvittensTemplate());
    doc.getForm().removeField(doc.getForm().getTextField('caseNumber'));
    const path = join(dir(), 'egen-mall.pdf');
    await writeFile(path, await doc.save());
    await expect(checkBygglovKvittensTemplate(path)).rejects.toMatchObject({
      code: 'KANSLIST_PDF_FORM_FIELD_UNKNOWN',
      field: 'caseNumber',
      template: path,
    });
    const intact = join(dir(), 'kopia.pdf');
    await copyFile(BYGGLOV_KVITTENS_TEMPLATE, intact);
    await expect(checkBygglovKvittensTemplate(intact)).resolves.toBeUndefined();
  });
});
