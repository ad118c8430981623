/** Alerts to operations: the log at once, and a webhook with retries in the background. */
export { createAlerter, type CreateAlerterOptions } from './alerter.ts';
export { alertBody, severityOf } from './body.ts';
export { backoffDelay, MAX_BACKOFF_MS } from './backoff.ts';
export {
  ALERT_KINDS,
  type Alert,
  type AlertKind,
  type AlertSeverity,
  type Alerter,
  type AlertDeliveryCounts,
  type WebhookBody,
} from './types.ts';
