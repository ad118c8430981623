/**
 * A small seeded pseudo-random number generator (mulberry32).
 *
 * Fixtures and synthetic data must be reproducible: the same seed always yields the same
 * sequence, so a failing test or benchmark can be replayed exactly. Not for cryptography.
 */
export type Rng = () => number;

/** Returns a function yielding floats in [0, 1), deterministic for `seed`. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max] inclusive. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick(): cannot pick from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}
