/**
 * Text from outside (scraped pages, e-service forms, applicants' names) made safe to put in a
 * spreadsheet cell.
 *
 * exceljs writes a string as an inline string cell, so in the file itself it is never a formula.
 * The danger comes after: a clerk edits the cell (F2, Enter) or the sheet is saved as CSV and opened
 * again, and `=HYPERLINK(…)`, `+cmd|…` or `@SUM(…)` is evaluated (CSV/formula injection, OWASP).
 * So a value that a spreadsheet could read as a formula gets an apostrophe in front.
 *
 * Why a literal apostrophe rather than the `quotePrefix` cell style: exceljs 4.4 cannot write
 * `quotePrefix` (its style writer drops it), and a style does not survive a CSV export anyway. The
 * apostrophe is part of the value: Excel and LibreOffice show it (`'=SUM(A1)`), a reader sees that
 * the text was neutralised, and the text stays text through edits and CSV round trips.
 *
 * Also removed: control characters that XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C,
 * U+000E–U+001F, U+FFFE, U+FFFF, unpaired surrogates) — one of them makes the whole file unreadable
 * for Excel.
 */

// Characters a spreadsheet may start a formula (or a DDE call) with, including the full-width forms
// that Excel's input method normalises: ＝ ＋ － ＠.
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
// A tab or carriage return at the start makes some CSV importers split or trim into a formula.
const CONTROL_START = /^[\t\r\n]/;
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The apostrophe put in front of text that could run as a formula. */
export const INERT_PREFIX = "'";

/** `value` without XML-illegal characters, prefixed with `'` if a spreadsheet could take it for a formula. */
export function inertText(value: string): string {
  const clean = String(value).replace(XML_ILLEGAL, '');
  return couldRunAsFormula(clean) ? INERT_PREFIX + clean : clean;
}

/** True when the text starts (possibly after white space) with a character that begins a formula. */
export function couldRunAsFormula(text: string): boolean {
  return CONTROL_START.test(text) || FORMULA_START.test(text.trimStart());
}
