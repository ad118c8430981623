/**
 * `kanslist audit verify --all` in one function: every chain, the ledger of chains against them,
 * the latest external checkpoint against the ledger, and the state tables against the trail.
 * Whatever an insider changed, added, cut, deleted or rolled back is named here.
 */
import type { Store } from '../store/index.ts';
import { compareWithCheckpoint, readLatestCheckpoint, type Checkpoint } from './checkpoint.ts';
import { crossCheck, type Disagreement } from './cross-check.ts';
import { verifyLedger, type ChainProblem } from './ledger-verify.ts';
import { verifyAll, type VerifyResult } from './trail-verify.ts';

export interface StoreVerification {
  runs: Array<{ runId: string; result: VerifyResult }>;
  /** The ledger of chains: how many entries, and every problem with it or with the chains it lists. */
  ledger: { entries: number; problems: ChainProblem[] };
  /** The latest checkpoint compared (undefined when no checkpoint file is configured or none was written yet). */
  checkpoint: { latest: Checkpoint | undefined; problems: ChainProblem[] } | undefined;
  disagreements: Disagreement[];
}

export interface VerifyStoreOptions {
  key?: Buffer | null | undefined;
  /** The checkpoint file to compare with (absolute path). */
  checkpointFile?: string | undefined;
}

export async function verifyStore(store: Store, options: VerifyStoreOptions = {}): Promise<StoreVerification> {
  const key = options.key ?? null;
  const runs = await verifyAll(store, { key });
  const chainIds = runs.map((r) => r.runId);
  const ledger = await verifyLedger(store, chainIds, key);
  let checkpoint: StoreVerification['checkpoint'];
  if (options.checkpointFile !== undefined) {
    const read = await readLatestCheckpoint(options.checkpointFile, key);
    const compared = read.latest === undefined ? [] : await compareWithCheckpoint(store, read.latest);
    checkpoint = { latest: read.latest, problems: [...read.problems, ...compared] };
  }
  const disagreements = await crossCheck(store, chainIds);
  return { runs, ledger, checkpoint, disagreements };
}

/** True when anything at all was found wrong. */
export function storeVerified(v: StoreVerification): boolean {
  return (
    v.runs.every((r) => r.result.ok) &&
    v.ledger.problems.length === 0 &&
    (v.checkpoint?.problems.length ?? 0) === 0 &&
    v.disagreements.length === 0
  );
}
