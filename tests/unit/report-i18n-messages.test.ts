import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../src/errors.ts';
import { commonMessages, defineMessages, LANGUAGES, parseLanguage, type Language } from '../../src/report/i18n/index.ts';
import { thrown } from '../helpers/thrown.ts';

const runReport = defineMessages({
  en: { title: 'Run report', itemsDone: (p: { count: number }) => `${p.count} items done`, columns: { key: 'Key', reason: 'Reason' } },
  sv: { title: 'Körningsrapport', itemsDone: ({ count }) => `${count} ärenden klara`, columns: { key: 'Nyckel', reason: 'Orsak' } },
  da: { title: 'Kørselsrapport', itemsDone: ({ count }) => `${count} sager færdige`, columns: { key: 'Nøgle', reason: 'Årsag' } },
  de: { title: 'Laufbericht', itemsDone: ({ count }) => `${count} Vorgänge erledigt`, columns: { key: 'Schlüssel', reason: 'Grund' } },
});

describe('report messages', () => {
  it('gives each language its own texts, with params and groups', () => {
    expect(runReport.for('sv').title).toBe('Körningsrapport');
    expect(runReport.for('da').itemsDone({ count: 3 })).toBe('3 sager færdige');
    expect(runReport.for('de').columns.reason).toBe('Grund');
    expect(runReport.for('en').itemsDone({ count: 1 })).toBe('1 items done');
  });

  it('does not compile, and throws naming language and key, when a language lacks a key', () => {
    const error = thrown(() =>
      defineMessages({
        en: { title: 'Run report', subtitle: 'All items' },
        sv: { title: 'Körningsrapport', subtitle: 'Alla ärenden' },
        // @ts-expect-error -- Danish lacks "subtitle": the compiler must refuse this catalogue
        da: { title: 'Kørselsrapport' },
        de: { title: 'Laufbericht', subtitle: 'Alle Vorgänge' },
      }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe('KANSLIST_MESSAGES_INCOMPLETE');
    expect(error.message).toContain('"da"');
    expect(error.message).toContain('"subtitle"');
  });

  it('also catches a missing key inside a group, an extra key and a text where English has a function', () => {
    const nested = thrown(() =>
      defineMessages({
        en: { statuses: { done: 'Done', failed: 'Failed' } },
        sv: { statuses: { done: 'Klar', failed: 'Misslyckad' } },
        da: { statuses: { done: 'Færdig', failed: 'Fejlet' } },
        // @ts-expect-error -- German lacks statuses.failed
        de: { statuses: { done: 'Erledigt' } },
      }),
    );
    expect(nested.message).toContain('"de" message "statuses.failed" is missing');

    const extra = thrown(() =>
      defineMessages({
        en: { title: 'Title' },
        // @ts-expect-error -- a key English does not have is a typo somewhere
        sv: { title: 'Titel', titel: 'Titel' },
        da: { title: 'Titel' },
        de: { title: 'Titel' },
      }),
    );
    expect(extra.message).toContain('"sv" message "titel" is not in the English catalogue');

    const kind = thrown(() =>
      defineMessages({
        en: { pageOf: (p: { page: number }) => `Page ${p.page}` },
        sv: { pageOf: (p) => `Sida ${p.page}` },
        // @ts-expect-error -- a fixed text where the message needs its params
        da: { pageOf: 'Side' },
        de: { pageOf: (p) => `Seite ${p.page}` },
      }),
    );
    expect(kind.message).toContain('"da" message "pageOf" is a text but English has a function');
  });

  it('throws naming the language when a whole language is missing (plain JavaScript callers)', () => {
    const missing = { en: { a: 'A' }, sv: { a: 'A' }, da: { a: 'A' } };
    // @ts-expect-error -- German is missing
    const error = thrown(() => defineMessages(missing));
    expect(error.message).toContain('"de"');
  });

  it('refuses an unknown language when a catalogue is asked for one', () => {
    const error = thrown(() => runReport.for('fi' as Language));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('KANSLIST_LANGUAGE_UNKNOWN');
  });
});

describe('common report messages', () => {
  it('labels pages in every language', () => {
    const labels = LANGUAGES.map((lang) => commonMessages.for(lang).pageOf({ page: 1, pages: 3 }));
    expect(labels).toEqual(['Sida 1 av 3', 'Side 1 af 3', 'Seite 1 von 3', 'Page 1 of 3']);
  });

  it('names every item and run status in every language, each differently within a language', () => {
    for (const lang of LANGUAGES) {
      const t = commonMessages.for(lang);
      const items = Object.values(t.statuses);
      expect(items).toHaveLength(7);
      expect(new Set(items).size).toBe(7);
      expect(Object.keys(t.runStatuses).sort()).toEqual([
        'crashed',
        'failed',
        'finished',
        'interrupted',
        'running',
        'system-unavailable',
        'timed-out',
      ]);
      expect(t.yes).not.toBe(t.no);
    }
    expect(commonMessages.for('sv').statuses.review).toBe('Till handläggare');
    expect(commonMessages.for('de').runStatuses['timed-out']).toBe('Zeitlimit überschritten');
    expect(commonMessages.for('da').total).toBe('I alt');
    expect(commonMessages.for('sv').generatedAt({ at: '2026-11-22 14:05' })).toBe('Skapad 2026-11-22 14:05');
  });
});

describe('parseLanguage', () => {
  it('accepts the four languages, ignoring case and spaces', () => {
    expect(parseLanguage('sv', '--lang')).toBe('sv');
    expect(parseLanguage(' DA ', '--lang')).toBe('da');
  });

  it('names where the bad value came from and lists the languages', () => {
    const error = thrown(() => parseLanguage('no', '--lang'));
    expect(error).toBeInstanceOf(InputError);
    expect(error.where).toBe('--lang');
    expect(error.remedy).toContain('sv, da, de, en');
  });
});
