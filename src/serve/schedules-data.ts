/** The project's schedules with their state, for the overview and the schedules page. */
import { basename, extname } from 'node:path';
import { listBotFiles } from '../runner/load-bot.ts';
import { describeSchedule, loadSchedules, nextFires, type PlannedFire, type Schedule } from '../schedule/index.ts';
import type { ControlRoom } from './context.ts';

export async function projectSchedules(room: ControlRoom): Promise<Schedule[]> {
  const knownBots = listBotFiles(room.config.paths.bots).map((f) => basename(f, extname(f)));
  return loadSchedules(room.config.paths.schedules, { knownBots, timeZone: room.config.timeZone });
}

export interface UpcomingFire extends PlannedFire {
  schedule: string;
  bot: string;
}

/** The next `count` fires across all schedules that will run (skips are the schedules page's business). */
export function upcomingFires(schedules: Schedule[], now: Date, count: number): UpcomingFire[] {
  return schedules
    .flatMap((s) =>
      nextFires(s, now, count)
        .filter((f) => f.decision.run)
        .map((f) => ({ ...f, schedule: s.name, bot: s.bot })),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(0, count);
}

export function describeIn(schedule: Schedule, language: 'sv' | 'da' | 'de' | 'en'): string {
  return describeSchedule(schedule, { language }).text;
}
