/**
 * What an alert becomes before it leaves the process: its severity, and one redacted body that
 * the log line and the webhook both use — so neither can carry a secret or a personal number the
 * other would not.
 */
import { redact, redactDeep } from '../redact/redact.ts';
import type { Alert, AlertKind, AlertSeverity, WebhookBody } from './types.ts';

const ERROR_KINDS: ReadonlySet<AlertKind> = new Set(['run-failed', 'run-timed-out', 'system-unavailable', 'preflight-failed']);

export function severityOf(kind: AlertKind): AlertSeverity {
  return ERROR_KINDS.has(kind) ? 'error' : 'warning';
}

export function alertBody(alert: Alert, context: { organisation: string; host: string; now: number }): WebhookBody {
  const optional = (value: string | undefined) => (typeof value === 'string' ? redact(value) : undefined);
  const body: WebhookBody = {
    source: 'kanslist',
    organisation: context.organisation,
    kind: alert.kind,
    severity: severityOf(alert.kind),
    at: new Date(validTime(alert.at) ?? context.now).toISOString(),
    schedule: optional(alert.schedule),
    bot: optional(alert.bot),
    runId: optional(alert.runId),
    system: optional(alert.system),
    message: redact(String(alert.message ?? '')),
    details: alert.details === undefined ? undefined : (redactDeep(jsonSafe(alert.details)) as Record<string, unknown>),
    host: context.host,
  };
  // Absent fields are left out of the JSON rather than sent as null.
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as unknown as WebhookBody;
}

function validTime(at: number | undefined): number | undefined {
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}

/**
 * A plain JSON copy: cycles cut, Errors reduced to what an operator needs (their stack may hold
 * paths and values that do not belong in a chat channel), functions and bigints made printable.
 */
function jsonSafe(value: unknown): unknown {
  const seen = new WeakSet<object>();
  try {
    return JSON.parse(
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === 'bigint') return v.toString();
        if (typeof v === 'function' || typeof v === 'symbol') return undefined;
        if (v instanceof Error)
          return { name: v.name, message: v.message, ...('code' in v ? { code: (v as { code: unknown }).code } : {}) };
        if (v !== null && typeof v === 'object') {
          if (seen.has(v)) return '[circular]';
          seen.add(v);
        }
        return v;
      }),
    ) as unknown;
  } catch {
    return { unserialisable: true };
  }
}
