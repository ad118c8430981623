/**
 * Audit records as the rest of Kanslist sees them (camelCase, data parsed), and the access-request
 * query: every record about one person across runs.
 */
import type { AuditRow, Store } from '../store/index.ts';
import { purgedSubject } from './trail-hash.ts';
import { lookupForms } from './trail-subjects.ts';

export const AUDIT_KINDS = [
  'run.start',
  'run.end',
  'item.transition',
  'ui.action',
  'ui.navigation',
  'ui.dialog',
  'ui.drift',
  'ui.popup',
  'ui.interstitial',
  'session.login',
  'session.logout',
  'evidence',
  'exception',
  // Scheduler decisions (fired, skipped, missed, caught-up, preflight-failed) and operator actions on schedules.
  'schedule.decision',
  'schedule.operator',
  // A preflight check of a system's screens, and an alert raised to operations.
  'preflight',
  'alert',
  // What a person did in the control room (who, in which role, with their note), and its logins.
  'control.action',
  'control.login',
  // A purge of what was past its retention period (what, how much, under which rule; never a value).
  'retention.purge',
  // A robot password rotation: started, and how it ended (system, account, step reached; never a password).
  'vault.rotation',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditRecord {
  runId: string;
  seq: number;
  /** Epoch milliseconds. */
  at: number;
  kind: AuditKind;
  itemId: string | null;
  itemKey: string | null;
  bot: string;
  botVersion: string;
  host: string;
  data: Record<string, unknown>;
  /** Normalised identity numbers the record concerns (12 digits Swedish, 10 digits CPR). */
  subjects: string[];
  prevHash: string | null;
  hash: string;
  /** Set once a purge replaced the record's personal fields (data and subjects) by their digests. */
  purged: { at: number; by: string | null } | null;
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    runId: row.run_id,
    seq: row.seq,
    at: row.at,
    kind: row.kind as AuditKind,
    itemId: row.item_id,
    itemKey: row.item_key,
    bot: row.bot,
    botVersion: row.bot_version,
    host: row.host,
    data: parseData(row.data),
    subjects: row.subjects,
    prevHash: row.prev_hash,
    hash: row.hash,
    purged: row.purged_at === null ? null : { at: row.purged_at, by: row.purged_by },
  };
}

/** A tampered data column must not make a listing or export crash: show it as it is. */
function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { unparsable: text };
  }
}

/** Every record about one person, oldest first; accepts any personnummer/samordningsnummer/CPR form. */
export async function recordsForPerson(store: Store, idNumber: string): Promise<AuditRecord[]> {
  // A purged record keeps only its subjects' digests: look the person up under those too.
  const forms = lookupForms(idNumber);
  const rows = await store.audit.recordsForSubjects([...forms, ...forms.map(purgedSubject)]);
  return rows.map(toAuditRecord);
}
