/**
 * The external checkpoint: the ledger of chains' latest entry (seq and hash), written somewhere an
 * insider with database access cannot reach. A store rolled back to an earlier copy, or a ledger
 * whose tail was cut and recomputed, no longer holds the entry the checkpoint names.
 *
 * A checkpoint is one JSON line; a checkpoint file only grows (append-only suits WORM storage), and
 * the latest is the one naming the highest ledger entry. With the audit key it carries a MAC.
 */
import { readFile } from 'node:fs/promises';
import type { Store } from '../store/index.ts';
import { digest } from './ledger-hash.ts';
import type { ChainProblem } from './ledger-verify.ts';

const FORMAT = 'kanslist-audit-checkpoint-v1';

export interface Checkpoint {
  format: typeof FORMAT;
  /** Epoch ms when it was taken. */
  at: number;
  /** The ledger's last entry then (0 and null on an empty ledger). */
  ledgerSeq: number;
  ledgerHash: string | null;
  /** Chains on the ledger then, for the reader. */
  chains: number;
  /** HMAC-SHA-256 with the audit key (SHA-256 without) over the fields above. */
  mac: string;
}

export async function takeCheckpoint(store: Store, key: Buffer | null, now: number = Date.now()): Promise<Checkpoint> {
  const entries = await store.audit.ledger();
  const last = entries.at(-1);
  const fields = {
    format: FORMAT,
    at: now,
    ledgerSeq: last?.seq ?? 0,
    ledgerHash: last?.hash ?? null,
    chains: new Set(entries.map((e) => e.chain_id)).size,
  } as const;
  return { ...fields, mac: checkpointMac(fields, key) };
}

function checkpointMac(c: Omit<Checkpoint, 'mac'>, key: Buffer | null): string {
  return digest(JSON.stringify([c.format, c.at, c.ledgerSeq, c.ledgerHash, c.chains]), key);
}

/**
 * The latest checkpoint in a checkpoint file, or undefined when the file does not exist yet. Lines
 * that are not checkpoints, or whose MAC does not match, are named as problems and not used.
 */
export async function readLatestCheckpoint(
  file: string,
  key: Buffer | null,
): Promise<{ latest: Checkpoint | undefined; problems: ChainProblem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { latest: undefined, problems: [] };
    return {
      latest: undefined,
      problems: [
        {
          kind: 'checkpoint unreadable',
          detail: `the checkpoint file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): nothing to compare the store with`,
        },
      ],
    };
  }
  let latest: Checkpoint | undefined;
  const problems: ChainProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const c = parse(line);
    if (c === undefined || c.mac !== checkpointMac(c, key)) {
      const hint = key === null ? ' (if it was written with KANSLIST_AUDIT_KEY, verify with the same key)' : '';
      problems.push({
        kind: 'checkpoint unreadable',
        detail: `line ${i + 1} of the checkpoint file ${file} is not a valid checkpoint: it was changed or is not one${hint}`,
      });
      return;
    }
    if (latest === undefined || c.ledgerSeq >= latest.ledgerSeq) latest = c;
  });
  return { latest, problems };
}

function parse(line: string): Checkpoint | undefined {
  try {
    const c = JSON.parse(line) as Partial<Checkpoint>;
    const ok =
      c.format === FORMAT &&
      typeof c.at === 'number' &&
      typeof c.ledgerSeq === 'number' &&
      (typeof c.ledgerHash === 'string' || c.ledgerHash === null) &&
      typeof c.chains === 'number' &&
      typeof c.mac === 'string';
    return ok ? (c as Checkpoint) : undefined;
  } catch {
    return undefined;
  }
}

/** The store must still hold the ledger entry the checkpoint names, unchanged. */
export async function compareWithCheckpoint(store: Store, checkpoint: Checkpoint): Promise<ChainProblem[]> {
  if (checkpoint.ledgerSeq === 0) return [];
  const entries = await store.audit.ledger();
  const when = new Date(checkpoint.at).toISOString();
  const entry = entries.find((e) => e.seq === checkpoint.ledgerSeq);
  if (entry === undefined) {
    const last = entries.at(-1)?.seq ?? 0;
    return [
      {
        kind: 'behind checkpoint',
        entry: checkpoint.ledgerSeq,
        detail: `the checkpoint of ${when} names ledger entry ${checkpoint.ledgerSeq}, but the store's ledger ends at entry ${last}: the store was rolled back or truncated`,
      },
    ];
  }
  if (entry.hash !== checkpoint.ledgerHash) {
    return [
      {
        kind: 'checkpoint mismatch',
        chainId: entry.chain_id,
        entry: entry.seq,
        detail: `ledger entry ${entry.seq} is not the one the checkpoint of ${when} recorded: the store was rolled back to another copy or its ledger was rewritten`,
      },
    ];
  }
  return [];
}
