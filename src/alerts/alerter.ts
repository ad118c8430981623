/**
 * createAlerter: the one way Kanslist tells operations that something needs a person.
 *
 * raise() does two things and returns: it logs the alert (error for failed or timed-out runs and
 * failed preflights, warn otherwise), and, when a webhook is configured, starts delivering it in
 * the background. A webhook that is down, slow or broken never delays or fails the caller; an
 * alert that could not be delivered is logged as such.
 */
import { hostname } from 'node:os';
import type { Logger } from '../log/logger.ts';
import { registerSecret } from '../redact/redact.ts';
import type { KanslistConfig } from '../config/config.ts';
import { alertBody } from './body.ts';
import { deliver, type DeliveryResult } from './deliver.ts';
import type { Alert, AlertDeliveryCounts, Alerter, WebhookBody } from './types.ts';

export interface CreateAlerterOptions {
  /** Only `alerts` and `organisation` are read (a LoadedConfig will do). */
  config: Pick<KanslistConfig, 'alerts' | 'organisation'>;
  log: Logger;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default config.organisation */
  organisation?: string;
  /** The pause after the first failed attempt; doubled after each further one (with jitter). @default 1000 */
  backoffMs?: number;
  /** @default os.hostname() */
  host?: string;
  /** For jitter. @default Math.random */
  random?: () => number;
}

const DEFAULT_BACKOFF_MS = 1000;
const DEFAULT_FLUSH_MS = 10_000;

export function createAlerter(options: CreateAlerterOptions): Alerter {
  const { config, log } = options;
  const webhook = config.alerts.webhook;
  const organisation = options.organisation ?? config.organisation;
  const host = options.host ?? hostname();
  // The webhook URL (its path is often the token) and its header values (an Authorization) are secrets too.
  if (webhook !== undefined) for (const value of [webhook.url, ...Object.values(webhook.headers ?? {})]) registerSecret(value);
  const inFlight = new Set<Promise<void>>();
  const totals = { delivered: 0, failed: 0 };

  function send(body: WebhookBody): void {
    if (webhook === undefined) return;
    const delivery = deliver(JSON.stringify(body), {
      url: webhook.url,
      headers: webhook.headers ?? {},
      attempts: config.alerts.attempts,
      timeoutMs: config.alerts.timeoutMs,
      backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
      fetch: options.fetch ?? globalThis.fetch,
      random: options.random,
      onRetry: (attempt, problem, delayMs) =>
        log.debug(`Alert delivery attempt ${attempt} failed (${problem}); retrying in ${delayMs} ms`, {
          alert: body.kind,
          webhook: where(webhook.url),
        }),
    })
      .catch((error: unknown): DeliveryResult => ({
        delivered: false,
        attempts: 0,
        problem: `delivery crashed (${(error as Error)?.message ?? String(error)})`,
      }))
      .then((result) => settle(body, result))
      .finally(() => inFlight.delete(delivery));
    inFlight.add(delivery);
  }

  function settle(body: WebhookBody, result: DeliveryResult): void {
    if (result.delivered) {
      totals.delivered++;
      log.debug(`Alert delivered to the webhook (attempt ${result.attempts})`, { alert: body.kind, webhook: where(webhook!.url) });
      return;
    }
    totals.failed++;
    log.error(
      `Alert could not be delivered to the webhook after ${result.attempts} attempt(s): ${result.problem}. The alert was: ${body.message}`,
      {
        alert: body.kind,
        webhook: where(webhook!.url),
        ...context(body),
      },
    );
  }

  return {
    raise(alert: Alert): void {
      try {
        const body = alertBody(alert, { organisation, host, now: Date.now() });
        const line = `Alert (${body.kind}): ${body.message}`;
        const meta = { alert: body.kind, ...context(body), ...(body.details === undefined ? {} : { details: body.details }) };
        if (body.severity === 'error') log.error(line, meta);
        else log.warn(line, meta);
        send(body);
      } catch {
        // An alert must never break the run or the scheduler that raises it; the log itself failed here.
      }
    },

    async flush(timeoutMs: number = DEFAULT_FLUSH_MS): Promise<AlertDeliveryCounts> {
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
        await Promise.race([Promise.allSettled([...inFlight]), timeout]);
        clearTimeout(timer);
      }
      if (inFlight.size > 0)
        log.warn(`${inFlight.size} alert(s) were still being delivered when the wait ended`, {
          webhook: webhook === undefined ? undefined : where(webhook.url),
        });
      return { ...totals, pending: inFlight.size };
    },
  };
}

function context(body: WebhookBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['schedule', 'bot', 'runId', 'system'] as const) if (body[key] !== undefined) out[key] = body[key];
  return out;
}

/** The webhook's origin only: its path and query often hold the token that lets anyone post. */
function where(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid webhook URL)';
  }
}
