/**
 * Loads every `schedules/*.ts` (default export `defineSchedule({...})`), checks each against the
 * known bots and for duplicate names, and fills in the config's time zone. Every error names the file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DEFAULT_SCHEDULE_TIME_ZONE, isSchedule } from './define.ts';
import { ScheduleConfigError } from './errors.ts';
import type { Schedule } from './types.ts';
import { importUserModule } from '../util/user-module.ts';
import { firstLines } from '../config/import-default.ts';

export interface LoadSchedulesOptions {
  /** Names of the bots in bots/: a schedule naming another bot is an error. */
  knownBots: string[];
  /** Zone for schedules that name none (the config's timeZone). @default 'Europe/Stockholm' */
  timeZone?: string;
  /**
   * Called for a file that does not load or is invalid, which is then skipped — the daemon keeps
   * the other schedules running. Without it the first broken file throws (`kanslist schedules`).
   */
  onBroken?: (error: ScheduleConfigError) => void;
}

const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

export function listScheduleFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => EXTENSIONS.includes(extname(f)) && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .sort()
    .map((f) => join(dir, f));
}

export async function loadSchedules(dir: string, options: LoadSchedulesOptions): Promise<Schedule[]> {
  const schedules: Schedule[] = [];
  const seen = new Map<string, string>();
  for (const file of listScheduleFiles(dir)) {
    try {
      const schedule = await loadScheduleFile(file, options);
      const other = seen.get(schedule.name);
      if (other)
        throw new ScheduleConfigError('name', `Another schedule is also named "${schedule.name}" (${other}).`, {
          file,
          remedy: 'Give each schedule its own name.',
        });
      seen.set(schedule.name, file);
      schedules.push(schedule);
    } catch (error) {
      if (!(error instanceof ScheduleConfigError) || !options.onBroken) throw error;
      options.onBroken(error);
    }
  }
  return schedules;
}

export async function loadScheduleFile(file: string, options: LoadSchedulesOptions): Promise<Schedule> {
  let module: { default?: unknown };
  try {
    module = await importUserModule(file);
  } catch (error) {
    if (error instanceof ScheduleConfigError) throw error.inFile(file);
    const detail = error instanceof Error ? firstLines(error.message) : String(error);
    throw new ScheduleConfigError('(file)', `The schedule file could not be loaded: ${detail}`, {
      file,
      cause: error,
      remedy: 'Fix the error in the file (run `npx tsc --noEmit` for details).',
    });
  }
  const schedule = module.default;
  if (!isSchedule(schedule)) {
    throw new ScheduleConfigError('(default export)', 'The file has no default export made with defineSchedule.', {
      file,
      remedy: "Write: export default defineSchedule({ name, bot, cron }) (import { defineSchedule } from 'kanslist').",
    });
  }
  if (!options.knownBots.includes(schedule.bot)) {
    const known = options.knownBots.length ? `Known bots: ${options.knownBots.join(', ')}.` : 'There are no bots in bots/.';
    throw new ScheduleConfigError('bot', `There is no bot named "${schedule.bot}".`, { file, remedy: `${known} See \`kanslist bots\`.` });
  }
  return { ...schedule, timeZone: schedule.timeZone ?? options.timeZone ?? DEFAULT_SCHEDULE_TIME_ZONE, file };
}
