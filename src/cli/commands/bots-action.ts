/** What `kanslist bots` does, loaded only when it runs (importing bots loads Playwright). */
import { basename, extname } from 'node:path';
import { loadConfig } from '../../config/load.ts';
import { errorMessage } from '../../errors.ts';
import { importBot, listBotFiles } from '../../runner/load-bot.ts';
import { printJson, printTable } from '../table.ts';

export async function runBots(o: { json?: boolean }): Promise<void> {
  const config = await loadConfig();
  const rows = [];
  for (const file of listBotFiles(config.paths.bots)) {
    try {
      const bot = await importBot(file);
      rows.push({
        name: bot.name,
        title: bot.title,
        system: bot.system.name,
        concurrency: bot.concurrency ?? 1,
        manualMinutes: bot.manualMinutes,
        verify: bot.verify !== undefined,
        file,
      });
    } catch (error) {
      rows.push({
        name: basename(file, extname(file)),
        title: `BROKEN: ${errorMessage(error)}`,
        system: '',
        concurrency: '',
        manualMinutes: '',
        verify: '',
        file,
      });
    }
  }
  if (o.json) printJson(rows);
  else printTable(rows, ['name', 'title', 'system', 'concurrency', 'manualMinutes', 'verify']);
}
