/** What `kanslist schedules` does, loaded only when it runs. */
import { basename, extname, relative } from 'node:path';
import { loadConfig } from '../../config/load.ts';
import { ConfigError } from '../../errors.ts';
import { listBotFiles } from '../../runner/load-bot.ts';
import { storeUrl } from '../../config/load.ts';
import { errorMessage } from '../../errors.ts';
import { describeSchedule, loadSchedules, nextFires, type Schedule } from '../../schedule/index.ts';
import { listDecisions, readState } from '../../schedule/ledger-queries.ts';
import type { Decision, ScheduleState } from '../../schedule/ledger.ts';
import { openStore } from '../../store/index.ts';
import { redact } from '../../redact/redact.ts';
import { printJson } from '../table.ts';

export async function runSchedules(o: { json?: boolean; from?: string; db?: string }): Promise<void> {
  const config = await loadConfig();
  const from = o.from ? new Date(o.from) : new Date();
  if (Number.isNaN(from.getTime())) {
    throw new ConfigError('KANSLIST_USAGE', `"${o.from}" is not a date and time.`, {
      where: '--from',
      remedy: 'Use ISO 8601, e.g. 2026-06-18T12:00:00+02:00.',
    });
  }
  const knownBots = listBotFiles(config.paths.bots).map((f) => basename(f, extname(f)));
  const schedules = await loadSchedules(config.paths.schedules, { knownBots, timeZone: config.timeZone });
  const language = config.language === 'sv' ? 'sv' : 'en';
  const recorded = await recordedState(storeUrl(config, o.db), schedules);
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
    paused: recorded.states.get(s.name)?.paused ?? false,
    pausedBy: recorded.states.get(s.name)?.pausedBy ?? null,
    pauseNote: recorded.states.get(s.name)?.pauseNote ?? null,
    lastDecision: recorded.last.get(s.name) ?? null,
    next: nextFires(s, from, 5).map((f) => ({ at: f.at.toISOString(), local: localStamp(f.at, s.timeZone!), ...f.decision })),
  }));
  if (recorded.error) console.error(`kanslist: the paused state and last decisions could not be read: ${recorded.error}`);
  if (o.json) return printJson(rows);
  if (rows.length === 0) return console.log(`(no schedules in ${config.paths.schedules})`);
  for (const row of rows) {
    console.log(`${row.name}  →  ${row.bot}   (${row.file})`);
    console.log(`  ${row.description.text}`);
    console.log(`  overlap ${row.overlap}, catch-up ${row.catchUp}${row.maxDurationMinutes ? `, max ${row.maxDurationMinutes} min` : ''}`);
    if (row.paused)
      console.log(
        redact(
          `  PAUSED by ${row.pausedBy ?? 'an operator'}${row.pauseNote ? `: ${row.pauseNote}` : ''} — fires are skipped until \`kanslist schedule resume ${row.name}\``,
        ),
      );
    if (row.lastDecision) console.log(redact(`  last decision: ${describeLast(row.lastDecision, row.timeZone!)}`));
    for (const f of row.next) console.log(`    ${f.local}  ${f.run ? 'run' : `skip: ${f.reason} — ${f.detail}`}`);
    console.log('');
  }
}

function localStamp(at: Date, timeZone: string): string {
  return `${at.toLocaleString('sv-SE', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })} ${timeZone}`;
}

/** Each schedule's paused state and newest decision, from the store; listing still works without them. */
async function recordedState(
  url: string,
  schedules: Schedule[],
): Promise<{ states: Map<string, ScheduleState>; last: Map<string, Decision>; error?: string }> {
  const states = new Map<string, ScheduleState>();
  const last = new Map<string, Decision>();
  if (schedules.length === 0) return { states, last };
  try {
    const store = await openStore(url);
    try {
      for (const s of schedules) {
        states.set(s.name, await readState(store, s.name));
        const [newest] = await listDecisions(store, { schedule: s.name, limit: 1 });
        if (newest) last.set(s.name, newest);
      }
    } finally {
      await store.close();
    }
    return { states, last };
  } catch (error) {
    return { states, last, error: errorMessage(error) };
  }
}

function describeLast(d: Decision, timeZone: string): string {
  const why = [d.reason, d.detail].filter(Boolean).join(' — ');
  const started = d.decision === 'fired' || d.decision === 'caught-up' || d.decision === 'queued';
  const going = d.leaseExpiresAt !== null && d.leaseExpiresAt > Date.now();
  const run = d.outcome ? `, run ${d.outcome}` : started ? (going ? ', run going' : ', its end was not recorded') : '';
  return `${localStamp(new Date(d.plannedAt), timeZone)}  ${d.decision}${why ? ` (${why})` : ''}${run}`;
}
