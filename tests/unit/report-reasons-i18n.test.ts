/**
 * Reasons in the reader's language: every code an item can carry has a text in sv, da, de and en
 * with its facts filled in; a bot's own translations win, the organisation's language is the
 * fallback; nothing shows a Kanslist code or the developer's English in sv/da/de.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/config/config.ts';
import { BusinessRuleError, errorDetails } from '../../src/errors.ts';
import { parsePersonnummer, syntheticPersonnummer } from '../../src/identity/index.ts';
import { createRng } from '../../src/util/rng.ts';
import { hasReasonText, localizeReason, localizeSource, reasonTitle } from '../../src/report/i18n/reasons/index.ts';
import { redactedErrorDetails } from '../../src/runner/reason-details.ts';
import { thrown } from '../helpers/thrown.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';

/** Folders whose errors end on an item: the browser work, the runner, letters, identity numbers, input rows. */
const ITEM_ERROR_SOURCES = [
  'src/ui',
  'src/runner',
  'src/report/letters',
  'src/identity',
  'src/inputs/row-builder.ts',
  'src/store/queue.ts',
  'src/store/errors.ts',
  'src/errors.ts',
];
/** Codes in those folders that stop a run before any item is touched (exit 2): never an item's reason. */
const RUN_LEVEL = new Set([
  'KANSLIST_BOT_BROKEN',
  'KANSLIST_BOT_INVALID',
  'KANSLIST_BOT_NAME_MISMATCH',
  'KANSLIST_BOT_NO_DEFAULT',
  'KANSLIST_BOT_UNKNOWN',
  'KANSLIST_BROWSER_MISSING',
  'KANSLIST_NO_BROWSER',
  'KANSLIST_CREDENTIALS_MISSING',
  'KANSLIST_SYSTEM_MAP_INVALID',
  'KANSLIST_ITEM_NOT_FOUND',
  'KANSLIST_ITEM_STATE',
  'KANSLIST_RUN_NOT_FOUND',
  'KANSLIST_ENQUEUE_INVALID',
  // A run that cannot start: said to the operator at once, never stored on an item.
  'KANSLIST_INPUT_MISSING',
  'KANSLIST_NO_DISPLAY',
  // `kanslist vault rotate` refusing before it changes anything: said to the operator, never on an item.
  'KANSLIST_ROTATE_BUSY',
  'KANSLIST_ROTATE_ENV_PASSWORD',
  'KANSLIST_ROTATE_NO_ACCOUNT',
  'KANSLIST_ROTATE_UNSUPPORTED',
]);

function sourceFiles(path: string): string[] {
  const full = join(REPO_ROOT, path);
  if (full.endsWith('.ts')) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(full, f));
}

function itemCodes(): string[] {
  const codes = new Set<string>();
  for (const file of ITEM_ERROR_SOURCES.flatMap(sourceFiles)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/['"`]((?:KANSLIST|INPUT)_[A-Z0-9_]+)['"`]/g)) codes.add(m[1]!);
  }
  return [...codes].filter((c) => !RUN_LEVEL.has(c)).sort();
}

/** Synthetic test-series numbers only: a valid one, and the same with a wrong check digit. */
const PNR = syntheticPersonnummer(createRng(99));
const WRONG_CHECK = `${PNR.slice(0, -1)}${(Number(PNR.at(-1)) + 1) % 10}`;

describe('reasons in the reader’s language', () => {
  it('has a text for every code an item can carry (found in the source, so a new code without one fails here)', () => {
    const codes = itemCodes();
    expect(codes.length).toBeGreaterThan(25);
    expect(codes.filter((c) => !hasReasonText(c))).toEqual([]);
    for (const language of LANGUAGES) {
      for (const code of codes) {
        const text = localizeReason({ code, reason: 'developer text', details: null }, language);
        expect(text, `${language} ${code}`).not.toMatch(/KANSLIST_|INPUT_|developer text/);
        expect(reasonTitle(code, language), `${language} ${code}`).not.toMatch(/KANSLIST_|INPUT_/);
      }
    }
  });

  it('fills in row, file and column of an input row, one sentence per problem', () => {
    const details = {
      params: { file: 'e-tjanst.xlsx', row: 24 },
      parts: [
        { code: 'INPUT_REQUIRED', params: { file: 'e-tjanst.xlsx', row: 24, column: 'Namn', field: 'name' } },
        { code: 'INPUT_TYPE', params: { file: 'e-tjanst.xlsx', row: 24, column: 'Inkommen', field: 'submittedAt', type: 'date' } },
      ],
    };
    const stored = {
      code: 'INPUT_REQUIRED',
      reason: 'Row 24 of e-tjanst.xlsx: column "Namn" (name) is empty but required',
      details: JSON.stringify(details),
    };
    expect(localizeReason(stored, 'sv')).toBe(
      'Rad 24 i e-tjanst.xlsx: kolumnen "Namn" är tom men måste fyllas i. Rätta raden i källan och skicka tillbaka ärendet till roboten. ' +
        'Rad 24 i e-tjanst.xlsx: kolumnen "Inkommen" innehåller inte ett datum. Rätta raden i källan och skicka tillbaka ärendet till roboten.',
    );
    expect(localizeReason(stored, 'de')).toContain('Zeile 24 in e-tjanst.xlsx: Die Spalte "Namn" ist leer');
    expect(localizeReason(stored, 'da')).toContain('Række 24 i e-tjanst.xlsx: kolonnen "Inkommen" indeholder ikke en dato');
    expect(localizeSource('e-tjanst.xlsx row 24', 'da')).toBe('e-tjanst.xlsx, række 24');
    expect(localizeSource('worklist', 'da')).toBe('worklist');
  });

  it('says what is wrong with an identity number, never the number', () => {
    const error = thrown(() => parsePersonnummer(WRONG_CHECK));
    const details = errorDetails(error);
    expect(details?.params).toEqual({ kind: 'personnummer', problem: 'checksum' });
    const sv = localizeReason(
      {
        code: 'KANSLIST_INVALID_IDENTITY_NUMBER',
        reason: 'x',
        details: { params: { ...details!.params, column: 'Personnummer', file: 'a.xlsx', row: 3 } },
      },
      'sv',
    );
    expect(sv).toBe(
      'Rad 3 i a.xlsx: personnumret i kolumnen "Personnummer" har fel kontrollsiffra (troligen ett skrivfel). Kontrollera numret med sökanden.',
    );
    expect(sv).not.toContain(WRONG_CHECK.slice(-4));
  });

  it('uses the bot author’s message in the reader’s language, else in the organisation’s, else a plain sentence', () => {
    const error = new BusinessRuleError('BYGGLOV_UNKNOWN_MEASURE', 'The measure has no counterpart in CaseHub.', {
      messages: { sv: 'Åtgärden finns inte i CaseHub.', de: 'Die Maßnahme gibt es in CaseHub nicht.' },
    });
    const stored = { code: error.code, reason: error.message, details: JSON.stringify(errorDetails(error)) };
    expect(localizeReason(stored, 'de')).toBe('Die Maßnahme gibt es in CaseHub nicht.');
    expect(localizeReason(stored, 'da', { organisationLanguage: 'sv' })).toBe('Åtgärden finns inte i CaseHub.');
    expect(localizeReason(stored, 'da')).toBe(
      'Robotten stoppede sagen med sin egen årsag, "BYGGLOV_UNKNOWN_MEASURE". Kontrollér sagen manuelt.',
    );
    // In English the author's own text is what an English reader gets.
    expect(localizeReason(stored, 'en')).toBe('The measure has no counterpart in CaseHub.');
    expect(reasonTitle('BYGGLOV_UNKNOWN_MEASURE', 'sv')).toBe('Robotens egen orsak: BYGGLOV_UNKNOWN_MEASURE');
    // Tables that group by reason name a bot's code by the first sentence of its author's message.
    const sample = { details: JSON.stringify({ messages: { sv: 'Sökanden finns inte i folkbokföringen. Kontrollera numret.' } }) };
    expect(reasonTitle('BYGGLOV_PERSON_NOT_FOUND', 'sv', sample)).toBe('Sökanden finns inte i folkbokföringen');
    expect(reasonTitle('BYGGLOV_PERSON_NOT_FOUND', 'de', { ...sample, organisationLanguage: 'sv' })).toBe(
      'Sökanden finns inte i folkbokföringen',
    );
    expect(reasonTitle('BYGGLOV_PERSON_NOT_FOUND', 'de', sample)).toBe('Eigener Grund des Bots: BYGGLOV_PERSON_NOT_FOUND');
  });

  it('masks an identity number an author put in a translation before it is stored', () => {
    const error = new BusinessRuleError('X_RULE', 'rule', {
      messages: { sv: `Sökande ${PNR} saknas` },
      params: { column: 'Personnummer' },
    });
    const details = redactedErrorDetails(error)!;
    expect(JSON.stringify(details)).not.toContain(PNR);
    expect(details.params).toEqual({ column: 'Personnummer' });
  });

  it('reads an error page, a failed item and an unknown Kanslist code in plain words', () => {
    expect(
      localizeReason(
        { code: 'KANSLIST_PAGE_ERROR_SERVER_ERROR', reason: 'casehub shows its "serverError" error page', details: null },
        'da',
      ),
    ).toBe('Fagsystemet viste en fejlside. Robotten prøver selv igen; fortsætter fejlen, ser IT-driften på den.');
    expect(localizeReason({ code: 'KANSLIST_SOMETHING_NEW', reason: 'x', details: null, business: false }, 'sv')).toBe(
      'Roboten kunde inte slutföra ärendet på grund av ett tekniskt fel.',
    );
    expect(localizeReason({ code: 'KANSLIST_SOMETHING_NEW', reason: 'x', details: '{broken json' }, 'de')).toMatch(
      /^Der Bot konnte den Vorgang nicht abschließen/,
    );
  });
});
