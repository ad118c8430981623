/**
 * Text → typed value, for CSV cells and text cells in workbooks. Accepts what Nordic and German
 * exports actually contain: ISO and day-first dates, decimal commas, thousands separated by spaces.
 * Day-first is assumed for `22/11/2026` too: these files come from European systems.
 */
import { isRealDate } from '../identity/dates.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const DAY_FIRST = /^(\d{1,2})([.\-/])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

/**
 * A date from text, or undefined. Dates without a zone are wall-clock times, returned as a Date
 * whose UTC fields hold them — the same convention exceljs uses for date cells.
 */
export function parseDateText(text: string): Date | undefined {
  const s = text.trim();
  if (ISO_WITH_ZONE.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const iso = ISO.exec(s);
  if (iso) return wallClock(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]);
  const dmy = DAY_FIRST.exec(s);
  if (dmy) return wallClock(dmy[4], dmy[3], dmy[1], dmy[5], dmy[6], dmy[7]);
  return undefined;
}

function wallClock(y?: string, mo?: string, d?: string, h?: string, mi?: string, sec?: string): Date | undefined {
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0)];
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

/** Excel's serial day number (1900 date system) → Date, as exceljs does for date-formatted cells. */
export function excelSerialToDate(serial: number): Date | undefined {
  // 1 = 1900-01-01; 2958465 = 9999-12-31. Serials before 61 hit Excel's fictitious 1900-02-29.
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return undefined;
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** `1 234,50`, `1234.5`, `-3`, `1.234,50` → number; anything else → undefined. */
export function parseNumberText(text: string): number | undefined {
  let s = text
    .trim()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^\u2212/, '-');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // Both present: the later one is the decimal separator, the other groups thousands.
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    s = s.replace(',', '.');
  }
  return NUMBER.test(s) ? Number(s) : undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'ja', 'j', 'sant', 'sand', 'wahr', '1', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'nej', 'nei', 'nein', 'falskt', 'falsk', 'falsch', '0']);

/** Yes/no in English, Swedish, Danish, Norwegian or German, `1`/`0`, or `x` for a ticked box. */
export function parseBooleanText(text: string): boolean | undefined {
  const s = text.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return undefined;
}
