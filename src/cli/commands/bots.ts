import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { errorMessage } from '../../errors.ts';
import { importBot, listBotFiles } from '../../runner/load-bot.ts';
import { printJson, printTable } from '../table.ts';

export function registerBotsCommand(program: Command): void {
  program
    .command('bots')
    .description('List the bots in bots/ with their system, concurrency and manual minutes per item')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const config = await loadConfig();
      const rows = [];
      for (const file of listBotFiles(config.paths.bots)) {
        try {
          const bot = await importBot(file);
          rows.push({ name: bot.name, title: bot.title, system: bot.system.name, concurrency: bot.concurrency ?? 1, manualMinutes: bot.manualMinutes, verify: Boolean(bot.verify), file });
        } catch (error) {
          rows.push({ name: basename(file, extname(file)), title: `BROKEN: ${errorMessage(error)}`, system: '', concurrency: '', manualMinutes: '', verify: '', file });
        }
      }
      if (o.json) printJson(rows);
      else printTable(rows, ['name', 'title', 'system', 'concurrency', 'manualMinutes', 'verify']);
    });
}
