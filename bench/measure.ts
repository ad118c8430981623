/**
 * What one benchmark run measured, and the arithmetic on it. Kept apart from the runners so that
 * both contestants are measured by the same definitions.
 */
export type Contestant = 'plain' | 'framework';

export interface Measurement {
  scenario: string;
  contestant: Contestant;
  workers: number;
  latencyMs: number;
  items: number;
  /** Repetition number (1-based) within the scenario. */
  rep: number;
  /** Whether this contestant ran first or second in its repetition (the order alternates). */
  position: 1 | 2;
  /** The whole call: reading the input, browser launch, logins, items, browser close (and the store, for the framework). */
  wallMs: number;
  /** From the moment the workers start (browser up, input read) to the last item's end: logins and items. */
  workMs: number;
  /** CPU time of the whole run per item: Node (runner, Playwright, CaseHub) and Chromium with its renderers. */
  cpuMsPerItem: number;
  /** items / workMs, per minute. */
  itemsPerMin: number;
  /** workMs / items: the effective time per item at this concurrency. */
  msPerItem: number;
  /** Median of the single items' durations (first click to receipt; the framework's includes its own bookkeeping). */
  medianItemMs: number;
  /** Every application registered in CaseHub exactly once, and the contestant read back each case number. */
  exactlyOnce: boolean;
  problems: string[];
}

export interface RawRun {
  wallMs: number;
  cpuMs: number;
  workStartedAt: number;
  workEndedAt: number;
  itemDurationsMs: number[];
  problems: string[];
}

export function measurement(
  base: Omit<Measurement, 'wallMs' | 'workMs' | 'cpuMsPerItem' | 'itemsPerMin' | 'msPerItem' | 'medianItemMs' | 'exactlyOnce' | 'problems'>,
  raw: RawRun,
): Measurement {
  const workMs = Math.max(1, raw.workEndedAt - raw.workStartedAt);
  return {
    ...base,
    wallMs: raw.wallMs,
    workMs,
    cpuMsPerItem: round(raw.cpuMs / base.items, 0),
    itemsPerMin: round((base.items / workMs) * 60_000, 1),
    msPerItem: round(workMs / base.items, 0),
    medianItemMs: round(median(raw.itemDurationsMs), 0),
    exactlyOnce: raw.problems.length === 0,
    problems: raw.problems,
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Relative difference of `value` against `baseline`, in percent (positive = slower/more). */
export function percentOver(value: number, baseline: number): number {
  return round(((value - baseline) / baseline) * 100, 1);
}
