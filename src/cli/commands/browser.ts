import type { Command } from 'commander';
import { findBrowser } from '../../ui/browser.ts';
import { provisionBrowser } from '../../ui/browser-provision.ts';
import { loadConfig } from '../../config/load.ts';
import { browserNotFound } from '../../ui/browser.ts';

export function registerBrowserCommand(program: Command): void {
  program
    .command('browser')
    .description('Show which browser Kanslist uses (setting, Playwright, or system Chromium)')
    .option('--install-if-missing', "as root on Debian, install Debian's chromium when no browser is found")
    .action(async (options: { installIfMissing?: boolean }) => {
      const config = await loadConfig();
      const settings = { executablePath: config.browser.executablePath };
      const found = options.installIfMissing ? provisionBrowser(settings) : findBrowser(settings);
      if (!found) throw browserNotFound();
      console.log(`Browser: ${found.executablePath} (${found.source})`);
    });
}
