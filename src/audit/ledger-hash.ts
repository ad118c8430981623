/**
 * The hashes that tie chains together: a head's MAC (so a head moved to an earlier record no longer
 * matches) and the ledger entries' hash chain (so a deleted, added or reordered chain shows). Like
 * the records', they are HMAC-SHA-256 with the audit key and plain SHA-256 without: without the key
 * an insider can recompute them, which only an external checkpoint then catches.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditLedgerTable } from '../store/index.ts';

/** The head format written since migration 009: seq and hash plus a MAC over them. */
export const AUTHENTICATED_HEAD = 2;

export function headMac(runId: string, seq: number, hash: string, key: Buffer | null): string {
  return digest(JSON.stringify(['kanslist-head-v2', runId, seq, hash]), key);
}

export function ledgerHash(e: Omit<AuditLedgerTable, 'hash'>, key: Buffer | null): string {
  return digest(JSON.stringify(['kanslist-ledger-v1', e.seq, e.at, e.kind, e.chain_id, e.chain_seq, e.chain_hash, e.prev_hash]), key);
}

export function digest(text: string, key: Buffer | null): string {
  const h = key === null ? createHash('sha256') : createHmac('sha256', key);
  return h.update(text, 'utf8').digest('hex');
}
