/**
 * Lets idle workers wait for a condition — "another worker finished an item" or "the next
 * retry becomes due" — instead of polling the queue.
 */
export class WorkSignal {
  private waiters: Array<() => void> = [];
  inFlight = 0;

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves on the next notify(), when `untilMs` passes (a retry becomes due), or on abort. */
  wait(untilMs: number | undefined, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      if (untilMs !== undefined) timer = setTimeout(done, Math.max(0, untilMs - Date.now()));
      signal.addEventListener('abort', done, { once: true });
      this.waiters.push(done);
    });
  }
}
