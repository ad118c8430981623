/** Letters from PDF form templates: fill, flatten, write. */
export { fillPdfForm, type FillPdfFormOptions, type PdfFormFonts, type PdfFormMetadata } from './fill-form.ts';
export { listPdfFormFields, loadPdfFormTemplate, type PdfFormFieldInfo, type PdfFormFieldType, type LoadedTemplate } from './template.ts';
export { writeLetter } from './write-letter.ts';
export { PdfFormError, LetterWriteError, LetterFileNameError, type PdfFormErrorCode } from './errors.ts';
