/**
 * The breaker: when the system itself is down (unreachable, refusing logins, the same error page
 * for every item), retrying item after item only burns their attempts and locks accounts. After
 * `threshold` different items failing in a row with the same system exception, the run stops claiming, backs off
 * and probes the system with a login; when a probe gets through, the workers go on. When every
 * probe fails, the run ends 'system-unavailable' with its items pending and their attempts intact.
 */
export interface BreakerOptions {
  /** Different items failing in a row with one code that open the breaker (one item failing again and again is that item's problem; a flaky system fails a few in a row now and then). @default 5 */
  threshold?: number;
  /** Logins tried before the run gives up on the system. @default 3 */
  probes?: number;
  /** Wait before the first probe; each next one waits twice as long. @default 5000 */
  firstProbeDelayMs?: number;
}

export interface BreakerVerdict {
  code: string;
  reason: string;
  probes: number;
}

export const BREAKER_DEFAULTS = { threshold: 5, probes: 3, firstProbeDelayMs: 5_000 } as const;

/** The breaker's settings for a system from `systems.<name>.unavailable` in the config; what a caller passes wins. */
export function breakerOptionsFor(
  configured: { afterFailures?: number; probes?: number; firstProbeDelayMs?: number } | undefined,
  given: BreakerOptions | undefined,
): BreakerOptions {
  const fromConfig: BreakerOptions = {
    ...(configured?.afterFailures === undefined ? {} : { threshold: configured.afterFailures }),
    ...(configured?.probes === undefined ? {} : { probes: configured.probes }),
    ...(configured?.firstProbeDelayMs === undefined ? {} : { firstProbeDelayMs: configured.firstProbeDelayMs }),
  };
  const passed = Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value !== undefined));
  return { ...fromConfig, ...passed };
}

export class SystemBreaker {
  readonly #threshold: number;
  readonly #probes: number;
  readonly #firstDelayMs: number;
  readonly #probe: () => Promise<void>;
  readonly #onUnavailable: (verdict: BreakerVerdict) => void;
  readonly #stop: AbortSignal;
  /** The items of the current run of failures with one code. */
  #streak = new Set<string>();
  #code: string | undefined;
  #reason = '';
  #closed: Promise<void> | undefined;

  constructor(
    options: BreakerOptions & { probe: () => Promise<void>; onUnavailable: (verdict: BreakerVerdict) => void; stop: AbortSignal },
  ) {
    this.#threshold = options.threshold ?? BREAKER_DEFAULTS.threshold;
    this.#probes = options.probes ?? BREAKER_DEFAULTS.probes;
    this.#firstDelayMs = options.firstProbeDelayMs ?? BREAKER_DEFAULTS.firstProbeDelayMs;
    this.#probe = options.probe;
    this.#onUnavailable = options.onUnavailable;
    this.#stop = options.stop;
  }

  get open(): boolean {
    return this.#closed !== undefined;
  }

  /** A system exception of one item. True when the breaker is (now) open: the item goes back to pending, uncharged. */
  recordFailure(itemId: string, code: string, reason: string): boolean {
    if (this.open) return true;
    if (code !== this.#code) this.#streak.clear();
    this.#streak.add(itemId);
    this.#code = code;
    this.#reason = reason;
    if (this.#streak.size < this.#threshold) return false;
    this.#closed = this.#probeUntilBack().finally(() => {
      this.#closed = undefined;
      this.#streak.clear();
    });
    return true;
  }

  /** An item done (or a business exception): the system answers, so the streak starts over. */
  recordSuccess(): void {
    this.#streak.clear();
    this.#code = undefined;
  }

  /** Resolves at once while the breaker is closed; else when a probe got through or the run stops. */
  async whenClosed(): Promise<void> {
    await this.#closed;
  }

  async #probeUntilBack(): Promise<void> {
    for (let attempt = 0; attempt < this.#probes; attempt++) {
      if (!(await delay(this.#firstDelayMs * 2 ** attempt, this.#stop))) return;
      try {
        await this.#probe();
        return;
      } catch (error) {
        if (error instanceof Error) this.#reason = error.message.split('\n')[0] ?? this.#reason;
      }
    }
    this.#onUnavailable({ code: this.#code ?? 'KANSLIST_UNEXPECTED', reason: this.#reason, probes: this.#probes });
  }
}

/** Waits `ms` (a backoff between probes); false when the run was stopped meanwhile. */
function delay(ms: number, stop: AbortSignal): Promise<boolean> {
  if (stop.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop.removeEventListener('abort', onStop);
      resolve(true);
    }, ms);
    const onStop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    stop.addEventListener('abort', onStop, { once: true });
  });
}
