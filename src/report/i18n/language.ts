/**
 * The report languages and the locale each one formats with. A report's language is chosen by
 * `--lang`, else by `config.language`; both pass through `parseLanguage` so a typo names where it
 * came from instead of silently falling back to another language.
 */
import { LANGUAGE_LOCALES, LANGUAGES, type Language } from '../../config/config.ts';
import { InputError } from '../../errors.ts';

export { LANGUAGES, type Language };

/** The BCP 47 locale whose number, date and name conventions each language's reports follow. */
export const LOCALES = LANGUAGE_LOCALES;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * `value` as a Language (case and surrounding spaces ignored), or an InputError naming `where`
 * (e.g. '--lang' or 'kanslist.config.ts › language') and listing the languages there are.
 */
export function parseLanguage(value: string, where: string): Language {
  const normalised = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (isLanguage(normalised)) return normalised;
  throw new InputError('KANSLIST_LANGUAGE_UNKNOWN', `"${String(value)}" is not a report language`, {
    where,
    remedy: `Use one of ${LANGUAGES.join(', ')} (sv Swedish, da Danish, de German, en English).`,
  });
}
