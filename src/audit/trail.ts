/**
 * The audit trail: an append-only, hash-chained record of every run, item transition and screen
 * action (DESIGN.md promise 3). Each record carries the previous record's hash and its own; the
 * run's head (last seq and hash) is kept so removing the last records is noticed too.
 *
 * Appends are numbered and chained synchronously, in call order — so several workers appending
 * at once still get one exact chain — and written in batches (every BATCH_SIZE records or
 * FLUSH_AFTER_MS, and on close), each batch in one transaction with the head. The head carries a
 * MAC, and the chain's first batch and its close are entries on the store-wide ledger of chains
 * (ledger-hash.ts), so a moved head or a whole deleted chain shows too.
 */
import type { AuditRow, BatchSeal, Store } from '../store/index.ts';
import { FatalBotError } from '../errors.ts';
import { headMac, ledgerHash } from './ledger-hash.ts';
import { canonicalJson, CURRENT_FORMAT, recordHash } from './trail-hash.ts';
import type { AuditKind } from './trail-records.ts';
import { collectSubjects } from './trail-subjects.ts';

export { auditKeyFromEnv } from './audit-key.ts';
export { AUDIT_KINDS, recordsForPerson, type AuditKind, type AuditRecord } from './trail-records.ts';
export { verifyAll, verifyRun, type VerifyProblem, type VerifyResult } from './trail-verify.ts';
export { crossCheck, type Disagreement, type DisagreementKind } from './cross-check.ts';
export { exportRun, type ExportOptions } from './trail-export.ts';
export { verifyStore, storeVerified, type StoreVerification } from './verify-store.ts';
export type { ChainProblem, ChainProblemKind } from './ledger-verify.ts';

export interface AuditIdentity {
  bot: string;
  /** Content hash of the bot and system map files. */
  botVersion: string;
  host: string;
  runId: string;
}

export interface AuditEntry {
  kind: AuditKind;
  itemId?: string | null;
  itemKey?: string | null;
  /** Target, strategy, action, value (already redacted where sensitive), from/to status, code, reason, path … */
  data?: Record<string, unknown>;
  /** Raw identity numbers the record concerns; normalised by the trail. */
  subjects?: string[];
  /** Epoch ms. @default Date.now() */
  at?: number;
}

export interface AuditTrail {
  /** Serialised: appends happen in call order even when several workers call at once. */
  append(entry: AuditEntry): Promise<void>;
  /** The hash of the last appended record (written or still buffered); null before the first. */
  head(): string | null;
  /** Writes what is buffered now (a person's action is on the trail before they are told it was done). */
  flush(): Promise<void>;
  /** Writes what is buffered. The trail cannot be appended to afterwards. */
  close(): Promise<void>;
}

const BATCH_SIZE = 50;
const FLUSH_AFTER_MS = 200;

/** A batch could not be written: the evidence is incomplete, so the run stops rather than carry on unrecorded. */
export class AuditWriteError extends FatalBotError {}

export async function openAuditTrail(store: Store, identity: AuditIdentity, options: { key?: Buffer | null } = {}): Promise<AuditTrail> {
  // Continue an existing chain (e.g. a trail reopened for the same run) rather than fork it.
  const existing = await store.audit.head(identity.runId);
  return new BufferedAuditTrail(store, identity, options.key ?? null, existing?.seq ?? 0, existing?.hash ?? null);
}

class BufferedAuditTrail implements AuditTrail {
  #seq: number;
  #head: string | null;
  #buffer: AuditRow[] = [];
  #writing: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #failure: AuditWriteError | undefined;
  #closed = false;
  /** No head yet: the first batch opens the chain on the ledger. */
  #opening: boolean;
  /** Where this trail started, so closing a trail that appended nothing leaves the ledger alone. */
  readonly #startSeq: number;

  constructor(
    private readonly store: Store,
    private readonly identity: AuditIdentity,
    private readonly key: Buffer | null,
    seq: number,
    head: string | null,
  ) {
    this.#seq = seq;
    this.#head = head;
    this.#opening = head === null;
    this.#startSeq = seq;
  }

  head(): string | null {
    return this.#head;
  }

  async append(entry: AuditEntry): Promise<void> {
    this.#throwIfUnusable();
    this.#buffer.push(this.#chain(entry));
    if (this.#buffer.length >= BATCH_SIZE) {
      await this.#flush();
      this.#throwIfUnusable();
    } else {
      // A timer to batch writes, not to wait: unref'd so it never keeps the process alive.
      this.#timer ??= setTimeout(() => void this.#flush(), FLUSH_AFTER_MS).unref();
    }
  }

  async flush(): Promise<void> {
    await this.#flush();
    this.#throwIfUnusable();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#flush();
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#seq === this.#startSeq || this.#head === null) return;
    // The chain's final head on the ledger: cutting its tail later no longer matches, whatever its head says.
    const entry = { kind: 'close' as const, chainId: this.identity.runId, chainSeq: this.#seq, chainHash: this.#head, at: Date.now() };
    try {
      await this.store.audit.appendLedger([entry], (e) => ledgerHash(e, this.key));
    } catch (error) {
      throw new AuditWriteError('KANSLIST_AUDIT_WRITE', `Could not record the chain's close on the ledger: ${(error as Error).message}`, {
        cause: error,
        where: `run ${this.identity.runId}, record ${this.#seq}`,
        remedy: 'Check the store is reachable and writable; the records themselves were written.',
      });
    }
  }

  /** Numbers and hashes the record now, synchronously, so call order is chain order. */
  #chain(entry: AuditEntry): AuditRow {
    const data = entry.data ?? {};
    const fields = {
      run_id: this.identity.runId,
      seq: this.#seq + 1,
      at: entry.at ?? Date.now(),
      kind: entry.kind,
      item_id: entry.itemId ?? null,
      item_key: entry.itemKey ?? null,
      bot: this.identity.bot,
      bot_version: this.identity.botVersion,
      host: this.identity.host,
      data: canonicalJson(data),
      subjects: collectSubjects(entry.subjects, data),
      prev_hash: this.#head,
      // Purgeable from the start: the hash covers digests of the data and subjects (trail-hash.ts).
      format: CURRENT_FORMAT,
      data_digest: null,
      purged_at: null,
      purged_by: null,
    };
    const hash = recordHash(fields, this.key);
    this.#seq = fields.seq;
    this.#head = hash;
    return { ...fields, hash };
  }

  /** Batches are written one after another, in order; a failed batch stops the trail. */
  #flush(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#buffer.splice(0);
    if (batch.length === 0) return this.#writing;
    const seal = this.#seal(batch.at(-1)!);
    this.#writing = this.#writing.then(async () => {
      if (this.#failure !== undefined) return;
      try {
        await this.store.audit.appendBatch(this.identity.runId, batch, seal);
      } catch (error) {
        this.#failure = new AuditWriteError(
          'KANSLIST_AUDIT_WRITE',
          `Could not write ${batch.length} audit records: ${(error as Error).message}`,
          {
            cause: error,
            where: `run ${this.identity.runId}, records ${batch[0]!.seq}–${batch.at(-1)!.seq}`,
            remedy: 'Check the store is reachable and writable; the run stops so no action goes unrecorded.',
          },
        );
      }
    });
    return this.#writing;
  }

  /** The head's MAC for the batch's last record; the first batch of a new chain also opens it on the ledger. */
  #seal(last: AuditRow): BatchSeal {
    const seal: BatchSeal = { headMac: headMac(this.identity.runId, last.seq, last.hash, this.key) };
    if (this.#opening) seal.ledger = { seal: (e) => ledgerHash(e, this.key), at: Date.now() };
    this.#opening = false;
    return seal;
  }

  #throwIfUnusable(): void {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#closed) {
      throw new AuditWriteError('KANSLIST_AUDIT_CLOSED', 'The audit trail was closed; nothing more can be appended', {
        where: `run ${this.identity.runId}`,
        remedy: 'Append every record before closing the trail (close it last in the run).',
      });
    }
  }
}
