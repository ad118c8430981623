/**
 * The ledger's own audit chain: one per scheduler process (or operator command), so two
 * schedulers never append to the same chain. Its id names who kept it and since when.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { auditKeyFromEnv, openAuditTrail, type AuditTrail } from '../audit/trail.ts';
import type { Store } from '../store/index.ts';

export interface LedgerChain {
  chainId: string;
  trail: AuditTrail;
}

export interface LedgerChainOptions {
  owner: string;
  /** @default the key from KANSLIST_AUDIT_KEY / KANSLIST_AUDIT_KEY_FILE, as `kanslist audit verify` uses */
  auditKey?: Buffer | null;
  /** @default os.hostname() */
  host?: string;
  /** When the chain starts (part of its id). @default Date.now() */
  startedAt?: number;
}

export function schedulerChainId(owner: string, startedAt: number): string {
  return `scheduler:${owner}:${new Date(startedAt).toISOString()}`;
}

export async function openLedgerChain(store: Store, options: LedgerChainOptions): Promise<LedgerChain> {
  const chainId = schedulerChainId(options.owner, options.startedAt ?? Date.now());
  const key = options.auditKey === undefined ? auditKeyFromEnv() : options.auditKey;
  const trail = await openAuditTrail(
    store,
    { runId: chainId, bot: 'scheduler', botVersion: kanslistVersion(), host: options.host ?? hostname() },
    { key },
  );
  return { chainId, trail };
}

let version: string | undefined;

/** Kanslist's own version from its package.json; 'scheduler' if it cannot be read (a bundle). */
function kanslistVersion(): string {
  if (version !== undefined) return version;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    version = typeof pkg.version === 'string' ? `kanslist ${pkg.version}` : 'scheduler';
  } catch {
    version = 'scheduler';
  }
  return version;
}
