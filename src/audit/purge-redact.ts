/**
 * What a purge leaves of a payload and of an audit record's data. A payload keeps its field names
 * (a reviewer still sees what the item held) with every value replaced by the marker. An audit
 * record keeps what describes the action — target, strategy, action, from/to status, codes,
 * numbers — and loses every other text: values typed, dialog messages, reasons, outputs.
 */
import { canonicalJson } from './trail-hash.ts';

export const PURGED_MARKER = '[purged]';

/** Keys whose text describes what was done, never whom it concerned. */
const KEPT_KEYS = new Set([
  'target',
  'strategy',
  'action',
  'from',
  'to',
  'attempt',
  'worker',
  'status',
  'code',
  'system',
  'type',
  'kind',
  'failedStrategy',
  'matchedStrategy',
  'trigger',
  'outcome',
  'role',
  'decision',
  'schedule',
  'bot',
  'environment',
]);

/** Anything that looks like an identity number, valid or not (a typo of a number is still personal). */
const NUMBER_LIKE = /\d{6}[-+ ]?\d{4}/;

/** The payload with every field's value replaced by the marker (a non-object payload becomes the marker). */
export function purgedPayload(payloadJson: string): string {
  let value: unknown;
  try {
    value = JSON.parse(payloadJson);
  } catch {
    return JSON.stringify(PURGED_MARKER);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(PURGED_MARKER);
  return JSON.stringify(Object.fromEntries(Object.keys(value).map((k) => [k, PURGED_MARKER])));
}

/** The record's data with its personal texts replaced; the same text when nothing in it is personal. */
export function purgedRecordData(dataJson: string): string {
  let value: unknown;
  try {
    value = JSON.parse(dataJson);
  } catch {
    return canonicalJson({ purged: PURGED_MARKER });
  }
  return canonicalJson(redact(value, undefined));
}

function redact(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') return key !== undefined && KEPT_KEYS.has(key) && !NUMBER_LIKE.test(value) ? value : PURGED_MARKER;
  if (Array.isArray(value)) return value.map((v) => redact(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}
