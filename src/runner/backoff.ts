/** Exponential backoff with full jitter, so workers retrying a busy system do not retry in step. */
export interface BackoffOptions {
  /** @default 500 */
  baseMs?: number;
  /** @default 30000 */
  maxMs?: number;
  random?: () => number;
}

export function retryDelayMs(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (options.random ?? Math.random)() * (ceiling / 2));
}
