/**
 * The store side of the ledger of chains (migration 009): appending entries under a lock so two
 * runners never take the same seq or hash onto the same predecessor, and reading it back. Hashing
 * is the caller's (src/audit/ledger-hash.ts): the sealer is called inside the lock, once the
 * entry's seq and predecessor are known.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Engine } from './types.ts';

export type AuditLedgerTable = {
  seq: number;
  at: number;
  /** open: a chain was created; close: a chain was closed at chain_seq/chain_hash; adopt: a chain older than the ledger. */
  kind: string;
  chain_id: string;
  chain_seq: number;
  chain_hash: string | null;
  prev_hash: string | null;
  hash: string;
};

export type LedgerEntryKind = 'open' | 'close' | 'adopt';

export interface LedgerAppend {
  kind: LedgerEntryKind;
  chainId: string;
  chainSeq: number;
  chainHash: string | null;
  at: number;
}

/** Computes an entry's hash from every other field. */
export type LedgerSealer = (entry: Omit<AuditLedgerTable, 'hash'>) => string;

type LedgerTables = {
  audit_ledger: AuditLedgerTable;
  audit_heads: { run_id: string; seq: number; hash: string; format: number; mac: string | null };
};

/**
 * Appends entries in order inside the caller's write transaction. The first append to an empty
 * ledger first adopts every chain that already has a head (chains written before the ledger), so
 * deleting one of those later shows too.
 */
export async function appendLedger(tx: Kysely<Database>, engine: Engine, entries: LedgerAppend[], seal: LedgerSealer): Promise<void> {
  if (entries.length === 0) return;
  const db = tx.withTables<LedgerTables>();
  // SQLite's write transaction already holds the database's only write lock (BEGIN IMMEDIATE).
  // PostgreSQL: every append of every runner waits for the one before it (appends happen twice per
  // chain, so the wait is short). A table lock rather than an advisory lock, because advisory keys
  // are database-wide: two installations in two schemas of one database would wait for each other.
  // EXCLUSIVE still lets readers (verify, the control room) read the ledger meanwhile.
  if (engine === 'postgres') await sql`lock table audit_ledger in exclusive mode`.execute(tx);
  const last = await db.selectFrom('audit_ledger').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last === undefined ? 0 : Number(last.seq);
  let prev = last?.hash ?? null;
  const pending = last === undefined ? [...(await adoptions(db, entries)), ...entries] : entries;
  for (const entry of pending) {
    seq += 1;
    const fields = {
      seq,
      at: entry.at,
      kind: entry.kind,
      chain_id: entry.chainId,
      chain_seq: entry.chainSeq,
      chain_hash: entry.chainHash,
      prev_hash: prev,
    };
    const hash = seal(fields);
    await db
      .insertInto('audit_ledger')
      .values({ ...fields, hash })
      .execute();
    prev = hash;
  }
}

async function adoptions(db: Kysely<Database & LedgerTables>, entries: LedgerAppend[]): Promise<LedgerAppend[]> {
  const at = entries[0]!.at;
  const opening = new Set(entries.map((e) => e.chainId));
  const heads = await db.selectFrom('audit_heads').select(['run_id', 'seq', 'hash']).orderBy('run_id').execute();
  return heads
    .filter((h) => !opening.has(h.run_id))
    .map((h) => ({ kind: 'adopt', chainId: h.run_id, chainSeq: Number(h.seq), chainHash: h.hash, at }));
}

export async function readLedger(db: Kysely<Database>): Promise<AuditLedgerTable[]> {
  const rows = await db.withTables<LedgerTables>().selectFrom('audit_ledger').selectAll().orderBy('seq').execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq), at: Number(r.at), chain_seq: Number(r.chain_seq) }));
}
