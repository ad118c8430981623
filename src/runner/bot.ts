/**
 * `defineBot`: what an author writes in `bots/<name>.ts`.
 */
import type { Page } from 'playwright-core';
import { ConfigError } from '../errors.ts';
import type { InputSource } from '../inputs/index.ts';
import type { Credentials, ScreensDefinition, System, Ui } from '../ui/index.ts';
import type { Logger } from '../log/logger.ts';
import type { Language } from '../config/config.ts';
import { RUNNER_DEFAULTS } from './defaults.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the runner takes every bot's system map, whatever its screens; unknown would reject them (screens are used both ways)
export type AnySystem = System<any>;
export type ScreensOf<S> = S extends System<infer X> ? X : ScreensDefinition;

/**
 * The project's settings a bot's own output needs (a letter's letterhead and dates): the run's
 * configuration, kanslist.config.ts with its KANSLIST_* overrides, as the run loaded it.
 */
export interface BotSettings {
  /** The organisation's name: `organisation`. */
  organisation: string;
  /** The IANA zone in which dates are calendar days: `timeZone`. */
  timeZone: string;
  /** The language of reports and letters: `language`. */
  language: Language;
}

/** The settings of a loaded configuration that bots get as `ctx.settings`. */
export function botSettings(config: BotSettings): BotSettings {
  return { organisation: config.organisation, timeZone: config.timeZone, language: config.language };
}

/** What a bot's `process` and `verify` get besides the item. */
export interface BotContext<S extends AnySystem = AnySystem> {
  /** Resolves the system map's targets, acts, and records each action. */
  ui: Ui<ScreensOf<S>>;
  /** Escape hatch: the Playwright page of this worker's session. */
  page: Page;
  item: { id: string; key: string; attempt: number; source: string | null };
  runId: string;
  log: Logger;
  credentials: Credentials;
  /** The project's organisation, time zone and language, from the run's configuration. */
  settings: BotSettings;
  /**
   * The system this run works in, at the address it resolved (config, KANSLIST_<SYSTEM>_URL or the
   * map's baseUrl): `ctx.ui.goto(ctx.system.url('/Search.aspx'))` never hard-codes an address.
   */
  system: SystemAddress;
  /** Project-relative folders and a place for files this item produces (kept as evidence). */
  evidence: { dir: string; capture(label: string): Promise<void> };
  /** Aborted when the run stops (signal, maximum duration). */
  signal: AbortSignal;
}

export interface SystemAddress {
  name: string;
  baseUrl: string;
  /** `path` resolved against the system's address. */
  url(path: string): string;
}

export function systemAddress(name: string, baseUrl: string): SystemAddress {
  return { name, baseUrl, url: (path) => new URL(path, baseUrl).href };
}

/** What `verify` answers: does the item's effect already exist in the system? */
export type VerifyResult = { exists: false } | { exists: true; output?: unknown };

export interface BotDefinition<Item = Record<string, unknown>, S extends AnySystem = AnySystem, Output = unknown> {
  /** Identifier used on the command line: `kanslist run <name>`. Lower-case, digits, dashes. */
  name: string;
  /** A readable title for reports. */
  title: string;
  system: S;
  input: InputSource<Item>;
  /** The key that makes an item unique (e.g. the e-service application id): enqueueing is idempotent on it. */
  key(item: Item): string;
  /** Business validation before any screen work: throw a BusinessRuleError to send the item to review. */
  validate?(item: Item): void;
  /** A skilled clerk's minutes per item when done by hand. */
  manualMinutes: number;
  /** How `manualMinutes` was measured (stopwatch study, estimate by whom, when): printed in reports. */
  manualMinutesNote: string;
  /** Parallel workers, each its own logged-in session; capped by the system's maxSessions. @default 1 */
  concurrency?: number;
  /** Attempts per item for system exceptions (timeouts, 500 pages, expired sessions); the same as `retry.maxAttempts`. @default 3 */
  maxAttempts?: number;
  /** How system exceptions are retried. See RUNNER_DEFAULTS for what is used when a field is left out. */
  retry?: BotRetry;
  /** Longest time one item may take before it counts as a system exception. @default 120000 */
  itemTimeoutMs?: number;
  /** Longest time one run may take; then it stops claiming and ends. @default 3600000 */
  maxRunMs?: number;
  process(item: Item, ctx: BotContext<S>): Promise<Output>;
  /** Looks in the system whether the item's effect already exists. Lets uncertain items be settled without a second effect. */
  verify?(item: Item, ctx: BotContext<S>): Promise<VerifyResult>;
}

export interface BotRetry {
  /**
   * Attempts per item for system exceptions. Fixed on each item when it is enqueued: changing it
   * applies to items enqueued afterwards, not to items already waiting. @default 3
   */
  maxAttempts?: number;
  /**
   * The pause before a retry: between half and all of min(maxMs, baseMs·2^(attempt−1)) (equal
   * jitter). An expired session is retried at once. @default { baseMs: 500, maxMs: 30000 }
   */
  backoff?: { baseMs?: number; maxMs?: number };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for AnySystem: a bot's functions take its item type as a parameter, so unknown would reject every typed bot
export type AnyBot = BotDefinition<any, AnySystem, unknown>;

const BOT_NAME = /^[a-z][a-z0-9-]{1,62}$/;

export function defineBot<Item, S extends AnySystem, Output>(bot: BotDefinition<Item, S, Output>): BotDefinition<Item, S, Output> {
  const fail = (field: string, message: string): never => {
    throw new ConfigError('KANSLIST_BOT_INVALID', `${field}: ${message}`, { where: `bot ${bot.name ?? '(unnamed)'}` });
  };
  if (typeof bot.name !== 'string' || !BOT_NAME.test(bot.name)) fail('name', 'must be lower-case letters, digits and dashes.');
  if (typeof bot.title !== 'string' || !bot.title) fail('title', 'is required.');
  if (!bot.system || typeof bot.system !== 'object') fail('system', 'must be a system map made with defineSystem.');
  if (!bot.input || typeof bot.input !== 'object') fail('input', 'must be an input source (xlsx(), csv(), json(), fromFunction()).');
  if (typeof bot.key !== 'function') fail('key', 'must be a function (item) => string.');
  if (typeof bot.process !== 'function') fail('process', 'must be an async function (item, ctx).');
  if (!(bot.manualMinutes > 0)) fail('manualMinutes', 'must be a positive number of minutes.');
  if (typeof bot.manualMinutesNote !== 'string' || !bot.manualMinutesNote)
    fail('manualMinutesNote', 'must say how the manual time was measured.');
  for (const field of ['concurrency', 'maxAttempts', 'itemTimeoutMs', 'maxRunMs'] as const) {
    const value = bot[field];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) fail(field, 'must be a positive whole number.');
  }
  if (bot.retry !== undefined) checkRetry(bot.retry, bot.maxAttempts, fail);
  return Object.freeze({ ...bot, __kanslistBot: true });
}

function checkRetry(retry: BotRetry, maxAttempts: number | undefined, fail: (field: string, message: string) => never): void {
  if (typeof retry !== 'object' || retry === null) fail('retry', 'must be an object { maxAttempts, backoff: { baseMs, maxMs } }.');
  const whole = (field: string, value: unknown) => {
    if (value !== undefined && !(Number.isInteger(value) && (value as number) > 0)) fail(field, 'must be a positive whole number.');
  };
  whole('retry.maxAttempts', retry.maxAttempts);
  if (retry.maxAttempts !== undefined && maxAttempts !== undefined && retry.maxAttempts !== maxAttempts) {
    fail('retry.maxAttempts', `says ${retry.maxAttempts} and maxAttempts says ${maxAttempts}: give only retry.maxAttempts.`);
  }
  const backoff = retry.backoff;
  if (backoff === undefined) return;
  if (typeof backoff !== 'object' || backoff === null) fail('retry.backoff', 'must be an object { baseMs, maxMs }.');
  whole('retry.backoff.baseMs', backoff.baseMs);
  whole('retry.backoff.maxMs', backoff.maxMs);
  const base = backoff.baseMs ?? RUNNER_DEFAULTS.backoff.baseMs;
  const max = backoff.maxMs ?? RUNNER_DEFAULTS.backoff.maxMs;
  if (max < base) fail('retry.backoff.maxMs', `(${max}) must not be less than retry.backoff.baseMs (${base}).`);
}

export function isBot(value: unknown): value is AnyBot {
  return typeof value === 'object' && value !== null && (value as { __kanslistBot?: boolean }).__kanslistBot === true;
}
