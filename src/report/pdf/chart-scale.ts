/**
 * The y axis of a chart: a range that starts at zero (bars must, and lines read more honestly that
 * way) and ends on a round value, with gridlines every 1, 2 or 5 × 10^n so the labels are numbers a
 * reader can add up in their head.
 */
export interface AxisScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** A step of 1, 2, 5 or 10 × 10^n close to `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Scale covering every finite value and zero, with about `targetTicks` gridlines. For counts
 * (`integers`) the step is at least 1: an axis of 0, 0.2 … 1 items makes no sense.
 */
export function niceScale(values: number[], targetTicks = 5, options: { integers?: boolean } = {}): AxisScale {
  const finite = values.filter((value) => Number.isFinite(value));
  // reduce, not Math.min(...values): a spread of a very long series overflows the call stack.
  let low = finite.reduce((min, value) => Math.min(min, value), 0);
  let high = finite.reduce((max, value) => Math.max(max, value), 0);
  if (low === high) high = low + 1;
  const rough = niceStep((high - low) / Math.max(1, targetTicks));
  const step = options.integers ? Math.max(1, rough) : rough;
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 shows as 0.3 on the axis.
  const decimals = stepDecimals(step);
  for (let tick = low; tick <= high + step / 2; tick += step) ticks.push(Number(tick.toFixed(decimals)));
  return { min: low, max: high, step, ticks };
}

/** Decimals a tick label needs to tell ticks `step` apart: 0 for 1, 2, 5…; 1 for 0.2; 2 for 0.05. */
export function stepDecimals(step: number): number {
  return Number.isFinite(step) && step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 0;
}
