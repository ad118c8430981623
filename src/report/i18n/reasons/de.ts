/** Reasons in German (keys and kinds as in en.ts). */
import type { Translation } from '../messages.ts';
import type { en } from './en.ts';
import { fact, type Facts } from './facts.ts';

const at = (p: Facts) => (p.row === undefined ? '' : `Zeile ${p.row}${p.file ? ` in ${p.file}` : ''}: `);
const col = (p: Facts) => (p.column ? `Die Spalte "${p.column}"` : 'Eine Spalte');
const kinds: Record<string, string> = {
  personnummer: 'Die Personennummer',
  samordningsnummer: 'Die Koordinierungsnummer',
  cpr: 'Die CPR-Nummer',
};
const types: Record<string, string> = {
  string: 'keinen Text',
  number: 'keine Zahl',
  date: 'kein Datum',
  boolean: 'kein Ja/Nein',
  file: 'keinen Dateinamen',
};
const problems: Record<string, string> = {
  format: 'ist nicht als eine vollständige Nummer geschrieben',
  date: 'enthält ein Datum, das es nicht gibt',
  checksum: 'hat eine falsche Prüfziffer (wahrscheinlich ein Tippfehler)',
};
const system = (what: string) => `${what} Der Bot versucht es selbst erneut; bleibt der Fehler, kümmert sich der IT-Betrieb darum.`;
const botFix = (what: string) => `${what} Der Bot muss korrigiert werden; der IT-Betrieb sieht es im Laufbericht.`;
const letter = (what: string) =>
  `Die Eingangsbestätigung konnte nicht erstellt werden: ${what} Der IT-Betrieb muss die Briefvorlage oder ihre Daten berichtigen.`;

export const de: Translation<typeof en> = {
  rowAt: (p) => at(p),
  sourceOf: (p) => `${p.file ?? ''}, Zeile ${p.row ?? ''}`,
  unknownBusiness:
    'Der Bot konnte den Vorgang nicht abschließen und hat ihn an die Sachbearbeitung übergeben. Bitte den Vorgang von Hand prüfen.',
  unknownSystem: 'Der Bot konnte den Vorgang wegen einer technischen Störung nicht abschließen.',
  unknownCode: (p) => `Der Bot hat den Vorgang mit einem eigenen Grund angehalten: "${p.code}". Bitte den Vorgang von Hand prüfen.`,
  pageError: system('Das Fachverfahren zeigte eine Fehlerseite.'),
  codes: {
    INPUT_REQUIRED: (p) =>
      `${at(p)}${col(p)} ist leer, muss aber ausgefüllt sein. Zeile in der Quelle berichtigen und den Vorgang an den Bot zurückgeben.`,
    INPUT_TYPE: (p) =>
      `${at(p)}${col(p)} enthält ${types[fact(p.type)] ?? 'keinen gültigen Wert'}. Zeile in der Quelle berichtigen und den Vorgang an den Bot zurückgeben.`,
    INPUT_FILE_MISSING: (p) => `${at(p)}${col(p)} nennt eine Anlage, die fehlt. Datei ergänzen und den Vorgang an den Bot zurückgeben.`,
    INPUT_UNREADABLE: (p) => `${at(p)}Die Zeile konnte nicht gelesen werden. Zeile in der Quelle prüfen.`,
    KANSLIST_INVALID_IDENTITY_NUMBER: (p) =>
      `${at(p)}${kinds[fact(p.kind)] ?? 'Die Identitätsnummer'}${p.column ? ` in der Spalte "${p.column}"` : ''} ${problems[fact(p.problem)] ?? 'ist ungültig'}. Bitte die Nummer mit der antragstellenden Person klären.`,
    KANSLIST_SESSION_EXPIRED: system('Die Anmeldung im Fachverfahren ist abgelaufen.'),
    KANSLIST_TARGET_NOT_FOUND: system('Ein Feld oder eine Schaltfläche, die der Bot braucht, war nicht auf dem Bildschirm.'),
    KANSLIST_UI_ACTION_FAILED: system('Ein Klick oder eine Eingabe im Fachverfahren ist nicht angekommen.'),
    KANSLIST_POSTBACK_TIMEOUT: system('Das Fachverfahren hat nicht rechtzeitig geantwortet.'),
    KANSLIST_PARTIAL_POSTBACK_TIMEOUT: system('Ein Teil einer Seite im Fachverfahren wurde nicht rechtzeitig aktualisiert.'),
    KANSLIST_NAVIGATION_FAILED: system('Eine Seite des Fachverfahrens hat sich nicht geöffnet.'),
    KANSLIST_HTTP_ERROR: system('Das Fachverfahren hat mit einem Fehler geantwortet.'),
    KANSLIST_WAIT_TIMEOUT: system('Das Fachverfahren hat nicht rechtzeitig gezeigt, worauf der Bot wartete.'),
    KANSLIST_TIMEOUT: system('Das Fachverfahren hat nicht rechtzeitig geantwortet.'),
    KANSLIST_POPUP_NOT_OPENED: system('Ein Fenster des Fachverfahrens hat sich nicht geöffnet.'),
    KANSLIST_POPUP_NOT_CLOSED: system('Ein Fenster des Fachverfahrens hat sich nicht geschlossen.'),
    KANSLIST_DIALOG_NOT_SHOWN: system('Eine Rückfrage, die das Fachverfahren stellen sollte, kam nicht.'),
    KANSLIST_GRID_NOT_REPLACED: system('Eine Liste im Fachverfahren hat nicht weitergeblättert.'),
    KANSLIST_ITEM_TIMEOUT: system('Der Vorgang hat länger gedauert als erlaubt.'),
    KANSLIST_TARGET_AMBIGUOUS: botFix('Der Bot fand mehrere Felder, wo er eines erwartete.'),
    KANSLIST_PAGE_FATAL:
      'Das Fachverfahren zeigte eine Seite, über die der Bot nicht hinauskommt (zum Beispiel „Zugriff verweigert“). Der Lauf wurde angehalten, der Vorgang wartet auf den nächsten Lauf; der IT-Betrieb muss die Ursache im Fachverfahren beheben.',
    KANSLIST_INTERSTITIAL_REPEATED: system('Eine Zwischenseite des Fachverfahrens kam immer wieder.'),
    KANSLIST_KEYBOARD_FAILED: system('Ein Tastendruck auf der Seite kam nicht an.'),
    KANSLIST_PASSWORD_EXPIRED:
      'Das Passwort des Bots im Fachverfahren ist abgelaufen. Der Lauf wurde angehalten, der Vorgang wartet auf den nächsten Lauf; der IT-Betrieb wechselt das Passwort (kanslist vault rotate).',
    KANSLIST_PASSWORD_REFUSED:
      'Das Fachverfahren hat das Passwort des Bots abgelehnt. Der Lauf wurde angehalten, der Vorgang wartet auf den nächsten Lauf; der IT-Betrieb muss das Bot-Konto prüfen.',
    KANSLIST_OPTION_NOT_FOUND:
      'Der Wert ist nicht unter den Auswahlmöglichkeiten des Fachverfahrens (oder wird dort anders geschrieben). Wählen Sie den richtigen von Hand.',
    KANSLIST_OPTION_AMBIGUOUS:
      'Mehrere Auswahlmöglichkeiten im Fachverfahren passen zum Wert, und der Bot rät nie. Wählen Sie die richtige von Hand.',
    KANSLIST_OPTIONS_NOT_SHOWN: system('Eine Auswahlliste im Fachverfahren erschien nicht.'),
    KANSLIST_CHOICE_NOT_KEPT: system('Eine Auswahl im Fachverfahren wurde nicht übernommen.'),
    KANSLIST_RICH_TEXT_NOT_TAKEN: system('Im Editor des Fachverfahrens geschriebener Text blieb nicht wie geschrieben.'),
    KANSLIST_UNKNOWN_TARGET: botFix('Der Bot fragte nach einem Feld, das seine Bildschirmbeschreibung nicht kennt.'),
    KANSLIST_GRID_COLUMN_MISSING: botFix('Einer Liste im Fachverfahren fehlt eine Spalte, die der Bot liest.'),
    KANSLIST_GRID_COLUMN_AMBIGUOUS: botFix('Mehrere Spalten einer Liste im Fachverfahren passen zu einer Spalte, die der Bot liest.'),
    KANSLIST_GRID_OPTIONS_INVALID: botFix('Der Bot liest eine Liste im Fachverfahren mit falschen Einstellungen.'),
    KANSLIST_GRID_RECORD_START_UNMATCHED: botFix('Der Bot findet nicht, wo die Einträge einer Liste im Fachverfahren beginnen.'),
    KANSLIST_LEASE_EXPIRED:
      'Der Bot hat während der Arbeit an diesem Vorgang angehalten. Er prüft im Fachverfahren, ob die Arbeit erledigt wurde, bevor etwas anderes geschieht.',
    KANSLIST_UNCERTAIN:
      'Der Bot konnte nicht feststellen, ob der Vorgang im Fachverfahren erfasst wurde. Bitte im Fachverfahren nachsehen und bei Bedarf von Hand erfassen.',
    KANSLIST_LEASE_LOST: 'Ein anderer Bot hat den Vorgang übernommen; das Ergebnis wurde hier nicht gespeichert.',
    KANSLIST_UNEXPECTED: system('Ein unerwarteter Fehler ist aufgetreten.'),
    KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE: letter('Die Vorlage kann nicht gelesen werden.'),
    KANSLIST_PDF_FORM_FIELD_UNKNOWN: letter('Der Vorlage fehlt ein Feld.'),
    KANSLIST_PDF_FORM_VALUE_MISSING: letter('Ein Pflichtfeld hat keinen Wert.'),
    KANSLIST_PDF_FORM_VALUE_INVALID: letter('Ein Feld kann seinen Wert nicht aufnehmen.'),
    KANSLIST_LETTER_FILE_NAME: letter('Der Dateiname ist nicht erlaubt.'),
    KANSLIST_LETTER_WRITE_FAILED: system('Die Eingangsbestätigung konnte nicht gespeichert werden.'),
  },
  titles: {
    INPUT_REQUIRED: 'Pflichtfeld leer',
    INPUT_TYPE: 'Feld mit falscher Art von Wert',
    INPUT_FILE_MISSING: 'Anlage fehlt',
    INPUT_UNREADABLE: 'Zeile nicht lesbar',
    KANSLIST_INVALID_IDENTITY_NUMBER: 'Ungültige Personennummer',
    KANSLIST_PAGE_ERROR: 'Fehlerseite im Fachverfahren',
    KANSLIST_SESSION_EXPIRED: 'Anmeldung abgelaufen',
    KANSLIST_TARGET_NOT_FOUND: 'Feld oder Schaltfläche fehlt',
    KANSLIST_UI_ACTION_FAILED: 'Klick oder Eingabe fehlgeschlagen',
    KANSLIST_POSTBACK_TIMEOUT: 'Fachverfahren zu langsam',
    KANSLIST_PARTIAL_POSTBACK_TIMEOUT: 'Fachverfahren zu langsam (Seitenteil)',
    KANSLIST_NAVIGATION_FAILED: 'Seite nicht geöffnet',
    KANSLIST_HTTP_ERROR: 'Fachverfahren meldet Fehler',
    KANSLIST_WAIT_TIMEOUT: 'Fachverfahren zu langsam',
    KANSLIST_TIMEOUT: 'Fachverfahren zu langsam',
    KANSLIST_POPUP_NOT_OPENED: 'Fenster nicht geöffnet',
    KANSLIST_POPUP_NOT_CLOSED: 'Fenster nicht geschlossen',
    KANSLIST_DIALOG_NOT_SHOWN: 'Erwartete Rückfrage kam nicht',
    KANSLIST_GRID_NOT_REPLACED: 'Liste nicht weitergeblättert',
    KANSLIST_ITEM_TIMEOUT: 'Vorgang dauerte zu lange',
    KANSLIST_TARGET_AMBIGUOUS: 'Bot muss korrigiert werden (mehrere Felder)',
    KANSLIST_PAGE_FATAL: 'Fachverfahren verweigert (Lauf angehalten)',
    KANSLIST_INTERSTITIAL_REPEATED: 'Zwischenseite kam immer wieder',
    KANSLIST_KEYBOARD_FAILED: 'Tastendruck fehlgeschlagen',
    KANSLIST_PASSWORD_EXPIRED: 'Bot-Passwort abgelaufen (Lauf angehalten)',
    KANSLIST_PASSWORD_REFUSED: 'Bot-Anmeldung abgelehnt (Lauf angehalten)',
    KANSLIST_OPTION_NOT_FOUND: 'Wert nicht unter den Auswahlmöglichkeiten',
    KANSLIST_OPTION_AMBIGUOUS: 'Mehrere passende Auswahlmöglichkeiten',
    KANSLIST_OPTIONS_NOT_SHOWN: 'Auswahlliste erschien nicht',
    KANSLIST_CHOICE_NOT_KEPT: 'Auswahl nicht übernommen',
    KANSLIST_RICH_TEXT_NOT_TAKEN: 'Text im Editor nicht übernommen',
    KANSLIST_UNKNOWN_TARGET: 'Bot muss korrigiert werden (unbekanntes Feld)',
    KANSLIST_GRID_COLUMN_MISSING: 'Bot muss korrigiert werden (Listenspalte)',
    KANSLIST_GRID_COLUMN_AMBIGUOUS: 'Bot muss korrigiert werden (Listenspalte unklar)',
    KANSLIST_GRID_OPTIONS_INVALID: 'Bot muss korrigiert werden (Listeneinstellungen)',
    KANSLIST_GRID_RECORD_START_UNMATCHED: 'Bot muss korrigiert werden (Listeneinträge)',
    KANSLIST_LEASE_EXPIRED: 'Bot hielt während des Vorgangs an',
    KANSLIST_UNCERTAIN: 'Unklar, ob erfasst',
    KANSLIST_LEASE_LOST: 'Von anderem Bot übernommen',
    KANSLIST_UNEXPECTED: 'Unerwarteter Fehler',
    KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE: 'Briefvorlage nicht lesbar',
    KANSLIST_PDF_FORM_FIELD_UNKNOWN: 'Briefvorlage fehlt ein Feld',
    KANSLIST_PDF_FORM_VALUE_MISSING: 'Brieffeld ohne Wert',
    KANSLIST_PDF_FORM_VALUE_INVALID: 'Wert im Brieffeld nicht angenommen',
    KANSLIST_LETTER_FILE_NAME: 'Dateiname des Briefs nicht erlaubt',
    KANSLIST_LETTER_WRITE_FAILED: 'Brief nicht gespeichert',
  },
  unknownTitle: (p) => `Eigener Grund des Bots: ${p.code}`,
  unknownKanslistTitle: 'Andere technische Störung',
  reasonHeader: 'Grund',
  technicalReason: 'Technischer Grund (Englisch)',
  noReason: '(kein Grund angegeben)',
};
