/**
 * The audit trail's hash: SHA-256, or HMAC-SHA-256 with a key, over a canonical serialisation of
 * every field of a record — including its seq and the previous record's hash, so that a changed,
 * removed, moved or inserted record breaks the chain.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditRecordTable } from '../store/audit.ts';

/** Bumped if the serialisation ever changes, so old chains keep verifying under the old rules. */
const FORMAT = 'kanslist-audit-v1';

/** The fields a record's hash covers: the stored row (without its own hash) plus its subjects. */
export type HashedFields = Omit<AuditRecordTable, 'hash'> & { subjects: readonly string[] };

/** A JSON array in fixed field order: JSON.stringify of an array is deterministic. */
export function canonicalRecord(r: HashedFields): string {
  return JSON.stringify([
    FORMAT, r.run_id, r.seq, r.at, r.kind, r.item_id, r.item_key, r.bot, r.bot_version, r.host, r.data,
    [...r.subjects].sort(), r.prev_hash,
  ]);
}

export function recordHash(r: HashedFields, key: Buffer | null): string {
  const text = canonicalRecord(r);
  const h = key === null ? createHash('sha256') : createHmac('sha256', key);
  return h.update(text, 'utf8').digest('hex');
}

/**
 * JSON with object keys sorted at every level and undefined left out, so the same data always
 * gives the same text (and hash) whatever order its keys were built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}
