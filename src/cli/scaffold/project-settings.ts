/**
 * What `kanslist init` asks for, with defaults that follow one another: the country gives the
 * language, the time zone and the working year that reports use for full-time equivalents.
 */
import type { Language } from '../../config/config.ts';
import { ConfigError } from '../../errors.ts';

export const COUNTRIES = {
  SE: { language: 'sv', timeZone: 'Europe/Stockholm', organisation: 'Exempel kommun' },
  DK: { language: 'da', timeZone: 'Europe/Copenhagen', organisation: 'Eksempel Kommune' },
  DE: { language: 'de', timeZone: 'Europe/Berlin', organisation: 'Beispielstadt' },
} as const satisfies Record<string, { language: Language; timeZone: string; organisation: string }>;
export type Country = keyof typeof COUNTRIES;

export interface ProjectSettings {
  /** The npm package name of the robot repository. */
  name: string;
  organisation: string;
  country: Country;
  language: Language;
  timeZone: string;
  /** How package.json depends on Kanslist: a version range, a `file:` path or a git URL. */
  kanslistSpec: string;
}

export interface SettingsInput {
  name: string;
  organisation?: string | undefined;
  country?: string | undefined;
  language?: string | undefined;
  timeZone?: string | undefined;
  kanslistSpec: string;
}

export function projectSettings(input: SettingsInput): ProjectSettings {
  const country = (input.country ?? 'SE').toUpperCase();
  if (!(country in COUNTRIES)) {
    throw new ConfigError('KANSLIST_USAGE', `--country must be one of ${Object.keys(COUNTRIES).join(', ')}, not "${input.country}".`, {
      where: '--country',
    });
  }
  const defaults = COUNTRIES[country as Country];
  const language = input.language ?? defaults.language;
  if (!['sv', 'da', 'de', 'en'].includes(language)) {
    throw new ConfigError('KANSLIST_USAGE', `--language must be sv, da, de or en, not "${language}".`, { where: '--language' });
  }
  return {
    name: packageName(input.name),
    organisation: input.organisation ?? defaults.organisation,
    country: country as Country,
    language: language as Language,
    timeZone: input.timeZone ?? defaults.timeZone,
    kanslistSpec: input.kanslistSpec,
  };
}

/** npm's rules: lower case, no spaces, URL-safe. 'Solna Stad' becomes 'solna-stad-robots'. */
function packageName(folder: string): string {
  const base = folder
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '');
  return `${base || 'kommun'}-robots`;
}
