/**
 * Verifying the ledger of chains against itself and against the chains in the store: every entry's
 * hash recomputed, seq counting 1..n, each entry carrying the hash of the one before; every chain
 * on the ledger still in the store, every chain in the store on the ledger, a chain opened on the
 * ledger with an authenticated head, and a closed chain still reaching the record it closed at.
 */
import type { AuditHeadTable, AuditLedgerTable, Store } from '../store/index.ts';
import { AUTHENTICATED_HEAD, ledgerHash } from './ledger-hash.ts';

export type ChainProblemKind =
  | 'ledger entry missing'
  | 'ledger entry changed'
  | 'ledger reordered'
  | 'chain deleted'
  | 'chain not on ledger'
  | 'chain cut'
  | 'head unauthenticated'
  | 'behind checkpoint'
  | 'checkpoint mismatch'
  | 'checkpoint unreadable';

export interface ChainProblem {
  kind: ChainProblemKind;
  chainId?: string;
  /** The ledger entry concerned, when one is. */
  entry?: number;
  detail: string;
}

interface ChainOnLedger {
  opened: AuditLedgerTable;
  /** Adopted chains were written before heads were authenticated. */
  adopted: boolean;
  lastClose?: AuditLedgerTable;
}

/** `chainIds`: every chain with records or a head (what verifyAll verified). */
export async function verifyLedger(
  store: Store,
  chainIds: string[],
  key: Buffer | null,
): Promise<{ entries: number; problems: ChainProblem[] }> {
  const entries = await store.audit.ledger();
  const problems: ChainProblem[] = [];
  const broken = firstBrokenEntry(entries, key);
  if (broken !== undefined) problems.push(broken);
  const onLedger = chainsOnLedger(entries);
  const heads = new Map((await store.audit.heads()).map((h) => [h.run_id, h]));
  const inStore = new Set(chainIds);
  for (const [chainId, chain] of onLedger) {
    if (!inStore.has(chainId)) {
      problems.push({
        kind: 'chain deleted',
        chainId,
        entry: chain.opened.seq,
        detail: `chain ${chainId} is on the ledger (entry ${chain.opened.seq}, ${new Date(chain.opened.at).toISOString()}) but has no records and no head: it was deleted`,
      });
      continue;
    }
    const head = heads.get(chainId);
    if (head === undefined) continue; // verifyRun already names a chain whose head was removed.
    if (!chain.adopted && head.format !== AUTHENTICATED_HEAD) {
      problems.push({
        kind: 'head unauthenticated',
        chainId,
        detail: `chain ${chainId} was opened on the ledger with an authenticated head, but its head now has none: it was rewritten`,
      });
    }
    const cut = chain.lastClose === undefined ? undefined : await cutTail(store, chainId, chain.lastClose, head);
    if (cut !== undefined) problems.push(cut);
  }
  for (const chainId of chainIds) {
    if (onLedger.has(chainId)) continue;
    // Before the first chain since migration 009 the ledger is empty and older chains are not on it yet.
    const head = heads.get(chainId);
    if (entries.length > 0 || head?.format === AUTHENTICATED_HEAD) {
      problems.push({
        kind: 'chain not on ledger',
        chainId,
        detail: `chain ${chainId} is in the store but not on the ledger of chains: it was added by hand, or its ledger entries were deleted`,
      });
    }
  }
  return { entries: entries.length, problems };
}

function firstBrokenEntry(entries: AuditLedgerTable[], key: Buffer | null): ChainProblem | undefined {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const expected = i + 1;
    if (e.seq > expected)
      return {
        kind: 'ledger entry missing',
        entry: expected,
        detail: `ledger entry ${expected} is missing: the next stored entry is ${e.seq}`,
      };
    if (ledgerHash(e, key) !== e.hash) {
      const hint = key === null ? ' (if the trail was written with KANSLIST_AUDIT_KEY, verify with the same key)' : '';
      return {
        kind: 'ledger entry changed',
        chainId: e.chain_id,
        entry: e.seq,
        detail: `ledger entry ${e.seq} (${e.kind} of chain ${e.chain_id}) does not match its hash: it was changed${hint}`,
      };
    }
    const prev = i === 0 ? null : entries[i - 1]!.hash;
    if (e.prev_hash !== prev) {
      const follows = entries.find((o) => o.hash === e.prev_hash);
      const detail =
        follows === undefined
          ? `ledger entry ${e.seq} does not carry the hash of entry ${e.seq - 1}`
          : `ledger entry ${e.seq} follows entry ${follows.seq}, not entry ${e.seq - 1}: entries were deleted or moved`;
      return { kind: 'ledger reordered', chainId: e.chain_id, entry: e.seq, detail };
    }
  }
  return undefined;
}

function chainsOnLedger(entries: AuditLedgerTable[]): Map<string, ChainOnLedger> {
  const chains = new Map<string, ChainOnLedger>();
  for (const e of entries) {
    const known = chains.get(e.chain_id);
    if (known === undefined)
      chains.set(e.chain_id, { opened: e, adopted: e.kind === 'adopt', ...(e.kind === 'close' ? { lastClose: e } : {}) });
    else if (e.kind === 'close') known.lastClose = e;
  }
  return chains;
}

/** A chain closed at record n must still hold record n with the hash the ledger recorded. */
async function cutTail(store: Store, chainId: string, close: AuditLedgerTable, head: AuditHeadTable): Promise<ChainProblem | undefined> {
  const at = `entry ${close.seq}`;
  if (head.seq < close.chain_seq) {
    return {
      kind: 'chain cut',
      chainId,
      entry: close.seq,
      detail: `chain ${chainId} was closed at record ${close.chain_seq} (ledger ${at}), but its head now names record ${head.seq}: its tail was cut and the head moved`,
    };
  }
  const hash = head.seq === close.chain_seq ? head.hash : (await store.audit.records(chainId)).find((r) => r.seq === close.chain_seq)?.hash;
  if (hash !== close.chain_hash) {
    return {
      kind: 'chain cut',
      chainId,
      entry: close.seq,
      detail: `chain ${chainId} no longer holds record ${close.chain_seq} as it was when closed (ledger ${at}): its records were replaced`,
    };
  }
  return undefined;
}
