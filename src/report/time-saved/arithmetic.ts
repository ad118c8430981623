/**
 * The time-saved arithmetic, on counts the database has already grouped. Pure functions: what is
 * computed here is exactly what the methodology section (docs/time-saved.md) says.
 *
 * - items done        = items whose final status is 'done' (the bot finished them)
 * - exceptions        = items whose final status is 'handled', 'review' or 'failed'
 * - exception rate    = exceptions / (done + exceptions)
 * - minutes freed     = done × manual minutes per item
 * - exception minutes = exceptions × manual minutes per item (a clerk still does them by hand);
 *                       shown next to the savings, never subtracted: they were not counted as freed
 * - FTE               = hours freed / annual hours per FTE (full-time working years)
 * - average FTE       = FTE ÷ (days in the period / 365.2425): the staff the bots stood in for
 */
import type { StatusCount } from '../../store/index.ts';

export interface BotBaseline {
  /** The bot's readable title. */
  title: string;
  /** A skilled clerk's minutes per item by hand (the bot definition's `manualMinutes`). */
  manualMinutes: number;
  /** How that was measured (the bot definition's `manualMinutesNote`). */
  manualMinutesNote: string;
}

export interface ItemTally {
  done: number;
  handled: number;
  review: number;
  failed: number;
  /** handled + review + failed */
  exceptions: number;
}

export interface TimeFigures extends ItemTally {
  /** exceptions / (done + exceptions); null when no item settled. */
  exceptionRate: number | null;
  minutesFreed: number;
  hoursFreed: number;
  exceptionMinutes: number;
  exceptionHours: number;
  fte: number;
  averageFte: number;
}

export const EMPTY_TALLY: Readonly<ItemTally> = { done: 0, handled: 0, review: 0, failed: 0, exceptions: 0 };

/** Adds grouped counts (any bots) into one tally. */
export function tally(counts: Iterable<Pick<StatusCount, 'status' | 'count'>>): ItemTally {
  const out: ItemTally = { ...EMPTY_TALLY };
  for (const { status, count } of counts) {
    out[status] += count;
    if (status !== 'done') out.exceptions += count;
  }
  return out;
}

export function exceptionRate(t: Pick<ItemTally, 'done' | 'exceptions'>): number | null {
  const settled = t.done + t.exceptions;
  return settled === 0 ? null : t.exceptions / settled;
}

export interface FteBasis {
  annualHours: number;
  /** Calendar days in the period (for the average FTE). */
  periodDays: number;
}

/** Days per year on average in the Gregorian calendar. */
export const DAYS_PER_YEAR = 365.2425;

export function hoursToFte(hours: number, basis: FteBasis): { fte: number; averageFte: number } {
  const fte = hours / basis.annualHours;
  return { fte, averageFte: basis.periodDays > 0 ? fte / (basis.periodDays / DAYS_PER_YEAR) : 0 };
}

/** One bot's figures: its counts times its own manual minutes. */
export function botFigures(t: ItemTally, manualMinutes: number, basis: FteBasis): TimeFigures {
  const minutesFreed = t.done * manualMinutes;
  const exceptionMinutes = t.exceptions * manualMinutes;
  return figures(t, minutesFreed, exceptionMinutes, basis);
}

/** Totals over bots: minutes add up bot by bot (each bot has its own baseline). */
export function sumFigures(
  parts: ReadonlyArray<{ tally: ItemTally; minutesFreed: number; exceptionMinutes: number }>,
  basis: FteBasis,
): TimeFigures {
  const t = { ...EMPTY_TALLY };
  let minutesFreed = 0;
  let exceptionMinutes = 0;
  for (const part of parts) {
    for (const key of Object.keys(t) as Array<keyof ItemTally>) t[key] += part.tally[key];
    minutesFreed += part.minutesFreed;
    exceptionMinutes += part.exceptionMinutes;
  }
  return figures(t, minutesFreed, exceptionMinutes, basis);
}

function figures(t: ItemTally, minutesFreed: number, exceptionMinutes: number, basis: FteBasis): TimeFigures {
  const hoursFreed = minutesFreed / 60;
  return {
    ...t,
    exceptionRate: exceptionRate(t),
    minutesFreed,
    hoursFreed,
    exceptionMinutes,
    exceptionHours: exceptionMinutes / 60,
    ...hoursToFte(hoursFreed, basis),
  };
}
