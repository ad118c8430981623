/**
 * The project configuration: `kanslist.config.ts` at the project root, typed through
 * `defineConfig`, with environment variables taking precedence (operations change a
 * deployment without editing reviewed files).
 */
import type { RetentionConfig } from './retention.ts';

export type { RetentionConfig } from './retention.ts';
export type Language = 'sv' | 'da' | 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'da', 'de', 'en'];
/** The BCP 47 locale of each language: what a browser session sends as Accept-Language unless its system map says otherwise. */
/**
 * The one table of the BCP 47 locale each language follows: reports format numbers, dates and
 * names by it, PDFs are tagged with it, and a robot's browser asks for it when its system map names
 * no locale. British English: 24-hour clock and day-first conventions, closest to the other three.
 */
export const LANGUAGE_LOCALES: Readonly<Record<Language, string>> = { sv: 'sv-SE', da: 'da-DK', de: 'de-DE', en: 'en-GB' };
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

export interface FoldersConfig {
  /** @default 'bots' */
  bots: string;
  /** @default 'selectors' */
  selectors: string;
  /** @default 'schedules' */
  schedules: string;
  /** @default 'reports' */
  reports: string;
  /** Local state: the embedded database, run folders, logs, generated reports. @default 'var' */
  var: string;
}

export interface BrowserConfig {
  /** A Chromium or Chrome executable. Env: KANSLIST_BROWSER. @default found automatically */
  executablePath?: string | undefined;
  /** Env: KANSLIST_HEADLESS=false shows the browser. @default true */
  headless: boolean;
}

/** Where alerts go (failed runs, failed preflights, new items in review). The log always gets them. */
export interface AlertsConfig {
  /** A webhook that receives each alert as a JSON POST. Env: KANSLIST_ALERT_WEBHOOK. @default none */
  webhook?: { url: string; headers?: Record<string, string> } | undefined;
  /** Delivery attempts per alert before it is given up (and logged). @default 4 */
  attempts: number;
  /** Per attempt. @default 5000 */
  timeoutMs: number;
}

/** Countries whose annual working hours per full-time equivalent Kanslist knows a default for. */
export type FteCountry = 'SE' | 'DK' | 'DE' | 'NO';
export const FTE_COUNTRIES: readonly FteCountry[] = ['SE', 'DK', 'DE', 'NO'];

export interface ReportsConfig {
  /** Whose working-time rules set the default hours per FTE. @default from `language` (sv→SE, da→DK, de→DE, en→SE) */
  country?: FteCountry | undefined;
  /** Annual working hours of one full-time equivalent; overrides the country default. */
  annualHoursPerFte?: number | undefined;
  /** A PNG or JPEG printed in the title block of every PDF, relative to the project root. */
  logo?: string | undefined;
  /**
   * A clerk's full cost per hour (salary, payroll charges, overhead) in `currency`: the time-saved
   * report then shows money freed, robot cost, net benefit and payback next to the hours. @default none (hours only)
   */
  hourlyCost?: number | undefined;
  /** Per bot, where its clerks cost differently: `{ 'faktura-kontroll': 520 }`. @default hourlyCost for every bot */
  hourlyCostByBot?: Record<string, number> | undefined;
  /** ISO 4217 code of the money figures. @default by country: SE SEK, DK DKK, DE EUR, NO NOK */
  currency?: string | undefined;
  /** What running the robots costs: Kanslist's licence is free, a machine and upkeep are not. @default none (zero) */
  robotCosts?: RobotCostsConfig | undefined;
}

/** The robots' running costs, in `reports.currency`. */
export interface RobotCostsConfig {
  /** Machine, hosting, backups, per month. @default 0 */
  machinePerMonth?: number | undefined;
  /** Hours a month that developers and operators spend keeping the bots running. @default 0 */
  maintenanceHoursPerMonth?: number | undefined;
  /** Their cost per hour. @default reports.hourlyCost */
  maintenanceHourlyCost?: number | undefined;
  /** One-time cost of building the bots; the report shows how many months it takes to earn back. @default none */
  setupCost?: number | undefined;
}

/**
 * Where the audit checkpoint goes (docs/operators.md, "Audit"): the ledger of chains' latest entry,
 * written at the end of every run and by `kanslist audit checkpoint`, somewhere an insider with
 * database access cannot reach. `audit verify --all` compares the store with the file's latest.
 */
export interface AuditCheckpointConfig {
  /** A file appended one line per checkpoint; relative to the project root. Put it on another volume, WORM storage, or owned by another user. */
  file?: string | undefined;
  /** Also write each checkpoint to the operator log (var/logs), for log shipping. @default false */
  log?: boolean | undefined;
  /** Also POST each checkpoint as JSON to this address. */
  webhook?: { url: string; headers?: Record<string, string> } | undefined;
}

export interface AuditConfig {
  checkpoint?: AuditCheckpointConfig | undefined;
}

/** The control room's roles (what each may do: src/serve/roles.ts). */
export const CONTROL_ROOM_ROLES = ['viewer', 'clerk', 'operator', 'auditor', 'admin'] as const;
export type ControlRoomRole = (typeof CONTROL_ROOM_ROLES)[number];

/** The control room (`kanslist serve`). */
export interface ControlRoomConfig {
  /** Single sign-on with OpenID Connect (Entra ID, ADFS, Keycloak). @default none (local accounts only) */
  oidc?: OidcConfig | undefined;
}

/**
 * The organisation's OpenID provider. The client secret is never in this file: it comes from the
 * environment (KANSLIST_OIDC_CLIENT_SECRET) or, for a public client, is absent (PKCE is always used).
 */
export interface OidcConfig {
  /** The issuer URL, e.g. `https://login.microsoftonline.com/<tenant>/v2.0` or `https://sso.kommun.se/realms/kommun`. */
  issuer: string;
  clientId: string;
  /** The callback as the provider knows it. @default `<dashboardUrl>/login/oidc/callback`, else the address the request came to */
  redirectUri?: string | undefined;
  /** @default 'openid profile email' (add the scope your provider needs for the groups claim) */
  scope?: string | undefined;
  /** The claim with the person's groups. @default 'groups' */
  groupsClaim?: string | undefined;
  /** The claim that becomes the username. @default 'preferred_username', then 'email', then 'sub' */
  usernameClaim?: string | undefined;
  /** Group → roles, e.g. `{ 'RPA-Operatorer': ['operator'] }`. A person in no listed group is refused. */
  roles: Record<string, string[]>;
  /** Group → the bots its clerks work, e.g. `{ 'Faktura-handlaggare': ['fakturakontroll'] }`. @default none */
  bots?: Record<string, string[]> | undefined;
  /** The provider's label on the login page. @default the translated "Log in with your organisation account" */
  label?: string | undefined;
}

export interface KanslistConfig {
  /** Name printed on reports and letters. Env: KANSLIST_ORGANISATION. @default 'Exempel kommun' */
  organisation: string;
  /** Store URL: `sqlite:<path>` (embedded) or `postgres://…`. Env: KANSLIST_STORE. @default 'sqlite:var/kanslist.db' */
  store: string;
  /** IANA time zone for schedules and report dates. Env: KANSLIST_TIME_ZONE. @default 'Europe/Stockholm' */
  timeZone: string;
  /** Default report language. Env: KANSLIST_LANGUAGE. @default 'sv' */
  language: Language;
  /** Operator log level; `kanslist run --log-level` wins. Env: KANSLIST_LOG_LEVEL. @default 'info' */
  logLevel: LogLevel;
  folders: FoldersConfig;
  browser: BrowserConfig;
  /** Per-system overrides, e.g. `{ casehub: { baseUrl: 'http://…' } }`. Env KANSLIST_<SYSTEM>_URL wins. */
  systems: Record<string, SystemConfig>;
  alerts: AlertsConfig;
  reports: ReportsConfig;
  /**
   * The control room's address as clerks open it (`kanslist serve` behind your proxy), e.g.
   * `https://rpa.kommun.local/`: the exceptions list then links each item to `<dashboardUrl>/review/<item id>`.
   * Env: KANSLIST_DASHBOARD_URL. @default none (no links)
   */
  dashboardUrl?: string | undefined;
  /** The control room: single sign-on. @default local accounts only */
  controlRoom?: ControlRoomConfig | undefined;
  /**
   * How long evidence is kept before `kanslist purge` (and the scheduler, nightly) removes it, e.g.
   * `{ traces: '30d', payloads: '1y', bots: { 'faktura-kontroll': { payloads: '7y' } } }`.
   * @default none (everything is kept)
   */
  retention?: RetentionConfig | undefined;
  /** The audit trail's external checkpoint, e.g. `{ checkpoint: { file: '/mnt/worm/kanslist.ckpt', log: true } }`. @default none */
  audit?: AuditConfig | undefined;
}

export interface SystemConfig {
  baseUrl?: string;
  /**
   * Password rotation by the scheduler: each day at `at` (local time), every robot account of the
   * system whose vault password is older than `every` gets a new one (`kanslist vault rotate`),
   * e.g. `{ every: '60d' }`. Periods as in retention: 30d, 8w, 2m. @default none
   */
  rotate?: { every: string; at?: string };
  /**
   * When the system counts as down: after `afterFailures` different items in a row fail with the
   * same system exception the run stops claiming and tries a login `probes` times, waiting
   * `firstProbeDelayMs` before the first and twice as long before each next one; when none gets
   * through the run ends system-unavailable with its items pending. A system that restarts slowly
   * (a nightly maintenance window) wants longer waits. @default { afterFailures: 5, probes: 3, firstProbeDelayMs: 5000 }
   */
  unavailable?: { afterFailures?: number; probes?: number; firstProbeDelayMs?: number };
}

/** What a project writes: every key optional, nested objects partial. */
export interface KanslistConfigInput {
  organisation?: string;
  store?: string;
  timeZone?: string;
  language?: Language;
  logLevel?: LogLevel;
  folders?: Partial<FoldersConfig>;
  browser?: Partial<BrowserConfig>;
  systems?: Record<string, SystemConfig>;
  alerts?: Partial<AlertsConfig>;
  reports?: ReportsConfig;
  dashboardUrl?: string;
  controlRoom?: ControlRoomConfig;
  retention?: RetentionConfig;
  audit?: AuditConfig;
}

export const DEFAULT_CONFIG: KanslistConfig = {
  organisation: 'Exempel kommun',
  store: 'sqlite:var/kanslist.db',
  timeZone: 'Europe/Stockholm',
  language: 'sv',
  logLevel: 'info',
  folders: { bots: 'bots', selectors: 'selectors', schedules: 'schedules', reports: 'reports', var: 'var' },
  browser: { headless: true },
  systems: {},
  alerts: { attempts: 4, timeoutMs: 5000 },
  reports: {},
};

/** Identity function that gives `kanslist.config.ts` its types. */
export function defineConfig(config: KanslistConfigInput): KanslistConfigInput {
  return config;
}
