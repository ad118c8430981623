/**
 * Reading a PDF form template and describing its fields. A template is a PDF with an interactive
 * form (AcroForm): an organisation designs the letter once, a bot fills it per item.
 */
import { readFile } from 'node:fs/promises';
import {
  PDFButton,
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  PDFOptionList,
  PDFRadioGroup,
  PDFSignature,
  PDFTextField,
  type PDFField,
} from 'pdf-lib';
import { PdfFormError } from './errors.ts';

export type PdfFormFieldType = 'text' | 'checkbox' | 'dropdown' | 'optionList' | 'radio' | 'button' | 'signature' | 'unknown';

export interface PdfFormFieldInfo {
  name: string;
  type: PdfFormFieldType;
  /** Marked required in the template: filling refuses to leave it empty. */
  required: boolean;
  /** Text fields only: the value may hold line breaks (an address block). */
  multiline: boolean;
}

export interface LoadedTemplate {
  doc: PDFDocument;
  /** The template's path, or "(bytes)": what errors name. */
  label: string;
}

/** Loads a template from a path or bytes; a missing, broken or encrypted file is a PdfFormError. */
export async function loadPdfFormTemplate(template: string | Uint8Array): Promise<LoadedTemplate> {
  const label = typeof template === 'string' ? template : '(bytes)';
  let bytes: Uint8Array;
  try {
    bytes = typeof template === 'string' ? await readFile(template) : template;
  } catch (cause) {
    throw new PdfFormError(
      'KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE',
      `The form template could not be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        template: label,
        remedy: 'Check the template path; templates are kept under reports/templates/ and committed with the bot.',
        cause,
      },
    );
  }
  try {
    return { doc: await PDFDocument.load(bytes, { updateMetadata: false }), label };
  } catch (cause) {
    throw new PdfFormError('KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE', 'The form template is not a readable PDF (damaged, or encrypted).', {
      template: label,
      remedy: 'Save the template again as an unencrypted PDF with its form fields (or regenerate it from its make-*.ts script).',
      cause,
    });
  }
}

export function fieldType(field: PDFField): PdfFormFieldType {
  if (field instanceof PDFTextField) return 'text';
  if (field instanceof PDFCheckBox) return 'checkbox';
  if (field instanceof PDFDropdown) return 'dropdown';
  if (field instanceof PDFOptionList) return 'optionList';
  if (field instanceof PDFRadioGroup) return 'radio';
  if (field instanceof PDFButton) return 'button';
  if (field instanceof PDFSignature) return 'signature';
  return 'unknown';
}

export function describeField(field: PDFField): PdfFormFieldInfo {
  return {
    name: field.getName(),
    type: fieldType(field),
    required: field.isRequired(),
    multiline: field instanceof PDFTextField && field.isMultiline(),
  };
}

/** The fields of a template, in document order: what an author maps values to. */
export async function listPdfFormFields(template: string | Uint8Array): Promise<PdfFormFieldInfo[]> {
  const { doc } = await loadPdfFormTemplate(template);
  return doc.getForm().getFields().map(describeField);
}
