/**
 * The time-saved aggregation against a seeded store — the same behaviour on SQLite and PostgreSQL.
 * Every number comes from the database's GROUP BY; the tests compare it with the seed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import {
  annualHoursPerFte,
  computeTimeSaved,
  periodFromMonth,
  periodFromDates,
  timeSavedItems,
  type TimeSaved,
  type TimeSavedItemRow,
} from '../../src/report/time-saved/index.ts';
import { BASELINES, EXPECTED, TIME_ZONE, seedTimeSaved } from './report-time-saved.seed.ts';

const HOUR = 3_600_000;
/** A Swedish organisation's configuration, as far as the working year goes. */
const SWEDISH = { timeZone: 'Europe/Stockholm', language: 'sv' } as const;

async function march(
  store: Store,
  options: { bot?: string; bucket?: 'week' | 'month'; baselines?: typeof BASELINES } = {},
): Promise<TimeSaved> {
  const baselines = options.baselines ?? BASELINES;
  return computeTimeSaved(store.reports, {
    period: periodFromMonth('2026-03', TIME_ZONE),
    bucket: options.bucket ?? 'week',
    bot: options.bot,
    annualHours: annualHoursPerFte({}, SWEDISH),
    baselineOf: (bot) => baselines[bot],
  });
}

async function allRows(store: Store, report: TimeSaved, pageSize?: number): Promise<TimeSavedItemRow[]> {
  const rows: TimeSavedItemRow[] = [];
  for await (const row of timeSavedItems(store.reports, report, pageSize)) rows.push(row);
  return rows;
}

export function defineTimeSavedStoreSuite(engine: string, open: () => Promise<Store>): void {
  describe(`time-saved aggregation: ${engine}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      await seedTimeSaved(store);
    });
    afterEach(async () => {
      await store.close();
    });

    it('counts done items and exceptions per bot that settled in the local month, and nothing else', async () => {
      const report = await march(store);
      expect(report.bots.map((b) => b.bot)).toEqual(['bygglov', 'fakturor']);
      for (const bot of report.bots) {
        const expected = EXPECTED[bot.bot as 'bygglov' | 'fakturor'];
        expect({
          done: bot.figures.done,
          handled: bot.figures.handled,
          review: bot.figures.review,
          failed: bot.figures.failed,
          exceptions: bot.figures.exceptions,
        }).toEqual({
          done: expected.done,
          handled: expected.handled,
          review: expected.review,
          failed: expected.failed,
          exceptions: expected.exceptions,
        });
        expect(bot.figures.minutesFreed).toBe(expected.minutesFreed);
        expect(bot.figures.exceptionMinutes).toBe(expected.exceptionMinutes);
        expect(bot.baseline).toEqual(BASELINES[bot.bot]);
      }
    });

    it('computes hours freed, FTE, exception rate and the manual cost of exceptions in total', async () => {
      const { total, annualHours, periodDays } = await march(store);
      expect(total.done).toBe(EXPECTED.total.done);
      expect(total.exceptions).toBe(EXPECTED.total.exceptions);
      expect(total.hoursFreed).toBeCloseTo(EXPECTED.total.hoursFreed, 10);
      expect(total.exceptionHours).toBeCloseTo(0.9, 10);
      expect(total.exceptionRate).toBeCloseTo(6 / 36, 10);
      expect(annualHours).toEqual({ hours: 1700, source: 'country', country: 'SE', countrySource: 'timeZone' });
      expect(total.fte).toBeCloseTo(3 / 1700, 12);
      expect(periodDays).toBe(31);
      expect(total.averageFte).toBeCloseTo(3 / 1700 / (31 / 365.2425), 12);
    });

    it('sums run hours of runs that started in the period, a dead run up to its last heartbeat', async () => {
      const report = await march(store);
      expect(report.bots.map((b) => [b.bot, b.runs, b.runHours])).toEqual([
        ['bygglov', EXPECTED.bygglov.runs, EXPECTED.bygglov.runHours],
        ['fakturor', EXPECTED.fakturor.runs, EXPECTED.fakturor.runHours],
      ]);
      expect(report.total.runHours).toBeCloseTo(EXPECTED.total.runHours, 10);
    });

    it('buckets the trend by local ISO week, with the DST week 167 hours long', async () => {
      const { trend } = await march(store);
      expect(trend.map((p) => [p.label, p.done, p.exceptions, Number(p.hoursFreed.toFixed(6))])).toEqual([
        ['2026-W09', 1, 0, 0.2],
        ['2026-W10', 9, 1, 0.75],
        ['2026-W11', 8, 2, 0.55],
        ['2026-W12', 7, 2, 0.5],
        ['2026-W13', 2, 0, 0.4],
        ['2026-W14', 3, 1, 0.6],
      ]);
      const dstWeek = trend.find((p) => p.label === '2026-W13')!;
      expect(dstWeek.end - dstWeek.start).toBe(167 * HOUR);
      expect(new Date(dstWeek.start).toISOString()).toBe('2026-03-22T23:00:00.000Z');
      expect(new Date(dstWeek.end).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    });

    it('buckets by month over a quarter, and the buckets add up to the totals', async () => {
      const report = await computeTimeSaved(store.reports, {
        period: periodFromDates('2026-02-01', '2026-05-01', TIME_ZONE),
        bucket: 'month',
        annualHours: annualHoursPerFte({ annualHoursPerFte: 1600 }, SWEDISH),
        baselineOf: (bot) => BASELINES[bot],
      });
      expect(report.trend.map((p) => [p.label, p.done, p.exceptions])).toEqual([
        ['2026-02', 1, 0],
        ['2026-03', 30, 6],
        ['2026-04', 2, 0],
      ]);
      expect(report.trend.reduce((n, p) => n + p.done, 0)).toBe(report.total.done);
      // February 1 × 12 min, March 180 min, April 2 × 12 min; the configured 1 600 h per FTE.
      expect(report.total.fte).toBeCloseTo((12 + 180 + 24) / 60 / 1600, 12);
    });

    it('buckets ten years of weeks (more than one SQLite statement may hold) and still adds up', async () => {
      const report = await computeTimeSaved(store.reports, {
        period: periodFromDates('2020-01-06', '2030-01-07', TIME_ZONE),
        bucket: 'week',
        annualHours: annualHoursPerFte({}, SWEDISH),
        baselineOf: (bot) => BASELINES[bot],
      });
      expect(report.trend.length).toBeGreaterThan(500);
      expect(report.trend.reduce((n, p) => n + p.done, 0)).toBe(33);
      expect(report.trend.reduce((n, p) => n + p.exceptions, 0)).toBe(report.total.exceptions);
    });

    it('lists the top exception reasons by count, with identity numbers masked in the sample', async () => {
      const { topReasons } = await march(store);
      expect(topReasons.map((r) => [r.code, r.count])).toEqual([
        ['PNR_INVALID', 3],
        ['FASTIGHET_MISSING', 2],
        ['KANSLIST_TIMEOUT', 1],
      ]);
      expect(topReasons[0]!.sampleReason).toBe('Ogiltigt personnummer [personnummer]');
      expect(topReasons[0]!.share).toBeCloseTo(0.5, 10);
      expect(JSON.stringify(topReasons)).not.toContain('19900101');
    });

    it('narrows everything to one bot', async () => {
      const report = await march(store, { bot: 'fakturor' });
      expect(report.bots.map((b) => b.bot)).toEqual(['fakturor']);
      expect(report.total.done).toBe(20);
      expect(report.total.hoursFreed).toBeCloseTo(1, 10);
      expect(report.total.runHours).toBeCloseTo(0.25, 10);
      expect(report.topReasons.map((r) => [r.code, r.count])).toEqual([
        ['FASTIGHET_MISSING', 1],
        ['PNR_INVALID', 1],
      ]);
      expect((await allRows(store, report)).every((r) => r.bot === 'fakturor')).toBe(true);
    });

    it('streams per-item rows across pages whose minutes sum to the totals', async () => {
      const report = await march(store);
      const rows = await allRows(store, report, 7);
      expect(rows).toHaveLength(EXPECTED.total.done + EXPECTED.total.exceptions);
      expect(new Set(rows.map((r) => `${r.bot}/${r.key}`)).size).toBe(rows.length);
      expect(rows.reduce((n, r) => n + r.minutesFreed, 0)).toBe(report.total.minutesFreed);
      expect(rows.reduce((n, r) => n + r.exceptionMinutes, 0)).toBe(report.total.exceptionMinutes);
      const failed = rows.find((r) => r.status === 'failed')!;
      expect(failed).toMatchObject({
        bot: 'bygglov',
        manualMinutes: 12,
        minutesFreed: 0,
        exceptionMinutes: 12,
        errorCode: 'KANSLIST_TIMEOUT',
      });
      expect(rows.every((r) => r.finishedAt >= report.period.from && r.finishedAt < report.period.to)).toBe(true);
      // Done first, then handled, review, failed; each in the order the items settled.
      const order = ['done', 'handled', 'review', 'failed'];
      const sorted = [...rows].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.finishedAt - b.finishedAt);
      expect(rows.map((r) => [r.status, r.finishedAt])).toEqual(sorted.map((r) => [r.status, r.finishedAt]));
    });

    it('counts the items of a bot whose definition is gone, but not their minutes, and says so', async () => {
      const report = await march(store, { baselines: { fakturor: BASELINES.fakturor! } });
      expect(report.missingBaselines).toEqual(['bygglov']);
      expect(report.bots.find((b) => b.bot === 'bygglov')!.baseline).toBeNull();
      expect(report.total.done).toBe(30);
      expect(report.total.hoursFreed).toBeCloseTo(1, 10);
      const rows = await allRows(store, report);
      expect(rows.reduce((n, r) => n + r.minutesFreed, 0)).toBe(report.total.minutesFreed);
    });

    it('gives zeros and no rate for a period without items', async () => {
      const report = await computeTimeSaved(store.reports, {
        period: periodFromMonth('2025-06', TIME_ZONE),
        bucket: 'week',
        annualHours: annualHoursPerFte({}, { timeZone: 'Europe/Copenhagen', language: 'da' }),
        baselineOf: (bot) => BASELINES[bot],
      });
      expect(report.bots).toEqual([]);
      expect(report.total).toMatchObject({ done: 0, exceptions: 0, hoursFreed: 0, fte: 0, exceptionRate: null, runHours: 0 });
      expect(report.trend.every((p) => p.done === 0)).toBe(true);
      expect(report.topReasons).toEqual([]);
      expect(await allRows(store, report)).toEqual([]);
    });
  });
}
