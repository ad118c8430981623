/**
 * Holidays from date-holidays, looked up by the schedule's local date (never by the library's own
 * zone). Types closed by default: 'public'. With `closeCustomaryDays`, also 'bank' — in Sweden that
 * is Midsummer Eve, Christmas Eve and New Year's Eve. 'observance' and 'optional' days never close.
 */
import Holidays from 'date-holidays';

export interface HolidayHit {
  name: string;
  type: string;
}

const cache = new Map<string, Map<string, HolidayHit>>();

function yearTable(country: string, region: string | undefined, year: number): Map<string, HolidayHit> {
  const key = `${country}/${region ?? ''}/${year}`;
  let table = cache.get(key);
  if (!table) {
    table = new Map();
    const hd = region ? new Holidays(country, region) : new Holidays(country);
    for (const h of hd.getHolidays(year) || []) {
      const date = h.date.slice(0, 10);
      const existing = table.get(date);
      // A day can carry several entries; keep the one that closes most ('public' over 'bank' over others).
      if (!existing || rank(h.type) < rank(existing.type)) table.set(date, { name: h.name, type: h.type });
    }
    cache.set(key, table);
  }
  return table;
}

function rank(type: string): number {
  return type === 'public' ? 0 : type === 'bank' ? 1 : 2;
}

/** The closing holiday on a local date 'YYYY-MM-DD', if any. */
export function closingHoliday(
  calendar: { country: string; region: string | undefined; closeCustomaryDays: boolean },
  date: string,
): HolidayHit | undefined {
  const hit = yearTable(calendar.country, calendar.region, Number(date.slice(0, 4))).get(date);
  if (!hit) return undefined;
  if (hit.type === 'public') return hit;
  if (hit.type === 'bank' && calendar.closeCustomaryDays) return hit;
  return undefined;
}

export function isKnownCountry(country: string): boolean {
  return Object.hasOwn(new Holidays().getCountries() ?? {}, country);
}

/** Regions date-holidays knows for a country (empty when it has none). */
export function knownRegions(country: string): string[] {
  return Object.keys(new Holidays().getStates(country) ?? {});
}
