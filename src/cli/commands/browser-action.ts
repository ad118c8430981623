/** What `kanslist browser` does, loaded only when it runs. */
import { loadConfig } from '../../config/load.ts';
import { browserNotFound, findBrowser } from '../../ui/browser.ts';
import { provisionBrowser } from '../../ui/browser-provision.ts';

export async function runBrowser(options: { installIfMissing?: boolean }): Promise<void> {
  const config = await loadConfig();
  const settings = { executablePath: config.browser.executablePath };
  const found = options.installIfMissing ? provisionBrowser(settings) : findBrowser(settings);
  if (!found) throw browserNotFound();
  console.log(`Browser: ${found.executablePath} (${found.source})`);
}
