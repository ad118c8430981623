/**
 * The audit trail's hash: SHA-256, or HMAC-SHA-256 with a key, over a canonical serialisation of
 * every field of a record — including its seq and the previous record's hash, so that a changed,
 * removed, moved or inserted record breaks the chain.
 *
 * Format 1 hashes the data and the subjects (identity numbers) as they are: a record can then never
 * lose them without breaking its chain. Format 2 (every record written since retention exists)
 * hashes a SHA-256 digest of the data and of each subject instead, decided at write time, so a purge
 * can replace the values by their digests and the chain still verifies. Old chains keep format 1.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditRecordTable } from '../store/audit.ts';

const FORMATS = { 1: 'kanslist-audit-v1', 2: 'kanslist-audit-v2' } as const;
/** The format new records are written in. */
export const CURRENT_FORMAT = 2;
/** A purged subject is stored as this prefix and its digest: access requests still find the record. */
export const SUBJECT_DIGEST_PREFIX = '#';

type Purgeable = 'format' | 'data_digest' | 'purged_at' | 'purged_by';

/** The fields a record's hash covers: the stored row (without its own hash) plus its subjects. */
export type HashedFields = Omit<AuditRecordTable, 'hash' | Purgeable> &
  Partial<Pick<AuditRecordTable, Purgeable>> & { subjects: readonly string[] };

/** A JSON array in fixed field order: JSON.stringify of an array is deterministic. */
export function canonicalRecord(r: HashedFields): string {
  if (r.format === 2) {
    const data = r.purged_at != null && r.data_digest != null ? r.data_digest : sha256(r.data);
    return JSON.stringify([
      FORMATS[2],
      r.run_id,
      r.seq,
      r.at,
      r.kind,
      r.item_id,
      r.item_key,
      r.bot,
      r.bot_version,
      r.host,
      data,
      r.subjects.map(subjectDigest).sort(),
      r.prev_hash,
    ]);
  }
  return JSON.stringify([
    FORMATS[1],
    r.run_id,
    r.seq,
    r.at,
    r.kind,
    r.item_id,
    r.item_key,
    r.bot,
    r.bot_version,
    r.host,
    r.data,
    [...r.subjects].sort(),
    r.prev_hash,
  ]);
}

export function recordHash(r: HashedFields, key: Buffer | null): string {
  const text = canonicalRecord(r);
  const h = key === null ? createHash('sha256') : createHmac('sha256', key);
  return h.update(text, 'utf8').digest('hex');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A subject's digest, whether it is stored in clear or already purged to its digest. */
export function subjectDigest(subject: string): string {
  return subject.startsWith(SUBJECT_DIGEST_PREFIX) ? subject.slice(SUBJECT_DIGEST_PREFIX.length) : sha256(subject);
}

/** What a purged subject is stored as. */
export function purgedSubject(subject: string): string {
  return `${SUBJECT_DIGEST_PREFIX}${subjectDigest(subject)}`;
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
