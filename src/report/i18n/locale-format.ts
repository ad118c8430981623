/**
 * Numbers, dates and durations as each report language writes them, via Intl with the locales in
 * LOCALES. What to expect:
 *
 * - Numbers: sv `1 234,5` — the group separator is the no-break space U+00A0 in Node's ICU (newer
 *   CLDR data may give the narrow no-break space U+202F; both keep a number on one line), and a
 *   negative sv number starts with the minus sign U+2212. da/de `1.234,5`, en `1,234.5`.
 * - Dates: sv `2026-11-22` (ISO, as Swedes write it), da and de `22.11.2026`, en `2026-11-22`:
 *   ISO rather than `22/11/2026`, which American readers take for month-first, and the same form
 *   Excel cells get (see src/report/xlsx/cell-formats.ts).
 * - Times: 24-hour `HH:MM` with a colon in every language (Danish also writes `13.05`; the colon is
 *   unambiguous next to a dotted date).
 * - Units of time: SI symbols `h`, `min`, `s` in every language. They are the standard forms in
 *   Swedish, Danish and German technical writing; Intl's short unit names differ per language and
 *   version ("tim", "t.", "Std.", "hrs"). A no-break space U+00A0 joins each number to its unit.
 * - A value that is not a finite number (0/0, a missing timestamp) prints as an en dash `–`.
 */
import { LOCALES, type Language } from './language.ts';
import { checkTimeZone, wallClock } from '../../util/wall-clock.ts';

export interface LocaleFormat {
  language: Language;
  /** The BCP 47 locale, e.g. 'sv-SE'. */
  locale: string;
  timeZone: string;
  /** Grouped, with exactly `fractionDigits` decimals. @default fractionDigits 1 */
  number(value: number, fractionDigits?: number): string;
  integer(value: number): string;
  /** 0.125 → sv `12,5 %`, en `12.5%`. @default fractionDigits 1 */
  percent(ratio: number, fractionDigits?: number): string;
  /** The local date in `timeZone`: sv/en `2026-11-22`, da/de `22.11.2026`. */
  date(epochMs: number): string;
  /** date + ` HH:MM` (24 h), local in `timeZone`. */
  dateTime(epochMs: number): string;
  /** `1 h 05 min`, `12 min 30 s`, `42 s` (rounded to the minute from one hour up, else to the second). */
  duration(ms: number): string;
  /** `1 234,5 h` (one decimal). */
  hours(value: number): string;
  /** Month name from Intl, 1 = January: sv `november`, de `November`. @default style 'long' */
  monthName(month: number, style?: 'long' | 'short'): string;
  /** Weekday name from Intl, ISO numbering 1 = Monday … 7 = Sunday. @default style 'long' */
  weekdayName(isoWeekday: number, style?: 'long' | 'short'): string;
  /** The local month and year of `epochMs`, e.g. sv `november 2026`, en `November 2026`. */
  monthYear(epochMs: number): string;
}

/** Joins a number to its unit so a table cell never wraps between them. */
const NBSP = '\u00a0';

/** What a value that is not a finite number prints as. */
export const NO_VALUE = '–';

/** Formatting for `language` with dates local to `timeZone` (an unknown zone throws KANSLIST_TIME_ZONE_UNKNOWN). */
export function localeFormat(language: Language, timeZone: string): LocaleFormat {
  checkTimeZone(timeZone);
  const locale = LOCALES[language];
  if (!locale) throw new TypeError(`localeFormat: unknown language ${String(language)}`);
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (fractionDigits: number, style: 'decimal' | 'percent'): Intl.NumberFormat => {
    const key = `${style}:${fractionDigits}`;
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
      numberFormats.set(key, format);
    }
    return format;
  };
  const num = (value: number, digits: number): string =>
    Number.isFinite(value) ? numberFormat(digits, 'decimal').format(value) : NO_VALUE;
  const date = (epochMs: number): string => {
    if (!Number.isFinite(epochMs)) return NO_VALUE;
    const w = wallClock(epochMs, timeZone);
    const [y, m, d] = [String(w.year).padStart(4, '0'), pad2(w.month), pad2(w.day)];
    return language === 'da' || language === 'de' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
  };
  const names = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return {
    language,
    locale,
    timeZone,
    number: (value, fractionDigits = 1) => num(value, fractionDigits),
    integer: (value) => num(value, 0),
    percent: (ratio, fractionDigits = 1) => (Number.isFinite(ratio) ? numberFormat(fractionDigits, 'percent').format(ratio) : NO_VALUE),
    date,
    dateTime(epochMs) {
      if (!Number.isFinite(epochMs)) return NO_VALUE;
      const w = wallClock(epochMs, timeZone);
      return `${date(epochMs)} ${pad2(w.hour)}:${pad2(w.minute)}`;
    },
    duration(ms) {
      if (!Number.isFinite(ms)) return NO_VALUE;
      const sign = ms < 0 ? '−' : '';
      const abs = Math.abs(ms);
      if (abs >= 3_600_000 - 30_000) {
        const totalMinutes = Math.round(abs / 60_000);
        return `${sign}${num(Math.floor(totalMinutes / 60), 0)}${NBSP}h ${pad2(totalMinutes % 60)}${NBSP}min`;
      }
      const totalSeconds = Math.round(abs / 1000);
      if (totalSeconds < 60) return `${sign}${totalSeconds}${NBSP}s`;
      return `${sign}${Math.floor(totalSeconds / 60)}${NBSP}min ${pad2(totalSeconds % 60)}${NBSP}s`;
    },
    hours: (value) => (Number.isFinite(value) ? `${num(value, 1)}${NBSP}h` : NO_VALUE),
    monthName: (month, style = 'long') => names({ month: style }).format(Date.UTC(2001, month - 1, 1)),
    // 2001-01-01 was a Monday, so ISO weekday n falls on 2001-01-n.
    weekdayName: (isoWeekday, style = 'long') => names({ weekday: style }).format(Date.UTC(2001, 0, isoWeekday)),
    monthYear(epochMs) {
      if (!Number.isFinite(epochMs)) return NO_VALUE;
      const w = wallClock(epochMs, timeZone);
      return names({ month: 'long', year: 'numeric' }).format(Date.UTC(w.year, w.month - 1, 1));
    },
  };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
