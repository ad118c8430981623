/**
 * Finding and launching the browser.
 *
 * Order: an explicit setting (config `browser.executablePath` or KANSLIST_BROWSER), then
 * Playwright's own downloaded Chromium, then a system Chromium or Chrome. Municipal networks
 * often cannot download Playwright's browser build, so a distribution Chromium is a first-class
 * option, not a fallback of last resort.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { registerCheckedEngine } from './checked-locator.ts';
import { BrowserNotFoundError } from '../errors.ts';

/** Flags that keep Chromium off the network and quiet in automation: no updates, sync or pings. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];

const SYSTEM_BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const SYSTEM_BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export type BrowserSource = 'setting' | 'playwright' | 'system';

export interface FoundBrowser {
  executablePath: string;
  source: BrowserSource;
}

export interface FindBrowserOptions {
  /** An explicit executable (from config). KANSLIST_BROWSER overrides it. */
  executablePath?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Where to look for a system browser besides PATH. @default the usual Linux and macOS install paths */
  systemPaths?: readonly string[];
  /** Whether to consider Playwright's own downloaded browser. @default true */
  playwrightBrowser?: boolean;
}

export function findBrowser(options: FindBrowserOptions = {}): FoundBrowser | undefined {
  const env = options.env ?? process.env;
  const explicit = env.KANSLIST_BROWSER || options.executablePath;
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new BrowserNotFoundError('KANSLIST_BROWSER_MISSING', `The configured browser does not exist: ${explicit}`, {
        where: env.KANSLIST_BROWSER ? 'environment variable KANSLIST_BROWSER' : 'kanslist.config.ts browser.executablePath',
        remedy: 'Point the setting at a Chromium or Chrome executable, or remove it to let Kanslist find one.',
      });
    }
    return { executablePath: explicit, source: 'setting' };
  }
  const managed = options.playwrightBrowser === false ? undefined : playwrightManagedChromium();
  if (managed) return { executablePath: managed, source: 'playwright' };
  const system = systemChromium(env, options.systemPaths ?? SYSTEM_BROWSER_PATHS);
  return system ? { executablePath: system, source: 'system' } : undefined;
}

function playwrightManagedChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // playwright-core throws when its browser registry has no entry for this platform
  }
}

function systemChromium(env: NodeJS.ProcessEnv, paths: readonly string[]): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of SYSTEM_BROWSER_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return paths.find((path) => existsSync(path));
}

export function browserNotFound(): BrowserNotFoundError {
  return new BrowserNotFoundError('KANSLIST_NO_BROWSER', 'No Chromium or Chrome browser was found.', {
    remedy:
      'Install one: on Debian/Ubuntu `sudo apt-get install chromium`, or `npx playwright install chromium` where downloads are allowed; ' +
      'or set KANSLIST_BROWSER=/path/to/chrome (or browser.executablePath in kanslist.config.ts).',
  });
}

export function requireBrowser(options: FindBrowserOptions = {}): FoundBrowser {
  const found = findBrowser(options);
  if (!found) throw browserNotFound();
  return found;
}

export interface LaunchBrowserOptions extends FindBrowserOptions {
  headless?: boolean;
  /** Extra Playwright launch options (slowMo, args). */
  launch?: LaunchOptions;
}

export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<Browser> {
  const { executablePath } = requireBrowser(options);
  const args = [...CHROMIUM_FLAGS, ...(options.launch?.args ?? [])];
  // Chromium's sandbox needs user namespaces, which root in a container does not get.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  // Before any context exists, so that every page of this browser knows it (src/ui/checked-locator.ts).
  await registerCheckedEngine();
  // Kanslist owns the signals: the first Ctrl-C or SIGTERM lets the items in progress finish, so
  // Playwright must not close the browser under them (its default on SIGINT, SIGTERM and SIGHUP).
  // Playwright still ends the browser when the process exits.
  return chromium.launch({
    ...options.launch,
    executablePath,
    headless: options.headless ?? true,
    args,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
