/**
 * Filling a PDF form template (AcroForm) with one item's values: a decision or receipt letter.
 *
 *   1. load the template and check the values against its fields (no unknown field, no empty
 *      required field) before anything is drawn
 *   2. set each value on its field
 *   3. draw the fields' appearances in an embedded Unicode font, so å ä ö æ ø ü ß Ł print
 *   4. flatten (the values become page content: the letter cannot be edited afterwards) and set
 *      the document's metadata
 */
import {
  PDFCheckBox,
  PDFDropdown,
  PDFOptionList,
  PDFRadioGroup,
  PDFTextField,
  type PDFDocument,
  type PDFField,
  type PDFFont,
} from 'pdf-lib';
import { embedReportFonts } from '../pdf/fonts.ts';
import { PdfFormError } from './errors.ts';
import { fitTextField } from './fit-text.ts';
import { flattenForm } from './flatten.ts';
import { fieldType, loadPdfFormTemplate } from './template.ts';

export interface PdfFormFonts {
  regular: PDFFont;
  /** For `boldFields`; the regular face when absent. */
  bold?: PDFFont;
}

export interface PdfFormMetadata {
  title?: string;
  /** Usually the organisation. */
  author?: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47, e.g. 'sv-SE': screen readers pick their voice by it. */
  language?: string;
  /** @default now */
  creationDate?: Date;
}

export interface FillPdfFormOptions {
  /**
   * true: the fields are drawn into the page and removed, so the letter reads the same everywhere
   * and cannot be changed unnoticed (what evidence needs). false: the filled form stays editable.
   */
  flatten: boolean;
  /** Embeds the fonts the values are drawn in. @default DejaVu Sans regular and bold (embedReportFonts) */
  fonts?: (doc: PDFDocument) => Promise<PdfFormFonts>;
  /** Fields drawn in the bold face, e.g. the case number. @default none */
  boldFields?: readonly string[];
  metadata?: PdfFormMetadata;
}

const YES = new Set(['true', 'yes', 'ja', 'x', '1', 'on']);
const NO = new Set(['false', 'no', 'nej', '', '0', 'off']);

/**
 * Fills `template` (a path or the PDF's bytes) with `values` (field name → text) and returns the
 * new PDF. Throws PdfFormError naming the template and field when a value has no field, a required
 * field gets no value, or a field cannot take its value. Values never appear in error messages.
 */
export async function fillPdfForm(
  template: string | Uint8Array,
  values: Record<string, string>,
  options: FillPdfFormOptions,
): Promise<Uint8Array> {
  // 1. The template, checked against the values.
  const { doc, label } = await loadPdfFormTemplate(template);
  const form = doc.getForm();
  const fields = new Map(form.getFields().map((field) => [field.getName(), field]));
  checkFieldsExist(label, fields, Object.keys(values), 'has no field');
  checkFieldsExist(label, fields, options.boldFields ?? [], 'has no field to draw in bold');
  checkRequired(label, fields, values);
  // 2. The values.
  for (const [name, value] of Object.entries(values)) setValue(label, fields.get(name)!, value);
  // 3. Appearances in the embedded font: pdf-lib's default would be Helvetica, which cannot draw
  //    most names outside Western Europe and throws on them. A value too long for its field is
  //    printed smaller rather than cut off.
  const fonts = await (options.fonts ?? embedReportFonts)(doc);
  const bold = new Set(options.boldFields ?? []);
  const fontOf = (name: string) => (bold.has(name) ? (fonts.bold ?? fonts.regular) : fonts.regular);
  for (const name of Object.keys(values)) {
    const field = fields.get(name)!;
    if (field instanceof PDFTextField) fitTextField(field, field.getText() ?? '', fontOf(name));
  }
  form.updateFieldAppearances(fonts.regular);
  for (const name of bold) updateBold(fields.get(name)!, fontOf(name));
  // 4. Flattened, with metadata.
  if (options.flatten) flattenForm(doc);
  setMetadata(doc, options.metadata ?? {});
  return doc.save({ updateFieldAppearances: false });
}

function checkFieldsExist(label: string, fields: Map<string, PDFField>, names: readonly string[], what: string): void {
  const unknown = names.filter((name) => !fields.has(name));
  if (unknown.length === 0) return;
  const known = [...fields.keys()];
  throw new PdfFormError(
    'KANSLIST_PDF_FORM_FIELD_UNKNOWN',
    `The template ${what} ${unknown.map((n) => `"${n}"`).join(', ')}; its fields are: ${known.length ? known.join(', ') : '(none)'}.`,
    {
      template: label,
      field: unknown[0]!,
      remedy:
        'Add the field to the template (with its make-*.ts script or a PDF editor), or correct the field name where the values are built.',
    },
  );
}

function checkRequired(label: string, fields: Map<string, PDFField>, values: Record<string, string>): void {
  for (const [name, field] of fields) {
    if (!field.isRequired() || (values[name] ?? '').trim() !== '') continue;
    throw new PdfFormError('KANSLIST_PDF_FORM_VALUE_MISSING', 'A field the template marks as required got no value.', {
      template: label,
      field: name,
      remedy: 'Give the field a value where the letter values are built, or check the data the item carries.',
    });
  }
}

function setValue(label: string, field: PDFField, value: string): void {
  const invalid = (why: string, cause?: unknown) =>
    new PdfFormError('KANSLIST_PDF_FORM_VALUE_INVALID', `The field cannot take the value given: ${why}.`, {
      template: label,
      field: field.getName(),
      remedy: 'Correct the value where the letter values are built, or change the field in the template.',
      cause,
    });
  if (field instanceof PDFTextField) {
    // A single-line field would draw a line break as garbage: join the lines instead.
    const text = field.isMultiline() ? value : value.replace(/\s*\r?\n\s*/g, ', ');
    const max = field.getMaxLength();
    if (max !== undefined && text.length > max) throw invalid(`longer than the field's maximum of ${max} characters`);
    field.setText(text);
  } else if (field instanceof PDFCheckBox) {
    const answer = value.trim().toLowerCase();
    if (YES.has(answer)) field.check();
    else if (NO.has(answer)) field.uncheck();
    else throw invalid('a check box takes yes/no, ja/nej, true/false, 1/0 or x');
  } else if (field instanceof PDFDropdown || field instanceof PDFOptionList || field instanceof PDFRadioGroup) {
    const editable = field instanceof PDFDropdown && field.isEditable();
    if (!editable && !field.getOptions().includes(value)) throw invalid(`not one of its options (${field.getOptions().join(', ')})`);
    field.select(value);
  } else {
    throw invalid(`a ${fieldType(field)} field holds no value`);
  }
}

function updateBold(field: PDFField, bold: PDFFont): void {
  if (field instanceof PDFTextField || field instanceof PDFDropdown || field instanceof PDFOptionList) field.updateAppearances(bold);
}

function setMetadata(doc: PDFDocument, metadata: PdfFormMetadata): void {
  const now = metadata.creationDate ?? new Date();
  if (metadata.title !== undefined) doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author !== undefined) doc.setAuthor(metadata.author);
  if (metadata.subject !== undefined) doc.setSubject(metadata.subject);
  if (metadata.keywords !== undefined) doc.setKeywords(metadata.keywords);
  if (metadata.language !== undefined) doc.setLanguage(metadata.language);
  doc.setCreator('Kanslist');
  doc.setProducer('Kanslist (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
}
