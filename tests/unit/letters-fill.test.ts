import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { PDFArray, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fillPdfForm, listPdfFormFields, PdfFormError } from '../../src/report/letters/index.ts';
import { FatalBotError } from '../../src/errors.ts';
import { pdfText } from '../helpers/pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

/** A small form: a required name, a multi-line address, an optional note, a check box and a dropdown. */
async function smallTemplate(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([400, 400]);
  const form = doc.getForm();
  const name = form.createTextField('name');
  name.addToPage(page, { x: 20, y: 340, width: 360, height: 20 });
  name.setFontSize(12);
  name.enableRequired();
  const address = form.createTextField('address');
  address.addToPage(page, { x: 20, y: 270, width: 360, height: 60 });
  address.setFontSize(11);
  address.enableMultiline();
  form.createTextField('note').addToPage(page, { x: 20, y: 240, width: 360, height: 20 });
  form.createCheckBox('urgent').addToPage(page, { x: 20, y: 200, width: 14, height: 14 });
  const decision = form.createDropdown('decision');
  decision.addOptions(['Beviljas', 'Avslås']);
  decision.addToPage(page, { x: 20, y: 160, width: 200, height: 20 });
  return doc.save();
}

/** The font size the filled "name" field is drawn at (the widget's default appearance, else the field's). */
async function nameFontSize(pdf: Uint8Array): Promise<number> {
  const field = (await PDFDocument.load(pdf)).getForm().getTextField('name');
  const da = field.acroField.getWidgets()[0]!.getDefaultAppearance() ?? field.acroField.getDefaultAppearance() ?? '';
  return Number(/([\d.]+)\s+Tf/.exec(da)?.[1]);
}

const VALUES = { name: 'Åsa Öberg-Łukasiewicz', address: 'Storgatan 1\n123 45 Trelleborg', decision: 'Beviljas' };

describe('fillPdfForm', () => {
  const dir = useTempDir('kanslist-letters-');

  it('draws the values in the embedded font, so å ä ö and Ł come out of the text layer', async () => {
    const pdf = await fillPdfForm(
      await smallTemplate(),
      { ...VALUES, note: 'Här är en anteckning med ä', urgent: 'ja' },
      { flatten: true },
    );
    const [text] = await pdfText(pdf);
    expect(text).toContain('Åsa Öberg-Łukasiewicz');
    expect(text).toContain('Storgatan 1');
    expect(text).toContain('123 45 Trelleborg');
    expect(text).toContain('Här är en anteckning med ä');
    expect(text).toContain('Beviljas');
  });

  it('flattens: the letter has no form fields left, only page content, and no dangling widget references', async () => {
    const pdf = await fillPdfForm(await smallTemplate(), VALUES, { flatten: true });
    const reloaded = await PDFDocument.load(pdf);
    expect(reloaded.getForm().getFields().length).toBe(0);
    expect(reloaded.getPageCount()).toBe(1);
    // pdf-lib's flatten alone leaves the removed widgets listed on the page (strict readers complain).
    const annots = reloaded.getPage(0).node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    const dangling = (annots?.asArray() ?? []).filter((ref) => ref instanceof PDFRef && reloaded.context.lookup(ref) === undefined);
    expect(dangling).toEqual([]);
    expect((await pdfText(pdf))[0]).toContain('Åsa Öberg-Łukasiewicz');
  });

  it('prints a value too long for its field smaller instead of cutting it off', async () => {
    const long = 'Maximiliane Åkesson-Łukasiewicz von Östergötland och Wästerbotten';
    const size = await nameFontSize(await fillPdfForm(await smallTemplate(), { ...VALUES, name: long }, { flatten: false }));
    expect(size).toBeLessThan(12);
    expect(size).toBeGreaterThanOrEqual(6);
    expect(await nameFontSize(await fillPdfForm(await smallTemplate(), VALUES, { flatten: false }))).toBe(12); // the template's size where it fits
  });

  it('without flattening, the filled fields stay editable and hold the values', async () => {
    const pdf = await fillPdfForm(await smallTemplate(), { ...VALUES, urgent: 'nej' }, { flatten: false });
    const form = (await PDFDocument.load(pdf)).getForm();
    expect(form.getFields().length).toBe(5);
    expect(form.getTextField('name').getText()).toBe(VALUES.name);
    expect(form.getTextField('address').getText()).toBe(VALUES.address);
    expect(form.getCheckBox('urgent').isChecked()).toBe(false);
    expect(form.getDropdown('decision').getSelected()).toEqual(['Beviljas']);
  });

  it('a value for a field the template lacks is a typed error naming the template path and the field, never the value', async () => {
    const path = join(dir(), 'beslut.pdf');
    await writeFile(path, await smallTemplate());
    const error = await fillPdfForm(path, { ...VALUES, personnummer: '19121212-1212' }, { flatten: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfFormError);
    expect(error).toBeInstanceOf(FatalBotError); // a bot or template bug: the run stops
    const e = error as PdfFormError;
    expect(e.code).toBe('KANSLIST_PDF_FORM_FIELD_UNKNOWN');
    expect(e.field).toBe('personnummer');
    expect(e.template).toBe(path);
    expect(e.describe()).toContain(path);
    expect(e.describe()).toContain('"personnummer"');
    expect(e.message).toContain('name, address, note, urgent, decision'); // what the template does have
    expect(e.describe()).not.toContain('19121212-1212');
    expect(e.describe()).not.toContain('Åsa');
  });

  it('a required field without a value is a typed error naming the field', async () => {
    await expect(fillPdfForm(await smallTemplate(), { ...VALUES, name: '  ' }, { flatten: true })).rejects.toMatchObject({
      code: 'KANSLIST_PDF_FORM_VALUE_MISSING',
      field: 'name',
      template: '(bytes)',
    });
    await expect(fillPdfForm(await smallTemplate(), { address: VALUES.address }, { flatten: true })).rejects.toMatchObject({
      field: 'name',
    });
  });

  it('a value a field cannot take (an option it does not offer, a check box answer it does not know) is a typed error', async () => {
    await expect(fillPdfForm(await smallTemplate(), { ...VALUES, decision: 'Kanske' }, { flatten: true })).rejects.toMatchObject({
      code: 'KANSLIST_PDF_FORM_VALUE_INVALID',
      field: 'decision',
    });
    await expect(fillPdfForm(await smallTemplate(), { ...VALUES, urgent: 'kanske' }, { flatten: true })).rejects.toMatchObject({
      code: 'KANSLIST_PDF_FORM_VALUE_INVALID',
      field: 'urgent',
    });
  });

  it('a bold field that is not in the template is named like an unknown value', async () => {
    await expect(fillPdfForm(await smallTemplate(), VALUES, { flatten: true, boldFields: ['caseNumber'] })).rejects.toMatchObject({
      code: 'KANSLIST_PDF_FORM_FIELD_UNKNOWN',
      field: 'caseNumber',
    });
  });

  it('a missing or broken template is a typed error naming it', async () => {
    const missing = join(dir(), 'finns-inte.pdf');
    await expect(fillPdfForm(missing, VALUES, { flatten: true })).rejects.toMatchObject({
      code: 'KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE',
      template: missing,
    });
    const broken = join(dir(), 'trasig.pdf');
    await writeFile(broken, 'this is not a PDF');
    await expect(fillPdfForm(broken, VALUES, { flatten: true })).rejects.toMatchObject({
      code: 'KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE',
      template: broken,
    });
  });

  it('sets the metadata it is given', async () => {
    const created = new Date('2026-11-22T13:05:00Z');
    const pdf = await fillPdfForm(await smallTemplate(), VALUES, {
      flatten: true,
      metadata: {
        title: 'Beslut om bygglov',
        author: 'Exempel kommun',
        subject: 'Beslut',
        keywords: ['BN 2026-000001'],
        language: 'sv-SE',
        creationDate: created,
      },
    });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Beslut om bygglov');
    expect(doc.getAuthor()).toBe('Exempel kommun');
    expect(doc.getSubject()).toBe('Beslut');
    expect(doc.getKeywords()).toContain('BN 2026-000001');
    expect(doc.getCreationDate()?.toISOString()).toBe(created.toISOString());
    expect(doc.getProducer()).toContain('Kanslist');
  });

  it("lists a template's fields with type, required and multi-line", async () => {
    expect(await listPdfFormFields(await smallTemplate())).toEqual([
      { name: 'name', type: 'text', required: true, multiline: false },
      { name: 'address', type: 'text', required: false, multiline: true },
      { name: 'note', type: 'text', required: false, multiline: false },
      { name: 'urgent', type: 'checkbox', required: false, multiline: false },
      { name: 'decision', type: 'dropdown', required: false, multiline: false },
    ]);
  });
});
