import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '../errors.ts';
import { importUserModule } from '../util/user-module.ts';
import { DEFAULT_CONFIG, type KanslistConfig, type KanslistConfigInput } from './config.ts';
import { checkKnownKeys } from './known-keys.ts';
import { validateConfig } from './validate.ts';

export const CONFIG_FILE = 'kanslist.config.ts';

export interface LoadedConfig extends KanslistConfig {
  /** The project root: the folder holding kanslist.config.ts (or the working directory). */
  root: string;
  /** Absolute folder paths. */
  paths: { [K in keyof KanslistConfig['folders']]: string };
}

/** Loads `kanslist.config.ts` from `root`, applies environment overrides, validates every key. */
export async function loadConfig(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<LoadedConfig> {
  const file = join(root, CONFIG_FILE);
  const fromFile = existsSync(file) ? await importConfig(file) : {};
  checkKnownKeys(fromFile, file);
  const merged = mergeConfig(DEFAULT_CONFIG, fromFile);
  validateConfig(merged, existsSync(file) ? file : 'defaults');
  const withEnv = applyEnv(merged, env);
  validateConfig(withEnv, 'environment variables (KANSLIST_*)');
  return { ...withEnv, root, paths: absoluteFolders(root, withEnv.folders) };
}

async function importConfig(file: string): Promise<KanslistConfigInput> {
  let module: { default?: unknown };
  try {
    module = await importUserModule(file);
  } catch (cause) {
    throw new ConfigError('KANSLIST_CONFIG_BROKEN', `The configuration file could not be loaded: ${(cause as Error).message}`, {
      where: file,
      remedy: 'Fix the syntax or import error in the file; it must `export default defineConfig({...})`.',
      cause,
    });
  }
  if (!module.default || typeof module.default !== 'object') {
    throw new ConfigError('KANSLIST_CONFIG_NO_DEFAULT', 'The configuration file has no default export.', {
      where: file,
      remedy: 'Write `export default defineConfig({ ... })`.',
    });
  }
  return module.default;
}

export function mergeConfig(base: KanslistConfig, input: KanslistConfigInput): KanslistConfig {
  return {
    ...base,
    ...stripUndefined(input),
    folders: { ...base.folders, ...stripUndefined(input.folders ?? {}) },
    browser: { ...base.browser, ...stripUndefined(input.browser ?? {}) },
    systems: { ...base.systems, ...(input.systems ?? {}) },
    alerts: { ...base.alerts, ...stripUndefined(input.alerts ?? {}) },
    reports: { ...base.reports, ...stripUndefined(input.reports ?? {}) },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function applyEnv(config: KanslistConfig, env: NodeJS.ProcessEnv): KanslistConfig {
  const next: KanslistConfig = { ...config, folders: { ...config.folders }, browser: { ...config.browser }, alerts: { ...config.alerts } };
  if (env.KANSLIST_ALERT_WEBHOOK) next.alerts.webhook = { ...next.alerts.webhook, url: env.KANSLIST_ALERT_WEBHOOK };
  if (env.KANSLIST_STORE) next.store = env.KANSLIST_STORE;
  if (env.KANSLIST_ORGANISATION) next.organisation = env.KANSLIST_ORGANISATION;
  if (env.KANSLIST_DASHBOARD_URL) next.dashboardUrl = env.KANSLIST_DASHBOARD_URL;
  if (env.KANSLIST_TIME_ZONE) next.timeZone = env.KANSLIST_TIME_ZONE;
  if (env.KANSLIST_LANGUAGE) next.language = env.KANSLIST_LANGUAGE as KanslistConfig['language'];
  if (env.KANSLIST_LOG_LEVEL) next.logLevel = env.KANSLIST_LOG_LEVEL.toLowerCase() as KanslistConfig['logLevel'];
  if (env.KANSLIST_VAR_DIR) next.folders.var = env.KANSLIST_VAR_DIR;
  if (env.KANSLIST_BROWSER) next.browser.executablePath = env.KANSLIST_BROWSER;
  if (env.KANSLIST_HEADLESS !== undefined && env.KANSLIST_HEADLESS !== '') {
    next.browser.headless = parseBoolean(env.KANSLIST_HEADLESS, 'KANSLIST_HEADLESS');
  }
  return next;
}

function parseBoolean(value: string, name: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError('KANSLIST_CONFIG_INVALID', `${name} must be true or false, not "${value}".`, {
    where: `environment variable ${name}`,
  });
}

function absoluteFolders(root: string, folders: KanslistConfig['folders']): LoadedConfig['paths'] {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(root, p));
  return {
    bots: abs(folders.bots),
    selectors: abs(folders.selectors),
    schedules: abs(folders.schedules),
    reports: abs(folders.reports),
    var: abs(folders.var),
  };
}

/** The store URL with a relative SQLite path made absolute against the project root. */
export function storeUrl(config: LoadedConfig, override?: string): string {
  const url = override ?? config.store;
  const match = /^sqlite:(?!:memory:)(.+)$/.exec(url);
  if (match?.[1] && !isAbsolute(match[1])) return `sqlite:${resolve(config.root, match[1])}`;
  return url;
}
