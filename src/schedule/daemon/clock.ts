/**
 * Time for the scheduler. Everything that waits in the daemon waits through a Clock, so the loop
 * never polls: it sleeps until the next planned instant, and an AbortSignal wakes it at once.
 * `ManualClock` is a clock whose time moves only when told, for simulations and tests of
 * calendars, daylight saving and downtime without waiting for real time.
 */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves at `at` (or at once when `at` has passed) or when the signal aborts. Never rejects. */
  sleepUntil(at: number, signal: AbortSignal): Promise<void>;
}

/** setTimeout's largest delay (about 24.8 days); longer sleeps are made of several timers. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleepUntil(at: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const arm = () => {
        const left = at - Date.now();
        if (left <= 0) return done();
        // Timers may fire a millisecond early; re-arming until `at` has really passed keeps
        // "sleep until the fire" exact without a polling loop.
        timer = setTimeout(arm, Math.min(left + 1, MAX_TIMER_MS));
      };
      signal.addEventListener('abort', done, { once: true });
      arm();
    });
  },
};

interface Sleeper {
  at: number;
  /** A plain function (not a method): it is also the abort listener. */
  wake: () => void;
}

/** A clock moved by hand: `set`/`advance` wake every sleeper whose instant has come. */
export class ManualClock implements Clock {
  #now: number;
  #sleepers = new Set<Sleeper>();
  #watchers: Array<{ test: () => boolean; resolve(): void }> = [];

  constructor(start: number | Date) {
    this.#now = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }

  sleepUntil(at: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted || at <= this.#now) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const sleeper: Sleeper = {
        at,
        wake: () => {
          this.#sleepers.delete(sleeper);
          signal.removeEventListener('abort', sleeper.wake);
          resolve();
          this.#notify();
        },
      };
      this.#sleepers.add(sleeper);
      signal.addEventListener('abort', sleeper.wake, { once: true });
      this.#notify();
    });
  }

  /** Moves time to `at` (never backwards) and wakes the sleepers whose instant has come. */
  set(at: number | Date): void {
    const to = typeof at === 'number' ? at : at.getTime();
    if (to < this.#now)
      throw new RangeError(`ManualClock cannot go back from ${new Date(this.#now).toISOString()} to ${new Date(to).toISOString()}`);
    this.#now = to;
    for (const sleeper of [...this.#sleepers]) if (sleeper.at <= to) sleeper.wake();
  }

  advance(ms: number): void {
    this.set(this.#now + ms);
  }

  /** The instants sleepers wait for, earliest first. */
  pending(): number[] {
    return [...this.#sleepers].map((s) => s.at).sort((a, b) => a - b);
  }

  /** Resolves once `count` sleepers (optionally only those waiting for exactly `at`) are waiting. */
  waitForSleepers(count: number, at?: number): Promise<void> {
    const test = () => [...this.#sleepers].filter((s) => at === undefined || s.at === at).length >= count;
    if (test()) return Promise.resolve();
    return new Promise<void>((resolve) => this.#watchers.push({ test, resolve }));
  }

  #notify(): void {
    this.#watchers = this.#watchers.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }
}
