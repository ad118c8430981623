import type { Command } from 'commander';

export function registerBrowserCommand(program: Command): void {
  program
    .command('browser')
    .description('Show which browser Kanslist uses (setting, Playwright, or system Chromium)')
    .option('--install-if-missing', "as root on Debian, install Debian's chromium when no browser is found")
    .action(async (options: { installIfMissing?: boolean }) => (await import('./browser-action.ts')).runBrowser(options));
}
