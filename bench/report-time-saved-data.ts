/**
 * The benchmark's synthetic store content: deterministic from the item's index, so every run (and
 * both engines) holds the same million items. All items settle in 2026-Q1, Europe/Stockholm.
 */
import type { Insertable } from 'kysely';
import { periodFromQuarter, type BotBaseline } from '../src/report/time-saved/index.ts';
import type { Database } from '../src/store/schema.ts';

export const BENCH_TIME_ZONE = 'Europe/Stockholm';
export const BENCH_PERIOD = periodFromQuarter('2026-Q1', BENCH_TIME_ZONE);

export const BENCH_BOTS: Array<BotBaseline & { name: string; share: number }> = [
  { name: 'bygglov-registrering', share: 0.6, title: 'Bygglov – registrering', manualMinutes: 12, manualMinutesNote: 'Benchmark baseline' },
  { name: 'lakarintyg-fakturor', share: 0.3, title: 'Läkarintyg – fakturor', manualMinutes: 3, manualMinutesNote: 'Benchmark baseline' },
  {
    name: 'folkbokforing-kontroll',
    share: 0.1,
    title: 'Folkbokföring – kontroll',
    manualMinutes: 7.5,
    manualMinutesNote: 'Benchmark baseline',
  },
];

const CODES = [
  'PNR_INVALID',
  'FASTIGHET_MISSING',
  'KANSLIST_TIMEOUT',
  'KANSLIST_SESSION_EXPIRED',
  'ATTACHMENT_MISSING',
  'AMOUNT_OVER_LIMIT',
  'DUPLICATE_CASE',
  'KANSLIST_LEASE_EXPIRED',
];
/** A synthetic personnummer from the test series: the report must mask it in sample reasons. */
const TEST_PNR = '19900101-9802';
const GOLDEN = 0.6180339887498949;

function botOf(i: number): string {
  const slot = i % 10;
  return slot < 6 ? BENCH_BOTS[0]!.name : slot < 9 ? BENCH_BOTS[1]!.name : BENCH_BOTS[2]!.name;
}

/** 90 % done, 3.5 % handled, 2.5 % review, 2.5 % failed, 1.5 % not final (pending). */
function statusOf(i: number): string {
  const r = ((i * 2654435761) % 1000) / 1000;
  return r < 0.9 ? 'done' : r < 0.935 ? 'handled' : r < 0.96 ? 'review' : r < 0.985 ? 'failed' : 'pending';
}

export function generateItems(start: number, count: number): Array<Insertable<Database['work_items']>> {
  const span = BENCH_PERIOD.to - BENCH_PERIOD.from;
  const rows: Array<Insertable<Database['work_items']>> = [];
  for (let i = start; i < start + count; i++) {
    const status = statusOf(i);
    const at = BENCH_PERIOD.from + Math.floor(((i * GOLDEN) % 1) * span);
    const code = status === 'done' || status === 'pending' ? null : CODES[(i >>> 3) % CODES.length]!;
    // Half the review items were rejected on input: never finished, put in review at `at`.
    const finished = status === 'pending' || (status === 'review' && i % 2 === 0) ? null : at;
    rows.push({
      id: `bench-${i}`,
      bot: botOf(i),
      key: `ANS-${String(i).padStart(7, '0')}`,
      payload: '{}',
      status,
      attempts: 1,
      max_attempts: 3,
      available_at: BENCH_PERIOD.from,
      error_code: code,
      reason:
        code === null
          ? null
          : code === 'PNR_INVALID'
            ? `Ogiltigt personnummer ${TEST_PNR}`
            : `${code.toLowerCase().replace(/_/g, ' ')} (rad ${i})`,
      created_at: BENCH_PERIOD.from,
      updated_at: at,
      started_at: finished === null ? null : finished - 40_000,
      finished_at: finished,
      duration_ms: finished === null ? null : 40_000,
    });
  }
  return rows;
}

/** One run per bot per day of the period, from 06:00 UTC, longer for the busier bots. */
export function generateRuns(): Array<Insertable<Database['runs']>> {
  const rows: Array<Insertable<Database['runs']>> = [];
  const days = Math.round((BENCH_PERIOD.to - BENCH_PERIOD.from) / 86_400_000);
  for (let day = 0; day < days; day++) {
    for (const bot of BENCH_BOTS) {
      const started = BENCH_PERIOD.from + day * 86_400_000 + 7 * 3_600_000;
      const ended = started + Math.round(bot.share * 4 * 3_600_000);
      rows.push({
        id: `run-${bot.name}-${day}`,
        bot: bot.name,
        bot_version: 'bench',
        trigger: 'bench',
        host: 'bench',
        pid: 1,
        started_at: started,
        ended_at: ended,
        heartbeat_at: ended,
        status: 'finished',
        input: null,
        summary: null,
      });
    }
  }
  return rows;
}
