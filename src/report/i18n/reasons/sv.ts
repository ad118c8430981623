/** Reasons in Swedish (keys and kinds as in en.ts). */
import type { Translation } from '../messages.ts';
import type { en } from './en.ts';
import { fact, type Facts } from './facts.ts';

const at = (p: Facts) => (p.row === undefined ? '' : `Rad ${p.row}${p.file ? ` i ${p.file}` : ''}: `);
const col = (p: Facts) => (p.column ? `kolumnen "${p.column}"` : 'en kolumn');
const kinds: Record<string, string> = { personnummer: 'personnumret', samordningsnummer: 'samordningsnumret', cpr: 'CPR-numret' };
const types: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  date: 'ett datum',
  boolean: 'ja eller nej',
  file: 'ett filnamn',
};
const problems: Record<string, string> = {
  format: 'är inte skrivet som ett helt nummer',
  date: 'innehåller ett datum som inte finns',
  checksum: 'har fel kontrollsiffra (troligen ett skrivfel)',
};
const system = (what: string) => `${what} Roboten försöker igen själv; om felet består tittar IT-driften på det.`;
const botFix = (what: string) => `${what} Roboten behöver rättas; IT-driften ser det i körningsrapporten.`;
const letter = (what: string) => `Mottagningsbeviset kunde inte skapas: ${what} IT-driften måste rätta brevmallen eller dess uppgifter.`;

export const sv: Translation<typeof en> = {
  rowAt: (p) => at(p),
  sourceOf: (p) => `${p.file ?? ''}, rad ${p.row ?? ''}`,
  unknownBusiness: 'Roboten kunde inte slutföra ärendet och lämnade det till en handläggare. Kontrollera ärendet för hand.',
  unknownSystem: 'Roboten kunde inte slutföra ärendet på grund av ett tekniskt fel.',
  unknownCode: (p) => `Roboten stoppade ärendet med en egen orsak, "${p.code}". Kontrollera ärendet för hand.`,
  pageError: system('Verksamhetssystemet visade en felsida.'),
  codes: {
    INPUT_REQUIRED: (p) => `${at(p)}${col(p)} är tom men måste fyllas i. Rätta raden i källan och skicka tillbaka ärendet till roboten.`,
    INPUT_TYPE: (p) =>
      `${at(p)}${col(p)} innehåller inte ${types[fact(p.type)] ?? 'ett giltigt värde'}. Rätta raden i källan och skicka tillbaka ärendet till roboten.`,
    INPUT_FILE_MISSING: (p) => `${at(p)}${col(p)} anger en bilaga som saknas. Lägg till filen och skicka tillbaka ärendet till roboten.`,
    INPUT_UNREADABLE: (p) => `${at(p)}raden kunde inte läsas. Kontrollera raden i källan.`,
    KANSLIST_INVALID_IDENTITY_NUMBER: (p) =>
      `${at(p)}${kinds[fact(p.kind)] ?? 'identitetsnumret'}${p.column ? ` i kolumnen "${p.column}"` : ''} ${problems[fact(p.problem)] ?? 'är ogiltigt'}. Kontrollera numret med sökanden.`,
    KANSLIST_SESSION_EXPIRED: system('Inloggningen i verksamhetssystemet upphörde.'),
    KANSLIST_TARGET_NOT_FOUND: system('Ett fält eller en knapp som roboten behöver fanns inte på skärmen.'),
    KANSLIST_UI_ACTION_FAILED: system('Ett klick eller en inmatning i verksamhetssystemet gick inte igenom.'),
    KANSLIST_POSTBACK_TIMEOUT: system('Verksamhetssystemet svarade inte i tid.'),
    KANSLIST_PARTIAL_POSTBACK_TIMEOUT: system('En del av en sida i verksamhetssystemet uppdaterades inte i tid.'),
    KANSLIST_NAVIGATION_FAILED: system('En sida i verksamhetssystemet öppnades inte.'),
    KANSLIST_HTTP_ERROR: system('Verksamhetssystemet svarade med ett fel.'),
    KANSLIST_WAIT_TIMEOUT: system('Verksamhetssystemet visade inte i tid det som roboten väntade på.'),
    KANSLIST_TIMEOUT: system('Verksamhetssystemet svarade inte i tid.'),
    KANSLIST_POPUP_NOT_OPENED: system('Ett fönster i verksamhetssystemet öppnades inte.'),
    KANSLIST_POPUP_NOT_CLOSED: system('Ett fönster i verksamhetssystemet stängdes inte.'),
    KANSLIST_DIALOG_NOT_SHOWN: system('En fråga som verksamhetssystemet skulle ha ställt kom inte.'),
    KANSLIST_GRID_NOT_REPLACED: system('En lista i verksamhetssystemet bläddrade inte till nästa sida.'),
    KANSLIST_ITEM_TIMEOUT: system('Ärendet tog längre tid än tillåtet.'),
    KANSLIST_TARGET_AMBIGUOUS: botFix('Roboten hittade flera fält där den väntade sig ett.'),
    KANSLIST_PAGE_FATAL:
      'Verksamhetssystemet visade en sida som roboten inte kan ta sig förbi (till exempel "behörighet saknas"). Körningen stoppades och ärendet väntar på nästa körning; IT-driften behöver rätta orsaken i verksamhetssystemet.',
    KANSLIST_INTERSTITIAL_REPEATED: system('En mellansida i verksamhetssystemet kom tillbaka gång på gång.'),
    KANSLIST_KEYBOARD_FAILED: system('En tangenttryckning på sidan gick inte fram.'),
    KANSLIST_PASSWORD_EXPIRED:
      'Robotens lösenord i verksamhetssystemet har gått ut. Körningen stoppades och ärendet väntar på nästa körning; IT-driften byter lösenordet (kanslist vault rotate).',
    KANSLIST_PASSWORD_REFUSED:
      'Verksamhetssystemet godtog inte robotens lösenord. Körningen stoppades och ärendet väntar på nästa körning; IT-driften behöver kontrollera robotkontot.',
    KANSLIST_OPTION_NOT_FOUND:
      'Värdet finns inte bland valen i verksamhetssystemet (eller stavas annorlunda där). Välj rätt värde för hand.',
    KANSLIST_OPTION_AMBIGUOUS: 'Flera val i verksamhetssystemet passar värdet, och roboten gissar aldrig. Välj rätt för hand.',
    KANSLIST_OPTIONS_NOT_SHOWN: system('En vallista i verksamhetssystemet visades inte.'),
    KANSLIST_CHOICE_NOT_KEPT: system('Ett val i verksamhetssystemet fick ingen verkan.'),
    KANSLIST_RICH_TEXT_NOT_TAKEN: system('Text som skrevs i verksamhetssystemets textredigerare blev inte kvar som den skrevs.'),
    KANSLIST_UNKNOWN_TARGET: botFix('Roboten frågade efter ett fält som dess beskrivning av skärmen saknar.'),
    KANSLIST_GRID_COLUMN_MISSING: botFix('En lista i verksamhetssystemet saknar en kolumn som roboten läser.'),
    KANSLIST_GRID_COLUMN_AMBIGUOUS: botFix('Flera kolumner i en lista i verksamhetssystemet passar en kolumn som roboten läser.'),
    KANSLIST_GRID_OPTIONS_INVALID: botFix('Roboten läser en lista i verksamhetssystemet med felaktiga inställningar.'),
    KANSLIST_GRID_RECORD_START_UNMATCHED: botFix('Roboten hittar inte var posterna börjar i en lista i verksamhetssystemet.'),
    KANSLIST_LEASE_EXPIRED:
      'Roboten stannade medan den arbetade med ärendet. Den kontrollerar i verksamhetssystemet om arbetet blev gjort innan något annat händer.',
    KANSLIST_UNCERTAIN:
      'Roboten kunde inte avgöra om ärendet registrerades i verksamhetssystemet. Kontrollera i verksamhetssystemet och registrera för hand om det saknas.',
    KANSLIST_LEASE_LOST: 'En annan robot tog över ärendet; resultatet sparades inte här.',
    KANSLIST_UNEXPECTED: system('Ett oväntat fel inträffade.'),
    KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE: letter('mallen kan inte läsas.'),
    KANSLIST_PDF_FORM_FIELD_UNKNOWN: letter('mallen saknar ett fält.'),
    KANSLIST_PDF_FORM_VALUE_MISSING: letter('ett obligatoriskt fält saknar värde.'),
    KANSLIST_PDF_FORM_VALUE_INVALID: letter('ett fält kan inte ta emot sitt värde.'),
    KANSLIST_LETTER_FILE_NAME: letter('filnamnet är inte tillåtet.'),
    KANSLIST_LETTER_WRITE_FAILED: system('Mottagningsbeviset kunde inte sparas.'),
  },
  titles: {
    INPUT_REQUIRED: 'Obligatoriskt fält tomt',
    INPUT_TYPE: 'Fält med fel sorts värde',
    INPUT_FILE_MISSING: 'Bilaga saknas',
    INPUT_UNREADABLE: 'Raden kan inte läsas',
    KANSLIST_INVALID_IDENTITY_NUMBER: 'Ogiltigt personnummer',
    KANSLIST_PAGE_ERROR: 'Felsida i verksamhetssystemet',
    KANSLIST_SESSION_EXPIRED: 'Inloggningen upphörde',
    KANSLIST_TARGET_NOT_FOUND: 'Fält eller knapp saknas på skärmen',
    KANSLIST_UI_ACTION_FAILED: 'Klick eller inmatning misslyckades',
    KANSLIST_POSTBACK_TIMEOUT: 'Verksamhetssystemet för långsamt',
    KANSLIST_PARTIAL_POSTBACK_TIMEOUT: 'Verksamhetssystemet för långsamt (sidans del)',
    KANSLIST_NAVIGATION_FAILED: 'Sidan öppnades inte',
    KANSLIST_HTTP_ERROR: 'Verksamhetssystemet svarade med fel',
    KANSLIST_WAIT_TIMEOUT: 'Verksamhetssystemet för långsamt',
    KANSLIST_TIMEOUT: 'Verksamhetssystemet för långsamt',
    KANSLIST_POPUP_NOT_OPENED: 'Fönstret öppnades inte',
    KANSLIST_POPUP_NOT_CLOSED: 'Fönstret stängdes inte',
    KANSLIST_DIALOG_NOT_SHOWN: 'Väntad fråga kom inte',
    KANSLIST_GRID_NOT_REPLACED: 'Listan bläddrade inte',
    KANSLIST_ITEM_TIMEOUT: 'Ärendet tog för lång tid',
    KANSLIST_TARGET_AMBIGUOUS: 'Roboten behöver rättas (flera fält)',
    KANSLIST_PAGE_FATAL: 'Verksamhetssystemet nekade (körningen stoppad)',
    KANSLIST_INTERSTITIAL_REPEATED: 'Mellansida kom tillbaka',
    KANSLIST_KEYBOARD_FAILED: 'Tangenttryckning misslyckades',
    KANSLIST_PASSWORD_EXPIRED: 'Robotens lösenord har gått ut (körningen stoppad)',
    KANSLIST_PASSWORD_REFUSED: 'Robotens inloggning nekades (körningen stoppad)',
    KANSLIST_OPTION_NOT_FOUND: 'Värdet saknas bland valen',
    KANSLIST_OPTION_AMBIGUOUS: 'Flera val passar',
    KANSLIST_OPTIONS_NOT_SHOWN: 'Vallistan visades inte',
    KANSLIST_CHOICE_NOT_KEPT: 'Valet fick ingen verkan',
    KANSLIST_RICH_TEXT_NOT_TAKEN: 'Texten i redigeraren blev inte kvar',
    KANSLIST_UNKNOWN_TARGET: 'Roboten behöver rättas (okänt fält)',
    KANSLIST_GRID_COLUMN_MISSING: 'Roboten behöver rättas (listkolumn)',
    KANSLIST_GRID_COLUMN_AMBIGUOUS: 'Roboten behöver rättas (otydlig listkolumn)',
    KANSLIST_GRID_OPTIONS_INVALID: 'Roboten behöver rättas (listinställningar)',
    KANSLIST_GRID_RECORD_START_UNMATCHED: 'Roboten behöver rättas (listans poster)',
    KANSLIST_LEASE_EXPIRED: 'Roboten stannade under ärendet',
    KANSLIST_UNCERTAIN: 'Oklart om registrerat',
    KANSLIST_LEASE_LOST: 'Övertaget av en annan robot',
    KANSLIST_UNEXPECTED: 'Oväntat fel',
    KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE: 'Brevmallen kan inte läsas',
    KANSLIST_PDF_FORM_FIELD_UNKNOWN: 'Brevmallen saknar ett fält',
    KANSLIST_PDF_FORM_VALUE_MISSING: 'Brevfält utan värde',
    KANSLIST_PDF_FORM_VALUE_INVALID: 'Brevfältets värde godtas inte',
    KANSLIST_LETTER_FILE_NAME: 'Brevets filnamn inte tillåtet',
    KANSLIST_LETTER_WRITE_FAILED: 'Brevet kunde inte sparas',
  },
  unknownTitle: (p) => `Robotens egen orsak: ${p.code}`,
  unknownKanslistTitle: 'Annat tekniskt fel',
  reasonHeader: 'Orsak',
  technicalReason: 'Teknisk orsak (engelska)',
  noReason: '(ingen orsak angiven)',
};
