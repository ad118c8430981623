/**
 * Flattening a filled form: each widget's appearance is drawn into its page and the fields are
 * removed. pdf-lib 1.17's `form.flatten()` deletes the widget annotations but leaves them listed in
 * the pages' /Annots (it removes the appearance stream's reference instead of the widget's), so
 * strict readers (poppler: "Invalid XRef entry") stumble over the dangling references. They are
 * removed here.
 */
import { PDFArray, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';

export function flattenForm(doc: PDFDocument): void {
  doc.getForm().flatten({ updateFieldAppearances: false });
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i--) {
      const entry = annots.get(i);
      if (entry instanceof PDFRef && doc.context.lookup(entry) === undefined) annots.remove(i);
    }
    if (annots.size() === 0) page.node.delete(PDFName.of('Annots'));
  }
}
