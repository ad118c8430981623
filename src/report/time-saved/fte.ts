/**
 * Annual working hours of one full-time equivalent (FTE). Configurable (`reports.annualHoursPerFte`);
 * otherwise a default for the organisation's country: `reports.country`, else the country of the
 * configured time zone, else of the configured (organisation's) language. Never the language a
 * report is read in: a German reading of a Swedish municipality's report is about Swedish clerks.
 *
 * The defaults are planning figures, not law: each organisation's collective agreement decides.
 * How each was derived is printed in the report's methodology (docs/time-saved.md), so a reader can
 * see what was assumed and replace it.
 */
import type { FteCountry, Language, ReportsConfig } from '../../config/config.ts';

export interface CountryWorkingYear {
  hours: number;
  /** How the figure is derived, in English; the report prints a translated version. */
  basis: string;
}

export const DEFAULT_ANNUAL_HOURS: Readonly<Record<FteCountry, CountryWorkingYear>> = {
  SE: {
    hours: 1700,
    basis:
      '40 h week × 52 weeks = 2 080 h, minus 25 days of annual leave (200 h) and about 11 weekday public holidays and work-free eves (88 h) = about 1 790 h scheduled; 1 700 h also allows for sick leave and training. A common Swedish municipal planning figure, not a statutory norm.',
  },
  DK: {
    hours: 1628,
    basis:
      'The state norm of 1 924 h a year (37 h week × 52 weeks) minus 5 weeks of holiday (185 h), 5 extra holiday days (37 h) and about 10 weekday public holidays (74 h) = 1 628 h.',
  },
  DE: {
    hours: 1700,
    basis:
      'KGSt figures for municipal staff give about 1 600–1 700 net working hours a year depending on the weekly hours (39–41 h) and leave; 1 700 h is the upper end, for 40 h weeks.',
  },
  NO: {
    hours: 1695,
    basis:
      '37.5 h week × 52.14 weeks = 1 955 h, minus 5 weeks of holiday (187.5 h) and about 10 weekday public holidays (72.5 h) = about 1 695 h.',
  },
};

/** The country of a configured time zone, when it names one of the countries with a default. */
export const COUNTRY_OF_TIME_ZONE: Readonly<Record<string, FteCountry>> = {
  'Europe/Stockholm': 'SE',
  'Europe/Copenhagen': 'DK',
  'Europe/Berlin': 'DE',
  'Europe/Busingen': 'DE',
  'Europe/Oslo': 'NO',
};

/** The country of the organisation's configured language, when neither reports.country nor the time zone tell. English assumes Sweden. */
export const COUNTRY_OF_LANGUAGE: Readonly<Record<Language, FteCountry>> = { sv: 'SE', da: 'DK', de: 'DE', en: 'SE' };

/** Where the organisation is, as its configuration says: `timeZone` and `language` of kanslist.config.ts. */
export interface OrganisationPlace {
  timeZone: string;
  language: Language;
}

export interface AnnualHours {
  hours: number;
  /** 'config': reports.annualHoursPerFte; 'country': the country's default. */
  source: 'config' | 'country';
  /** The country whose default applies (also set when the configured value wins, for context). */
  country: FteCountry;
  /** Whether the country came from reports.country, or was derived from the configured time zone or language. */
  countrySource: 'config' | 'timeZone' | 'language';
}

export function annualHoursPerFte(reports: ReportsConfig, place: OrganisationPlace): AnnualHours {
  const fromZone = COUNTRY_OF_TIME_ZONE[place.timeZone];
  const country = reports.country ?? fromZone ?? COUNTRY_OF_LANGUAGE[place.language];
  const countrySource = reports.country !== undefined ? 'config' : fromZone !== undefined ? 'timeZone' : 'language';
  if (reports.annualHoursPerFte !== undefined) return { hours: reports.annualHoursPerFte, source: 'config', country, countrySource };
  return { hours: DEFAULT_ANNUAL_HOURS[country].hours, source: 'country', country, countrySource };
}
