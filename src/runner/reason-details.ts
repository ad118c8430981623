/**
 * The reason details kept with a failed item, made safe to store: every text in them goes through
 * redact(), like the English reason does, because a bot author's translation or a parameter could
 * carry an identity number or a secret.
 */
import { redact } from '../redact/redact.ts';
import { errorDetails, type ReasonDetails, type ReasonParams } from '../errors.ts';

export function redactedErrorDetails(error: unknown): ReasonDetails | null {
  const details = errorDetails(error);
  return details === null ? null : redactDetails(details);
}

export function redactDetails(details: ReasonDetails): ReasonDetails {
  const out: ReasonDetails = {};
  if (details.params) out.params = redactParams(details.params);
  if (details.messages)
    out.messages = Object.fromEntries(Object.entries(details.messages).map(([lang, text]) => [lang, redact(String(text))]));
  if (details.parts) out.parts = details.parts.map((part) => ({ code: part.code, params: redactParams(part.params) }));
  return out;
}

function redactParams(params: ReasonParams): ReasonParams {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? v : redact(String(v))]));
}
