/**
 * Alerts to operations: failed runs, failed preflights, new items in review, target drift.
 * Each goes to the operator log at once and, when configured, to a webhook (docs/alerts.md).
 */

export const ALERT_KINDS = ['run-failed', 'run-timed-out', 'system-unavailable', 'preflight-failed', 'review-items', 'drift'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertSeverity = 'error' | 'warning';

export interface Alert {
  kind: AlertKind;
  schedule?: string;
  bot?: string;
  runId?: string;
  system?: string;
  /** One line for a human, already free of secrets and personal numbers (redacted again anyway). */
  message: string;
  /** Small JSON-like facts (counts, codes, targets). Redacted; an Error is reduced to name, code and message. */
  details?: Record<string, unknown>;
  /** Epoch ms. @default Date.now() */
  at?: number;
}

export interface AlertDeliveryCounts {
  /** Alerts the webhook accepted (2xx). */
  delivered: number;
  /** Alerts given up: every attempt failed, or the webhook refused the body (4xx). */
  failed: number;
  /** Alerts still being delivered when flush() returned. */
  pending: number;
}

export interface Alerter {
  /** Never throws, never blocks: logs the alert at once (warn/error) and delivers to the webhook in the background, retrying with backoff. */
  raise(alert: Alert): void;
  /** Waits up to timeoutMs for deliveries in flight (shutdown). Resolves with the totals so far. @default timeoutMs 10000 */
  flush(timeoutMs?: number): Promise<AlertDeliveryCounts>;
}

/** The JSON body POSTed to the webhook: the alert as raised, with its severity, organisation and machine. */
export interface WebhookBody extends Omit<Alert, 'at'> {
  source: 'kanslist';
  organisation: string;
  severity: AlertSeverity;
  /** ISO 8601, UTC. */
  at: string;
  /** The machine that raised it. */
  host: string;
}
