/**
 * Reasons in English, as a clerk or manager reads them (the developer's text stays in the XLSX and
 * the audit trail). The reference catalogue: sv, da and de must have every key (src/report/i18n/messages.ts).
 */
import { fact, type Facts } from './facts.ts';

const at = (p: Facts) => (p.row === undefined ? '' : `Row ${p.row}${p.file ? ` of ${p.file}` : ''}: `);
const col = (p: Facts) => (p.column ? `column "${p.column}"` : 'a column');
const kinds: Record<string, string> = { personnummer: 'personnummer', samordningsnummer: 'coordination number', cpr: 'CPR number' };
const types: Record<string, string> = { string: 'text', number: 'a number', date: 'a date', boolean: 'yes or no', file: 'a file name' };
const problems: Record<string, string> = {
  format: 'is not written as one complete number',
  date: 'holds a date that does not exist',
  checksum: 'has a wrong check digit (probably a typo)',
};
const system = (what: string) => `${what} The robot tries again by itself; if it keeps failing, IT operations look into it.`;
const botFix = (what: string) => `${what} The robot needs fixing; IT operations have been told in the run report.`;
const letter = (what: string) =>
  `The receipt letter could not be made: ${what} IT operations must correct the letter template or its data.`;

export const en = {
  /** Used when a code has no text of its own: never the developer's English. */
  /** "Row 24 of file.xlsx: " before a reason from an input row; empty when there is no row. */
  rowAt: (p: Facts) => at(p),
  /** Where an input row came from, as the source column shows it: 'e-tjanst.xlsx, row 4'. */
  sourceOf: (p: Facts) => `${p.file ?? ''}, row ${p.row ?? ''}`,
  unknownBusiness: 'The robot could not finish this item and handed it to a person. Check the item by hand.',
  unknownSystem: 'The robot could not finish this item because of a technical fault.',
  unknownCode: (p: { code: string }) => `The robot stopped this item with its own reason "${p.code}". Check the item by hand.`,
  pageError: system('The case system showed an error page.'),
  codes: {
    INPUT_REQUIRED: (p: Facts) =>
      `${at(p)}${col(p)} is empty but must be filled in. Correct the row in the source and send the item back to the robot.`,
    INPUT_TYPE: (p: Facts) =>
      `${at(p)}${col(p)} does not hold ${types[fact(p.type)] ?? 'a valid value'}. Correct the row in the source and send the item back to the robot.`,
    INPUT_FILE_MISSING: (p: Facts) =>
      `${at(p)}${col(p)} names an attachment that is not there. Add the file and send the item back to the robot.`,
    INPUT_UNREADABLE: (p: Facts) => `${at(p)}the row could not be read. Check the row in the source.`,
    KANSLIST_INVALID_IDENTITY_NUMBER: (p: Facts) =>
      `${at(p)}the ${kinds[fact(p.kind)] ?? 'identity number'}${p.column ? ` in column "${p.column}"` : ''} ${problems[fact(p.problem)] ?? 'is not valid'}. Check the number with the applicant.`,
    KANSLIST_SESSION_EXPIRED: system('The session in the case system ended.'),
    KANSLIST_TARGET_NOT_FOUND: system('A field or button the robot needs was not on the screen.'),
    KANSLIST_UI_ACTION_FAILED: system('A click or an entry in the case system did not take effect.'),
    KANSLIST_POSTBACK_TIMEOUT: system('The case system did not answer in time.'),
    KANSLIST_PARTIAL_POSTBACK_TIMEOUT: system('A part of a page in the case system was not updated in time.'),
    KANSLIST_NAVIGATION_FAILED: system('A page of the case system did not open.'),
    KANSLIST_HTTP_ERROR: system('The case system answered with an error.'),
    KANSLIST_WAIT_TIMEOUT: system('The case system did not show what the robot waited for in time.'),
    KANSLIST_TIMEOUT: system('The case system did not answer in time.'),
    KANSLIST_POPUP_NOT_OPENED: system('A window of the case system did not open.'),
    KANSLIST_POPUP_NOT_CLOSED: system('A window of the case system did not close.'),
    KANSLIST_DIALOG_NOT_SHOWN: system('A question the case system should have asked did not come.'),
    KANSLIST_GRID_NOT_REPLACED: system('A list in the case system did not turn to the next page.'),
    KANSLIST_ITEM_TIMEOUT: system('The item took longer than allowed.'),
    KANSLIST_TARGET_AMBIGUOUS: botFix('The robot found several fields where it expected one.'),
    KANSLIST_PAGE_FATAL:
      'The case system showed a page the robot cannot get past (for example "permission denied"). The run stopped and the item waits for the next run; IT operations must fix the cause in the case system.',
    KANSLIST_INTERSTITIAL_REPEATED: system('A notice page in the case system kept coming back.'),
    KANSLIST_KEYBOARD_FAILED: system('A key press on the page did not go through.'),
    KANSLIST_PASSWORD_EXPIRED:
      'The robot’s password in the case system has expired. The run stopped and the item waits for the next run; IT operations rotate the password (kanslist vault rotate).',
    KANSLIST_PASSWORD_REFUSED:
      'The case system refused the robot’s password. The run stopped and the item waits for the next run; IT operations must check the robot account.',
    KANSLIST_OPTION_NOT_FOUND:
      'The value is not among the choices the case system offers (or is spelt differently there). Choose the right one by hand.',
    KANSLIST_OPTION_AMBIGUOUS:
      'Several choices in the case system match the value, and the robot never guesses. Choose the right one by hand.',
    KANSLIST_OPTIONS_NOT_SHOWN: system('A list of choices in the case system did not appear.'),
    KANSLIST_CHOICE_NOT_KEPT: system('A choice made in the case system did not take effect.'),
    KANSLIST_RICH_TEXT_NOT_TAKEN: system("Text written in the case system's editor did not stay as written."),
    KANSLIST_UNKNOWN_TARGET: botFix('The robot asked for a field its description of the screen does not have.'),
    KANSLIST_GRID_COLUMN_MISSING: botFix('A list in the case system lacks a column the robot reads.'),
    KANSLIST_GRID_COLUMN_AMBIGUOUS: botFix('Several columns of a list in the case system match one the robot reads.'),
    KANSLIST_GRID_OPTIONS_INVALID: botFix('The robot reads a list in the case system with wrong settings.'),
    KANSLIST_GRID_RECORD_START_UNMATCHED: botFix('The robot cannot find where the records of a list in the case system begin.'),
    KANSLIST_LEASE_EXPIRED:
      'The robot stopped while working on this item. It checks in the case system whether the work was done before anything else happens.',
    KANSLIST_UNCERTAIN:
      'The robot could not tell whether this item was registered in the case system. Check in the case system and register it by hand if it is missing.',
    KANSLIST_LEASE_LOST: 'Another robot took over this item; its result was not recorded here.',
    KANSLIST_UNEXPECTED: system('An unexpected fault occurred.'),
    KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE: letter('the template cannot be read.'),
    KANSLIST_PDF_FORM_FIELD_UNKNOWN: letter('the template lacks a field.'),
    KANSLIST_PDF_FORM_VALUE_MISSING: letter('a required field has no value.'),
    KANSLIST_PDF_FORM_VALUE_INVALID: letter('a field cannot take its value.'),
    KANSLIST_LETTER_FILE_NAME: letter('its file name is not allowed.'),
    KANSLIST_LETTER_WRITE_FAILED: system('The receipt letter could not be saved.'),
  },
  /** Short names for tables that group by reason. */
  titles: {
    INPUT_REQUIRED: 'Required field empty',
    INPUT_TYPE: 'Field has a wrong kind of value',
    INPUT_FILE_MISSING: 'Attachment missing',
    INPUT_UNREADABLE: 'Row unreadable',
    KANSLIST_INVALID_IDENTITY_NUMBER: 'Invalid identity number',
    KANSLIST_PAGE_ERROR: 'Error page in the case system',
    KANSLIST_SESSION_EXPIRED: 'Session ended',
    KANSLIST_TARGET_NOT_FOUND: 'Field or button missing on screen',
    KANSLIST_UI_ACTION_FAILED: 'Click or entry failed',
    KANSLIST_POSTBACK_TIMEOUT: 'Case system too slow',
    KANSLIST_PARTIAL_POSTBACK_TIMEOUT: 'Case system too slow (page part)',
    KANSLIST_NAVIGATION_FAILED: 'Page did not open',
    KANSLIST_HTTP_ERROR: 'Case system answered with an error',
    KANSLIST_WAIT_TIMEOUT: 'Case system too slow',
    KANSLIST_TIMEOUT: 'Case system too slow',
    KANSLIST_POPUP_NOT_OPENED: 'Window did not open',
    KANSLIST_POPUP_NOT_CLOSED: 'Window did not close',
    KANSLIST_DIALOG_NOT_SHOWN: 'Expected question did not come',
    KANSLIST_GRID_NOT_REPLACED: 'List did not turn the page',
    KANSLIST_ITEM_TIMEOUT: 'Item took too long',
    KANSLIST_TARGET_AMBIGUOUS: 'Robot needs fixing (several fields)',
    KANSLIST_PAGE_FATAL: 'Case system refused (run stopped)',
    KANSLIST_INTERSTITIAL_REPEATED: 'Notice page kept coming back',
    KANSLIST_KEYBOARD_FAILED: 'Key press failed',
    KANSLIST_PASSWORD_EXPIRED: 'Robot password expired (run stopped)',
    KANSLIST_PASSWORD_REFUSED: 'Robot login refused (run stopped)',
    KANSLIST_OPTION_NOT_FOUND: 'Value not among the choices',
    KANSLIST_OPTION_AMBIGUOUS: 'Several matching choices',
    KANSLIST_OPTIONS_NOT_SHOWN: 'List of choices did not appear',
    KANSLIST_CHOICE_NOT_KEPT: 'Choice did not take effect',
    KANSLIST_RICH_TEXT_NOT_TAKEN: 'Text in the editor did not stay',
    KANSLIST_UNKNOWN_TARGET: 'Robot needs fixing (unknown field)',
    KANSLIST_GRID_COLUMN_MISSING: 'Robot needs fixing (list column)',
    KANSLIST_GRID_COLUMN_AMBIGUOUS: 'Robot needs fixing (list column unclear)',
    KANSLIST_GRID_OPTIONS_INVALID: 'Robot needs fixing (list settings)',
    KANSLIST_GRID_RECORD_START_UNMATCHED: 'Robot needs fixing (list records)',
    KANSLIST_LEASE_EXPIRED: 'Robot stopped during the item',
    KANSLIST_UNCERTAIN: 'Unclear whether registered',
    KANSLIST_LEASE_LOST: 'Taken over by another robot',
    KANSLIST_UNEXPECTED: 'Unexpected fault',
    KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE: 'Letter template unreadable',
    KANSLIST_PDF_FORM_FIELD_UNKNOWN: 'Letter template lacks a field',
    KANSLIST_PDF_FORM_VALUE_MISSING: 'Letter field without value',
    KANSLIST_PDF_FORM_VALUE_INVALID: 'Letter field value not accepted',
    KANSLIST_LETTER_FILE_NAME: 'Letter file name not allowed',
    KANSLIST_LETTER_WRITE_FAILED: 'Letter could not be saved',
  },
  unknownTitle: (p: { code: string }) => `Robot's own reason: ${p.code}`,
  unknownKanslistTitle: 'Other technical fault',
  /** XLSX column header for the developer's text, kept for operators. */
  /** Column header for a reason in the reader's language. */
  reasonHeader: 'Reason',
  technicalReason: 'Technical reason (English)',
  noReason: '(no reason given)',
};
