/**
 * Delivering one alert body to the webhook: a JSON POST per attempt, each bounded by its own
 * timeout, retried with backoff while the failure may pass (no answer, a refused connection, a
 * 5xx, 408 or 429). Any other 4xx means the webhook rejects this body: retrying cannot help.
 */
import { backoffDelay } from './backoff.ts';

export interface DeliveryOptions {
  url: string;
  headers: Record<string, string>;
  attempts: number;
  timeoutMs: number;
  backoffMs: number;
  fetch: typeof fetch;
  random?: () => number;
  /** Called after each failed attempt that will be retried (for a debug log line). */
  onRetry?: (attempt: number, problem: string, delayMs: number) => void;
}

export type DeliveryResult = { delivered: true; attempts: number } | { delivered: false; attempts: number; problem: string };

export async function deliver(body: string, o: DeliveryOptions): Promise<DeliveryResult> {
  const attempts = Math.max(1, Math.floor(o.attempts));
  let problem = 'not attempted';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const outcome = await attemptOnce(body, o);
    if (outcome.ok) return { delivered: true, attempts: attempt };
    problem = outcome.problem;
    if (!outcome.retry || attempt === attempts) return { delivered: false, attempts: attempt, problem };
    const delay = backoffDelay(attempt, o.backoffMs, o.random);
    o.onRetry?.(attempt, problem, delay);
    await pause(delay);
  }
  return { delivered: false, attempts, problem };
}

type AttemptOutcome = { ok: true } | { ok: false; retry: boolean; problem: string };

async function attemptOnce(body: string, o: DeliveryOptions): Promise<AttemptOutcome> {
  try {
    const response = await o.fetch(o.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'kanslist-alerts', ...o.headers },
      body,
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    // The answer's body is not needed; dropping it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return { ok: true };
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    return { ok: false, retry, problem: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, retry: true, problem: describeFailure(error, o.timeoutMs) };
  }
}

/** Words for the log; never the URL (a webhook URL often embeds its token). */
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = e?.cause?.code;
  if (typeof code === 'string') return `connection failed (${code})`;
  return e?.message ? `request failed (${e.message})` : 'request failed';
}

/** Unref'd: a pending retry never keeps a finished command alive (flush() is how to wait for it). */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
