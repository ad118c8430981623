/**
 * Known items and runs for the time-saved report tests, in Europe/Stockholm, March 2026 — the month
 * with the spring DST change (Sunday 29 March, 02:00 → 03:00, in ISO week 13). Rows are written
 * straight into the tables so every status, time and reason is exactly what the tests expect.
 *
 * Baselines: 'bygglov' 12 manual minutes per item, 'fakturor' 3.
 *
 * | bot      | done (in March) | handled | review | failed | outside / not final        |
 * |----------|-----------------|---------|--------|--------|----------------------------|
 * | bygglov  | 10              | 2       | 1      | 1      | 2 done in April, 1 in Feb; pending, running, uncertain |
 * | fakturor | 20              | 0       | 2      | 0      | —                          |
 */
import type { Insertable } from 'kysely';
import type { Store } from '../../src/store/index.ts';
import type { Database } from '../../src/store/schema.ts';
import type { BotBaseline } from '../../src/report/time-saved/index.ts';
import { storeDb } from '../helpers/store-internals.ts';

export const TIME_ZONE = 'Europe/Stockholm';

export const BASELINES: Record<string, BotBaseline> = {
  bygglov: {
    title: 'Bygglov – registrering',
    manualMinutes: 12,
    manualMinutesNote: 'Stopwatch study of 30 applications, two clerks, May 2026',
  },
  fakturor: { title: 'Läkarintyg – fakturor', manualMinutes: 3, manualMinutesNote: 'Estimate by the unit manager, 2026' },
};

/** A synthetic personnummer from the test series (birth number 980–999). */
export const TEST_PNR = '19900101-9802';

const Z = (iso: string): number => Date.parse(iso);

type ItemSpec = {
  bot: string;
  status: string;
  finishedAt: number | null;
  updatedAt?: number;
  code?: string;
  reason?: string;
  key?: string;
};

function row(spec: ItemSpec, n: number): Insertable<Database['work_items']> {
  const updated = spec.updatedAt ?? spec.finishedAt ?? Z('2026-03-02T08:00:00Z');
  return {
    id: `item-${spec.bot}-${n}`,
    bot: spec.bot,
    key: spec.key ?? `${spec.bot.toUpperCase()}-${String(n).padStart(4, '0')}`,
    payload: '{}',
    status: spec.status,
    attempts: 1,
    max_attempts: 3,
    available_at: Z('2026-02-27T08:00:00Z'),
    error_code: spec.code ?? null,
    reason: spec.reason ?? null,
    created_at: Z('2026-02-27T08:00:00Z'),
    updated_at: updated,
    started_at: spec.finishedAt === null ? null : spec.finishedAt - 60_000,
    finished_at: spec.finishedAt,
  };
}

/** Weekly spread of bygglov's ten done items: ISO weeks 10, 11, 12, 13 (DST), 14. */
export const BYGGLOV_DONE_AT = [
  '2026-02-28T23:00:00Z', // 1 March 00:00 local: the first instant of the period (week 9, a Sunday)
  '2026-03-03T09:00:00Z', // week 10
  '2026-03-04T09:00:00Z', // week 10
  '2026-03-10T09:00:00Z', // week 11
  '2026-03-17T09:00:00Z', // week 12
  '2026-03-23T08:00:00Z', // week 13
  '2026-03-29T21:30:00Z', // 29 March 23:30 local (CEST): still week 13
  '2026-03-29T22:30:00Z', // 30 March 00:30 local: week 14 — a fixed UTC+1 would put it in week 13
  '2026-03-31T10:00:00Z', // week 14
  '2026-03-31T21:59:59.999Z', // 31 March 23:59:59.999 local: the last instant of the period
];

export function seedItems(): ItemSpec[] {
  const specs: ItemSpec[] = [];
  for (const at of BYGGLOV_DONE_AT) specs.push({ bot: 'bygglov', status: 'done', finishedAt: Z(at) });
  specs.push(
    // Outside March: the first instant of April local, the last instant of February local.
    { bot: 'bygglov', status: 'done', finishedAt: Z('2026-03-31T22:00:00Z') },
    { bot: 'bygglov', status: 'done', finishedAt: Z('2026-04-02T10:00:00Z') },
    { bot: 'bygglov', status: 'done', finishedAt: Z('2026-02-28T22:59:59.999Z') },
    // Exceptions.
    {
      bot: 'bygglov',
      status: 'handled',
      finishedAt: Z('2026-03-05T10:00:00Z'),
      code: 'PNR_INVALID',
      reason: `Ogiltigt personnummer ${TEST_PNR}`,
    },
    {
      bot: 'bygglov',
      status: 'handled',
      finishedAt: Z('2026-03-12T10:00:00Z'),
      code: 'PNR_INVALID',
      reason: `Ogiltigt personnummer ${TEST_PNR}`,
    },
    {
      bot: 'bygglov',
      status: 'review',
      finishedAt: Z('2026-03-18T10:00:00Z'),
      code: 'FASTIGHET_MISSING',
      reason: 'Fastighetsbeteckning saknas',
    },
    {
      bot: 'bygglov',
      status: 'failed',
      finishedAt: Z('2026-03-30T10:00:00Z'),
      code: 'KANSLIST_TIMEOUT',
      reason: 'Timeout 30000ms exceeded',
    },
    // Not final: never counted.
    { bot: 'bygglov', status: 'pending', finishedAt: null, updatedAt: Z('2026-03-10T10:00:00Z') },
    { bot: 'bygglov', status: 'running', finishedAt: null, updatedAt: Z('2026-03-10T10:00:00Z') },
    { bot: 'bygglov', status: 'uncertain', finishedAt: null, updatedAt: Z('2026-03-10T10:00:00Z'), code: 'KANSLIST_LEASE_EXPIRED' },
  );
  for (let i = 0; i < 20; i++)
    specs.push({ bot: 'fakturor', status: 'done', finishedAt: Z(`2026-03-${String(2 + i).padStart(2, '0')}T12:00:00Z`) });
  specs.push(
    {
      bot: 'fakturor',
      status: 'review',
      finishedAt: Z('2026-03-09T12:00:00Z'),
      code: 'PNR_INVALID',
      reason: 'Personnummer saknar kontrollsiffra',
    },
    // Rejected when enqueued: never finished; counted by the time it was put in review.
    {
      bot: 'fakturor',
      status: 'review',
      finishedAt: null,
      updatedAt: Z('2026-03-16T12:00:00Z'),
      code: 'FASTIGHET_MISSING',
      reason: 'Kolumnen fastighet är tom',
    },
  );
  return specs;
}

export async function seedTimeSaved(store: Store): Promise<void> {
  const rows = seedItems().map(row);
  await storeDb(store).insertInto('work_items').values(rows).execute();
  const run = (id: string, bot: string, start: string, end: string | null, heartbeat: string) => ({
    id,
    bot,
    bot_version: 'test',
    trigger: 'cli',
    host: 'test',
    pid: 1,
    started_at: Z(start),
    ended_at: end === null ? null : Z(end),
    heartbeat_at: Z(heartbeat),
    status: end === null ? 'crashed' : 'finished',
    input: null,
    summary: null,
  });
  await storeDb(store)
    .insertInto('runs')
    .values([
      run('run-b1', 'bygglov', '2026-03-03T08:00:00Z', '2026-03-03T09:00:00Z', '2026-03-03T09:00:00Z'), // 1 h
      run('run-b2', 'bygglov', '2026-03-29T20:00:00Z', '2026-03-29T20:30:00Z', '2026-03-29T20:30:00Z'), // 0.5 h
      run('run-b0', 'bygglov', '2026-02-27T08:00:00Z', '2026-02-27T18:00:00Z', '2026-02-27T18:00:00Z'), // February: not counted
      run('run-f1', 'fakturor', '2026-03-09T11:00:00Z', null, '2026-03-09T11:15:00Z'), // died: counted to its last heartbeat, 0.25 h
    ])
    .execute();
}

/** What the seed gives for March 2026 — the numbers every test asserts. */
export const EXPECTED = {
  bygglov: { done: 10, handled: 2, review: 1, failed: 1, exceptions: 4, minutesFreed: 120, exceptionMinutes: 48, runs: 2, runHours: 1.5 },
  fakturor: { done: 20, handled: 0, review: 2, failed: 0, exceptions: 2, minutesFreed: 60, exceptionMinutes: 6, runs: 1, runHours: 0.25 },
  total: { done: 30, exceptions: 6, minutesFreed: 180, hoursFreed: 3, exceptionMinutes: 54, runHours: 1.75 },
} as const;
