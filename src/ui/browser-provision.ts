/**
 * Providing a browser when none is found. Only where it is safe to do unasked: as root on
 * Debian (a CI machine or a container), with Debian's own `chromium` package. Everywhere else
 * the user gets an error that says how to install one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { browserNotFound, findBrowser, type FindBrowserOptions, type FoundBrowser } from './browser.ts';

export interface ProvisionResult extends FoundBrowser {
  installed: boolean;
}

export function canInstallDebianChromium(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

export function provisionBrowser(options: FindBrowserOptions & { log?: (line: string) => void } = {}): ProvisionResult {
  const found = findBrowser(options);
  if (found) return { ...found, installed: false };
  if (!canInstallDebianChromium()) throw browserNotFound();
  const log = options.log ?? ((line: string) => console.log(line));
  log("Kanslist: no browser found; installing Debian's chromium package (apt-get install chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
  const after = findBrowser(options);
  if (install.status !== 0 || !after) throw browserNotFound();
  return { ...after, installed: true };
}
