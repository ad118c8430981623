import { basename, extname, relative } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { ConfigError } from '../../errors.ts';
import { listBotFiles } from '../../runner/load-bot.ts';
import { describeSchedule, loadSchedules, nextFires } from '../../schedule/index.ts';
import { printJson } from '../table.ts';

export function registerSchedulesCommand(program: Command): void {
  program
    .command('schedules')
    .description('List the schedules in schedules/: each in words and its next five fires with skip reasons')
    .option('--json', 'print JSON')
    .option('--from <iso>', 'list fires after this time instead of now (ISO 8601)')
    .action(async (o: { json?: boolean; from?: string }) => {
      const config = await loadConfig();
      const from = o.from ? new Date(o.from) : new Date();
      if (Number.isNaN(from.getTime())) {
        throw new ConfigError('KANSLIST_USAGE', `"${o.from}" is not a date and time.`, { where: '--from', remedy: 'Use ISO 8601, e.g. 2026-06-18T12:00:00+02:00.' });
      }
      const knownBots = listBotFiles(config.paths.bots).map((f) => basename(f, extname(f)));
      const schedules = await loadSchedules(config.paths.schedules, { knownBots, timeZone: config.timeZone });
      const language = config.language === 'sv' ? 'sv' : 'en';
      const rows = schedules.map((s) => ({
        name: s.name,
        bot: s.bot,
        cron: s.cron,
        timeZone: s.timeZone,
        description: describeSchedule(s, { language }),
        overlap: s.overlap,
        catchUp: s.catchUp,
        maxDurationMinutes: s.maxDurationMinutes ?? null,
        file: s.file ? relative(config.root, s.file) : undefined,
        next: nextFires(s, from, 5).map((f) => ({ at: f.at.toISOString(), local: localStamp(f.at, s.timeZone!), ...f.decision })),
      }));
      if (o.json) return printJson(rows);
      if (rows.length === 0) return console.log(`(no schedules in ${config.paths.schedules})`);
      for (const row of rows) {
        console.log(`${row.name}  →  ${row.bot}   (${row.file})`);
        console.log(`  ${row.description.text}`);
        console.log(`  overlap ${row.overlap}, catch-up ${row.catchUp}${row.maxDurationMinutes ? `, max ${row.maxDurationMinutes} min` : ''}`);
        for (const f of row.next) console.log(`    ${f.local}  ${f.run ? 'run' : `skip: ${f.reason} — ${f.detail}`}`);
        console.log('');
      }
    });
}

function localStamp(at: Date, timeZone: string): string {
  return `${at.toLocaleString('sv-SE', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })} ${timeZone}`;
}
