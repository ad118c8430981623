/**
 * Makes reports/templates/bygglov-kvittens.pdf: the receipt letter ("kvittens") an applicant gets
 * when the building-permit bot has registered their application in the case system.
 *
 * The template is an ordinary PDF with form fields (AcroForm). The bot fills the fields per
 * application and flattens the result (src/report/letters). An organisation may instead design its
 * own template in any PDF editor: it only has to keep the field names (BYGGLOV_KVITTENS_FIELDS in
 * reports/letters/bygglov-kvittens.ts), each marked required.
 *
 *   npx tsx reports/templates/make-bygglov-kvittens.ts     (writes the PDF next to this file)
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedReportFonts } from '../../src/report/pdf/fonts.ts';
import { BYGGLOV_KVITTENS_TEMPLATE, type BygglovKvittensField } from '../letters/bygglov-kvittens.ts';


const A4 = { width: 595.28, height: 841.89 };
const LEFT = 56;
const TEXT_WIDTH = A4.width - 2 * LEFT;
const MUTED = rgb(0.35, 0.35, 0.35);

interface Pen {
  page: PDFPage;
  regular: PDFFont;
  bold: PDFFont;
}

/** Builds the template's bytes. */
export async function makeBygglovKvittensTemplate(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedReportFonts(doc);
  const page = doc.addPage([A4.width, A4.height]);
  const pen: Pen = { page, regular, bold };
  const form = doc.getForm();
  // Printed letters show no boxes: the widgets are drawn without border or background. A field
  // placed twice (the case number) is one field with two widgets: one value, printed twice.
  const place = (name: BygglovKvittensField, box: { x: number; y: number; width: number; height: number }, options: { multiline?: boolean; size: number }) => {
    const existing = form.getFieldMaybe(name);
    const text = existing ? form.getTextField(name) : form.createTextField(name);
    text.addToPage(page, { ...box, borderWidth: 0, borderColor: undefined, backgroundColor: undefined, textColor: rgb(0, 0, 0) });
    if (existing) return;
    // The font size lives in the default appearance, which addToPage creates.
    text.setFontSize(options.size);
    if (options.multiline) text.enableMultiline();
    text.enableRequired();
  };

  // Letterhead: the organisation (from the configuration) and the unit.
  place('organisation', { x: LEFT - 2, y: 772, width: 300, height: 24 }, { size: 16 });
  write(pen, 'Bygglovsenheten', LEFT, 760, { size: 10, color: MUTED });
  write(pen, 'Datum', 360, 786, { size: 8, color: MUTED });
  place('date', { x: 358, y: 768, width: 180, height: 16 }, { size: 10 });
  write(pen, 'Ärendenummer', 360, 754, { size: 8, color: MUTED });
  place('caseNumber', { x: 358, y: 736, width: 180, height: 16 }, { size: 10 });

  // The recipient, where a window envelope shows it.
  place('applicantName', { x: LEFT - 2, y: 664, width: 280, height: 16 }, { size: 11 });
  place('applicantAddress', { x: LEFT - 2, y: 616, width: 280, height: 48 }, { multiline: true, size: 11 });

  let y = 566;
  write(pen, 'Bekräftelse på mottagen ansökan om bygglov', LEFT, y, { size: 15, font: bold });
  y = paragraph(pen, 'Vi har tagit emot din ansökan om bygglov och registrerat den som ett ärende hos oss. Så här är ärendet registrerat:', y - 28);

  // The facts of the case: label on the left, field on the right.
  const facts: Array<[string, BygglovKvittensField]> = [
    ['Ärendenummer', 'caseNumber'],
    ['Fastighet', 'propertyDesignation'],
    ['Åtgärd', 'measure'],
    ['Ansökan kom in', 'receivedDate'],
    ['E-tjänstens ärende-id', 'applicationId'],
  ];
  y -= 10;
  for (const [label, name] of facts) {
    write(pen, label, LEFT, y, { size: 10, font: bold });
    place(name, { x: 198, y: y - 4, width: A4.width - LEFT - 198, height: 16 }, { size: 10 });
    y -= 20;
  }

  y -= 14;
  write(pen, 'Så går handläggningen till', LEFT, y, { size: 12, font: bold });
  y = paragraph(pen, 'Vi går nu igenom din ansökan. Om något saknas eller behöver förtydligas hör vi av oss och ber dig komplettera den.', y - 20);
  y = paragraph(pen, 'Enligt plan- och bygglagen ska beslut om bygglov fattas inom tio veckor från det att ansökan är komplett. Tiden kan förlängas en gång med högst tio veckor om utredningen kräver det; då får du besked om det.', y - 6);
  y = paragraph(pen, 'Ange alltid ärendenumret när du kontaktar oss om din ansökan.', y - 6);

  y -= 24;
  write(pen, 'Med vänlig hälsning', LEFT, y, { size: 10.5 });
  write(pen, 'Bygglovsenheten', LEFT, y - 16, { size: 10.5 });

  page.drawLine({ start: { x: LEFT, y: 62 }, end: { x: A4.width - LEFT, y: 62 }, thickness: 0.5, color: MUTED });
  paragraph(pen, 'Detta brev skapades automatiskt när ansökan registrerades i ärendesystemet. Brevet är en bekräftelse på att ansökan har kommit in, inte ett beslut.', 50, { size: 8, color: MUTED });

  doc.setTitle('Bekräftelse på mottagen ansökan om bygglov', { showInWindowTitleBar: true });
  doc.setSubject('Mall för kvittens på bygglovsansökan (ifylls per ärende)');
  doc.setLanguage('sv-SE');
  doc.setCreator('Kanslist reports/templates/make-bygglov-kvittens.ts');
  doc.setProducer('Kanslist (pdf-lib)');
  return doc.save();
}

function write(pen: Pen, text: string, x: number, y: number, options: { size: number; font?: PDFFont; color?: ReturnType<typeof rgb> }): void {
  pen.page.drawText(text, { x, y, size: options.size, font: options.font ?? pen.regular, color: options.color ?? rgb(0, 0, 0) });
}

/** Draws wrapped text from baseline `y` down; returns the baseline a next line would have. */
function paragraph(pen: Pen, text: string, y: number, options: { size?: number; color?: ReturnType<typeof rgb> } = {}): number {
  const size = options.size ?? 10.5;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && pen.regular.widthOfTextAtSize(candidate, size) > TEXT_WIDTH) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  lines.forEach((l, i) => write(pen, l, LEFT, y - i * size * 1.35, { size, ...(options.color ? { color: options.color } : {}) }));
  return y - lines.length * size * 1.35;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(BYGGLOV_KVITTENS_TEMPLATE, await makeBygglovKvittensTemplate());
  console.log(`wrote ${BYGGLOV_KVITTENS_TEMPLATE}`);
}
