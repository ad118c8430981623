/**
 * System maps: what an author writes in `selectors/<system>.ts` with `defineSystem`.
 *
 * A map names the screens and targets of one legacy system, how to log in, which error pages it
 * shows, how many sessions its licence allows and when it is open. It is validated when defined,
 * so a typo fails at load time with the system, screen and target named — not mid-run.
 * `defineSystem` keeps the literal screen and target names so `ui.fill('newCase.x', …)` is checked
 * by the compiler.
 */
import { validatePasswordPolicy, type PasswordPolicy } from './password-policy.ts';
import { ConfigError, FatalBotError } from '../errors.ts';
import { frameKey, framePathProblem, type FramePath } from './frames.ts';
import { strategyProblem, type Strategy } from './strategies.ts';
import type { Ui } from './ui.ts';

export interface TargetSpec {
  /** Tried in order; the first is the intended one, a later one matching is reported as drift. */
  readonly strategies: readonly Strategy[];
  /**
   * A frame name, 'outer > inner' for nested frames, a selector for a frame without name or id
   * (`{ css: '#cke_Content iframe' }`), or a list of such steps (`['main', { css: 'iframe' }]`).
   * @default the top page
   */
  readonly frame?: FramePath;
  /**
   * Bound of every wait on this target (finding it, acting on it), for a target that is slow by
   * nature (a search result, a save's receipt). A bot's per-call `timeoutMs` still wins.
   * @default the system's `timeoutMs`
   */
  readonly timeoutMs?: number;
  /** A secret (password): values are recorded as '•••' and the element is masked in screenshots. */
  readonly sensitive?: boolean;
  /** Personal data (personnummer): recorded flagged `personal: true` and masked in screenshots. */
  readonly personal?: boolean;
  /**
   * The state in which the target shows, for a target that is not always on its screen (validation
   * errors, a "no hits" label, a popup's not-found text), in words: 'the registration was rejected'.
   * A preflight reports it 'not-checked' with this reason instead of 'missing'. @default always shown
   */
  readonly onlyWhen?: string;
}

/** A target: a full spec, or the shorthand of just its strategy list. */
export type TargetDefinition = TargetSpec | readonly Strategy[];
export type ScreensDefinition = { readonly [screen: string]: { readonly [target: string]: TargetDefinition } };

/** `${screen}.${target}` for every target of a system map. */
export type TargetPath<S extends ScreensDefinition> = {
  [K in keyof S & string]: `${K}.${keyof S[K] & string}`;
}[keyof S & string];

export interface PageErrorDefinition {
  readonly strategies: readonly Strategy[];
  /**
   * Where the error page shows. With a frame (a name, 'outer > inner', `{ css: '…' }` for a frame
   * without name, or a list of steps): only there. Without: in the top document and, while a target
   * inside a frame is awaited, in that frame too; `assertNoPageError` checks every frame.
   */
  readonly frame?: FramePath;
  /**
   * 'transient' → TransientUiError (retry); 'session' → SessionExpiredError (log in again);
   * 'fatal' → FatalBotError (the run stops, the item goes back to pending: "permission denied").
   */
  readonly kind: 'transient' | 'session' | 'fatal';
  /**
   * Screens where this page is expected, not an error (a login form on the 'login' screen): it is
   * looked for only while the bot works on another screen it knows of. @default looked for everywhere
   */
  readonly notOn?: readonly string[];
}

/** What an interstitial's `pass` gets: the same ui the bot acts through. */
export interface InterstitialContext<S extends ScreensDefinition> {
  ui: Ui<S>;
}

/**
 * A page the system shows by design between the bot and its target (a CSRF "resume" page, "are you
 * sure you want to leave", a cookie notice). When it shows while a target is awaited, `pass` runs,
 * the trail records it, and the wait goes on.
 */
export interface InterstitialDefinition<S extends ScreensDefinition = ScreensDefinition> {
  /** How it is recognised: shown when any of these strategies matches. */
  readonly shows: Strategy | readonly Strategy[];
  /** Where it shows, as an error page's `frame`. @default the top document and the target's frame */
  readonly frame?: FramePath;
  /**
   * Gets the page past it, waiting for its own effect (`ui.waitForPostback(() => ui.click(…))`) so
   * the next look does not find it again. Its own ui calls do not look for interstitials.
   */
  readonly pass: (context: InterstitialContext<S>) => Promise<void>;
  /** How often it may be passed while one target is awaited; then the action fails naming it. @default 3 */
  readonly maxPerAction?: number;
}

export interface Availability {
  /** 'mon-fri', 'mon,wed,fri', 'mon-sun'. */
  readonly days: string;
  /** 'HH:MM', 24-hour local time of the system. */
  readonly from: string;
  readonly to: string;
}

/** For now from env KANSLIST_<NAME>_USERNAME / _PASSWORD; an encrypted vault comes later. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface LoginContext<S extends ScreensDefinition> {
  ui: Ui<S>;
  credentials: Credentials;
  baseUrl: string;
}

/**
 * What a system map's `changePassword` gets. It runs after `login` (or after a login that ended on
 * the system's "password expired" page, see PasswordExpiredError) and must throw unless the system
 * confirmed the change; `newPassword` meets the map's `passwordPolicy`.
 */
export interface ChangePasswordContext<S extends ScreensDefinition> extends LoginContext<S> {
  newPassword: string;
}

/** What a screen's `reach` and the system's `logout` get. */
export interface NavigationContext<S extends ScreensDefinition> {
  ui: Ui<S>;
  baseUrl: string;
}

/**
 * How a preflight (`kanslist check`) brings a screen up to resolve its targets. Exactly one of
 * `reach` and `unreachable` may be given; with neither, the screen is checked as it shows right
 * after `login` (a menu frame) — or, for phase 'before-login', as the blank page shows it.
 */
export interface ScreenNavigation<S extends ScreensDefinition> {
  /** 'before-login': the screen is there before logging in (the login screen itself). @default 'after-login' */
  readonly phase?: 'before-login' | 'after-login';
  /**
   * Brings the screen up without changing anything in the system (menu links, a postback that
   * shows more fields, a search for something that cannot exist). It starts where the screen
   * checked before it left the session, so it should begin with a step that works from anywhere.
   */
  readonly reach?: (context: NavigationContext<S>) => Promise<void>;
  /**
   * Why the screen cannot be reached without a side effect (a receipt needs a registered case):
   * its targets are reported 'not-checked' with this reason. A check never registers anything.
   */
  readonly unreachable?: string;
}

export type NavigationDefinition<S extends ScreensDefinition> = { readonly [K in keyof S & string]?: ScreenNavigation<S> };

export interface SystemDefinition<S extends ScreensDefinition> {
  /** Short identifier: lower-case letters, digits, '-' or '_'. Also names the env variables. */
  readonly name: string;
  readonly title?: string;
  /** Overridden by env KANSLIST_<NAME>_URL, then by the runner's config. */
  readonly baseUrl: string;
  /**
   * Bound in milliseconds of every wait in this system (a target, a dialog, a popup, a postback,
   * a navigation). A target's own `timeoutMs`, and a bot's per-call `timeoutMs`, win over it; the
   * runner's `timeoutMs` option, when given, wins over it too. @default 15000
   */
  readonly timeoutMs?: number;
  /** The licence: at most this many concurrent logged-in sessions. @default 1 */
  readonly maxSessions?: number;
  /**
   * How many sessions one account may hold at once. Many legacy systems end a user's old session
   * when the same user logs in again, so parallel workers need one robot account each
   * (KANSLIST_<NAME>_USERNAME_2 / _PASSWORD_2 …). @default unlimited
   */
  readonly sessionsPerAccount?: number;
  readonly availability?: Availability;
  /** How dialogs nobody declared with `expectDialog` are answered. @default { unexpected: 'accept' } */
  readonly dialogs?: { readonly unexpected: 'accept' | 'dismiss' };
  /**
   * The browser's language for this system (Accept-Language, `navigator.language`), e.g. 'en-GB'
   * for a system whose UI should answer in English whatever the organisation's language.
   * @default the configured language's locale (sv-SE, da-DK, de-DE, en-GB)
   */
  readonly locale?: string;
  /** The browser's time zone for this system, e.g. 'Europe/Stockholm'. @default the runner machine's */
  readonly timezoneId?: string;
  /** Headers sent with every request to the system (a stable API version, a gateway's tenant). @default none */
  readonly extraHTTPHeaders?: Readonly<Record<string, string>>;
  readonly pageErrors?: { readonly [name: string]: PageErrorDefinition };
  readonly interstitials?: { readonly [name: string]: InterstitialDefinition<NoInfer<S>> };
  readonly login?: (context: LoginContext<S>) => Promise<void>;
  /**
   * Changes the robot account's password in the system, for `kanslist vault rotate`. Type the new
   * password only into targets marked `sensitive`. Needs `passwordPolicy`.
   */
  readonly changePassword?: (context: ChangePasswordContext<S>) => Promise<void>;
  /** What the system accepts as a password; rotation generates one that meets it. */
  readonly passwordPolicy?: PasswordPolicy;
  /** Ends the session politely (a preflight logs out when done, so it holds no licence). */
  readonly logout?: (context: NavigationContext<S>) => Promise<void>;
  readonly screens: S;
  /** How a preflight reaches each screen; a screen without an entry is reported 'not-checked'. */
  readonly navigation?: NoInfer<NavigationDefinition<S>>;
}

/** A target after validation, with its path and normalised spec. */
export interface ResolvedTarget {
  readonly path: string;
  readonly strategies: readonly Strategy[];
  readonly frame: string | undefined;
  readonly sensitive: boolean;
  readonly personal: boolean;
  /** See TargetSpec.timeoutMs. */
  readonly timeoutMs: number | undefined;
  /** See TargetSpec.onlyWhen. */
  readonly onlyWhen: string | undefined;
}

export interface System<S extends ScreensDefinition = ScreensDefinition> extends SystemDefinition<S> {
  readonly maxSessions: number;
  readonly dialogs: { readonly unexpected: 'accept' | 'dismiss' };
  readonly targets: ReadonlyMap<string, ResolvedTarget>;
  /** The target at `screen.target`; an unknown path is a FatalBotError (a bug in the bot). */
  target(path: string): ResolvedTarget;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const SYSTEM_NAME = /^[a-z][a-z0-9_-]*$/;

export function defineSystem<const S extends ScreensDefinition>(definition: SystemDefinition<S>): System<S> {
  validateSystem(definition);
  const targets = collectTargets(definition);
  return {
    ...definition,
    maxSessions: definition.maxSessions ?? 1,
    dialogs: definition.dialogs ?? { unexpected: 'accept' },
    targets,
    target(path: string): ResolvedTarget {
      const found = targets.get(path);
      if (found) return found;
      throw new FatalBotError('KANSLIST_UNKNOWN_TARGET', `The system map "${definition.name}" has no target "${path}"`, {
        where: `system ${definition.name}, target ${path}`,
        remedy: `Use a target defined in selectors/${definition.name}.ts as "screen.target", or add it there.`,
      });
    },
  };
}

function configError(system: string, where: string, message: string): ConfigError {
  return new ConfigError('KANSLIST_SYSTEM_MAP_INVALID', `System map "${system}": ${where}: ${message}`, {
    where: `selectors/${system}.ts, ${where}`,
    remedy: 'Fix the system map; see docs on writing a system map.',
  });
}

function validateSystem(definition: SystemDefinition<ScreensDefinition>): void {
  const name = definition.name;
  if (typeof name !== 'string' || !SYSTEM_NAME.test(name)) {
    throw configError(String(name), 'name', 'must start with a lower-case letter and contain only a-z, 0-9, - or _');
  }
  if (typeof definition.baseUrl !== 'string' || !/^https?:\/\//.test(definition.baseUrl)) {
    throw configError(name, 'baseUrl', 'must be an http(s) URL');
  }
  const max = definition.maxSessions;
  if (max !== undefined && !(Number.isInteger(max) && max >= 1)) throw configError(name, 'maxSessions', 'must be a whole number ≥ 1');
  if (definition.timeoutMs !== undefined && !isWaitBound(definition.timeoutMs))
    throw configError(name, 'timeoutMs', 'must be a whole number of milliseconds ≥ 1');
  const perAccount = definition.sessionsPerAccount;
  if (perAccount !== undefined && !(Number.isInteger(perAccount) && perAccount >= 1))
    throw configError(name, 'sessionsPerAccount', 'must be a whole number ≥ 1');
  if (definition.availability) validateAvailability(name, definition.availability);
  const policy = definition.dialogs?.unexpected;
  if (policy !== undefined && policy !== 'accept' && policy !== 'dismiss') {
    throw configError(name, 'dialogs.unexpected', `must be 'accept' or 'dismiss', got ${JSON.stringify(policy)}`);
  }
  for (const [errorName, error] of Object.entries(definition.pageErrors ?? {})) {
    const where = `pageErrors.${errorName}`;
    validatePageError(name, where, error, definition.screens);
  }
  for (const [interstitialName, interstitial] of Object.entries(definition.interstitials ?? {})) {
    validateInterstitial(name, `interstitials.${interstitialName}`, interstitial);
  }
  if (typeof definition.screens !== 'object' || definition.screens === null) throw configError(name, 'screens', 'must be an object');
  for (const hook of ['login', 'logout', 'changePassword'] as const) {
    if (definition[hook] !== undefined && typeof definition[hook] !== 'function')
      throw configError(name, hook, 'must be an async function');
  }
  validateNavigation(name, definition.screens, definition.navigation);
  if (definition.passwordPolicy !== undefined) validatePasswordPolicy(name, definition.passwordPolicy);
  if (definition.changePassword !== undefined && definition.passwordPolicy === undefined) {
    throw configError(name, 'passwordPolicy', 'is needed with changePassword: rotation must know what password the system accepts');
  }
  if (definition.changePassword !== undefined && definition.login === undefined)
    throw configError(name, 'login', 'is needed with changePassword: a password is changed after logging in');
}

const PAGE_ERROR_KEYS = ['strategies', 'frame', 'kind', 'notOn'];

function validatePageError(system: string, where: string, error: PageErrorDefinition, screens: ScreensDefinition): void {
  if (typeof error !== 'object' || error === null)
    throw configError(system, where, "must be an object like { strategies: [{ css: '…' }], kind: 'transient' }");
  const unknown = Object.keys(error).filter((key) => !PAGE_ERROR_KEYS.includes(key));
  if (unknown.length > 0)
    throw configError(system, `${where}.${unknown[0]}`, `unknown key; a page error has ${PAGE_ERROR_KEYS.join(', ')}`);
  if (error.kind !== 'transient' && error.kind !== 'session' && error.kind !== 'fatal') {
    throw configError(system, `${where}.kind`, `must be 'transient', 'session' or 'fatal', got ${JSON.stringify(error.kind)}`);
  }
  validateStrategies(system, where, error.strategies);
  const frameProblem = error.frame === undefined ? undefined : framePathProblem(error.frame);
  if (frameProblem) throw configError(system, `${where}.frame`, frameProblem);
  if (error.notOn === undefined) return;
  if (!Array.isArray(error.notOn) || error.notOn.length === 0)
    throw configError(system, `${where}.notOn`, 'must be a non-empty list of screen names');
  const notOn: readonly unknown[] = error.notOn;
  const unknownScreen = notOn.find((screen) => typeof screen !== 'string' || !Object.hasOwn(screens ?? {}, screen));
  if (unknownScreen !== undefined) {
    throw configError(
      system,
      `${where}.notOn`,
      `${JSON.stringify(unknownScreen)} is not a screen of this system map (screens: ${Object.keys(screens ?? {}).join(', ')})`,
    );
  }
}

const INTERSTITIAL_KEYS = ['shows', 'frame', 'pass', 'maxPerAction'];

function validateInterstitial(system: string, where: string, interstitial: InterstitialDefinition): void {
  if (typeof interstitial !== 'object' || interstitial === null)
    throw configError(system, where, "must be an object like { shows: { css: '…' }, pass: async ({ ui }) => … }");
  const unknown = Object.keys(interstitial).filter((key) => !INTERSTITIAL_KEYS.includes(key));
  if (unknown.length > 0)
    throw configError(system, `${where}.${unknown[0]}`, `unknown key; an interstitial has ${INTERSTITIAL_KEYS.join(', ')}`);
  validateStrategies(system, `${where}.shows`, interstitialStrategies(interstitial));
  if (typeof interstitial.pass !== 'function')
    throw configError(system, `${where}.pass`, 'must be an async function that gets the page past it');
  const max = interstitial.maxPerAction;
  if (max !== undefined && !(Number.isInteger(max) && max >= 1))
    throw configError(system, `${where}.maxPerAction`, 'must be a whole number ≥ 1');
  const frameProblem = interstitial.frame === undefined ? undefined : framePathProblem(interstitial.frame);
  if (frameProblem) throw configError(system, `${where}.frame`, frameProblem);
}

/** An interstitial's `shows` as a list (one strategy may be given alone). */
export function interstitialStrategies(interstitial: Pick<InterstitialDefinition, 'shows'>): readonly Strategy[] {
  const shows = interstitial.shows as unknown;
  return Array.isArray(shows) ? (shows as readonly Strategy[]) : shows === undefined ? [] : [shows as Strategy];
}

const NAVIGATION_KEYS = ['phase', 'reach', 'unreachable'];

function validateNavigation(system: string, screens: ScreensDefinition, navigation: unknown): void {
  if (navigation === undefined) return;
  if (typeof navigation !== 'object' || navigation === null || Array.isArray(navigation))
    throw configError(system, 'navigation', 'must be an object keyed by screen name');
  for (const [screen, entry] of Object.entries(navigation as Record<string, unknown>)) {
    const where = `navigation.${screen}`;
    if (!Object.hasOwn(screens, screen))
      throw configError(system, where, `there is no screen "${screen}" (screens: ${Object.keys(screens).join(', ') || 'none'})`);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw configError(system, where, 'must be an object like { reach: async ({ ui }) => { … } }');
    const spec = entry as Record<string, unknown>;
    const unknown = Object.keys(spec).filter((key) => !NAVIGATION_KEYS.includes(key));
    if (unknown.length > 0) throw configError(system, where, `unknown key(s) ${unknown.join(', ')} (known: ${NAVIGATION_KEYS.join(', ')})`);
    if (spec.phase !== undefined && spec.phase !== 'before-login' && spec.phase !== 'after-login') {
      throw configError(system, `${where}.phase`, `must be 'before-login' or 'after-login', got ${JSON.stringify(spec.phase)}`);
    }
    if (spec.reach !== undefined && typeof spec.reach !== 'function')
      throw configError(system, `${where}.reach`, 'must be an async function ({ ui, baseUrl }) => …');
    if (spec.unreachable !== undefined && !(typeof spec.unreachable === 'string' && spec.unreachable.trim() !== '')) {
      throw configError(system, `${where}.unreachable`, 'must say in words why the screen cannot be reached');
    }
    if (spec.reach !== undefined && spec.unreachable !== undefined)
      throw configError(system, where, 'give either reach or unreachable, not both');
  }
}

function validateAvailability(system: string, availability: Availability): void {
  for (const key of ['from', 'to'] as const) {
    if (!TIME.test(availability[key]))
      throw configError(system, `availability.${key}`, `must be HH:MM (00:00–23:59), got ${JSON.stringify(availability[key])}`);
  }
  const parts = String(availability.days)
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  for (const part of parts) {
    const ends = part.split('-');
    if (ends.length > 2 || ends.some((day) => !DAY_NAMES.includes(day))) {
      throw configError(
        system,
        'availability.days',
        `"${availability.days}" is not like 'mon-fri' or 'mon,wed,fri' (days: ${DAY_NAMES.join(', ')})`,
      );
    }
  }
}

function validateStrategies(system: string, where: string, strategies: unknown): void {
  if (!Array.isArray(strategies) || strategies.length === 0) throw configError(system, where, 'needs at least one strategy');
  strategies.forEach((strategy, index) => {
    const problem = strategyProblem(strategy);
    if (problem) throw configError(system, `${where}, strategy ${index + 1}`, problem);
  });
}

function collectTargets(definition: SystemDefinition<ScreensDefinition>): Map<string, ResolvedTarget> {
  const targets = new Map<string, ResolvedTarget>();
  for (const [screen, screenTargets] of Object.entries(definition.screens)) {
    for (const [name, target] of Object.entries(screenTargets)) {
      const path = `${screen}.${name}`;
      const spec: TargetSpec = Array.isArray(target) ? { strategies: target as readonly Strategy[] } : (target as TargetSpec);
      const known = ['strategies', 'frame', 'sensitive', 'personal', 'onlyWhen', 'timeoutMs'];
      const unknown = Object.keys(spec).filter((key) => !known.includes(key));
      if (unknown.length > 0)
        throw configError(definition.name, `screen ${screen}, target ${name}`, `unknown key(s) ${unknown.join(', ')}`);
      validateStrategies(definition.name, `screen ${screen}, target ${name}`, spec.strategies);
      if (spec.onlyWhen !== undefined && !(typeof spec.onlyWhen === 'string' && spec.onlyWhen.trim() !== '')) {
        throw configError(definition.name, `screen ${screen}, target ${name}, onlyWhen`, 'must say in words when the target shows');
      }
      if (spec.timeoutMs !== undefined && !isWaitBound(spec.timeoutMs)) {
        throw configError(definition.name, `screen ${screen}, target ${name}, timeoutMs`, 'must be a whole number of milliseconds ≥ 1');
      }
      const frameProblem = spec.frame === undefined ? undefined : framePathProblem(spec.frame);
      if (frameProblem) throw configError(definition.name, `screen ${screen}, target ${name}, frame`, frameProblem);
      targets.set(path, {
        path,
        strategies: spec.strategies,
        frame: frameKey(spec.frame),
        sensitive: spec.sensitive === true,
        personal: spec.personal === true,
        timeoutMs: spec.timeoutMs,
        onlyWhen: spec.onlyWhen,
      });
    }
  }
  return targets;
}

function isWaitBound(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** KANSLIST_<NAME>_… : the system name upper-cased, anything not a letter or digit as '_'. */
export function systemEnvPrefix(system: { name: string }): string {
  return `KANSLIST_${system.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** The base URL to use: env KANSLIST_<NAME>_URL, then the runner's config, then the map's own. */
export function resolveBaseUrl(
  system: { name: string; baseUrl: string },
  options: { env?: NodeJS.ProcessEnv; configured?: string } = {},
): string {
  const env = options.env ?? process.env;
  return env[`${systemEnvPrefix(system)}_URL`] || options.configured || system.baseUrl;
}
