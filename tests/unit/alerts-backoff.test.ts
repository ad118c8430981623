/** The pause between webhook attempts: doubling from the base, jittered within the upper half, capped. */
import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_BACKOFF_MS } from '../../src/alerts/index.ts';

describe('alerts: backoff', () => {
  it('doubles with each failed attempt, between half and all of base·2^(n−1)', () => {
    const lowest = [1, 2, 3, 4].map((n) => backoffDelay(n, 1000, () => 0));
    const highest = [1, 2, 3, 4].map((n) => backoffDelay(n, 1000, () => 0.999999));
    expect(lowest).toEqual([500, 1000, 2000, 4000]);
    expect(highest).toEqual([1000, 2000, 4000, 8000]);
  });

  it('spreads retries of alerts that failed together', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(3, 1000, random)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('never waits longer than the cap, however many attempts are configured', () => {
    expect(backoffDelay(40, 1000, () => 0.999999)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
  });
});
