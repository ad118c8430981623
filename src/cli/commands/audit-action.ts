/** What `kanslist audit verify|export|person|checkpoint` do, loaded only when one of them runs. */
import { join } from 'node:path';
import { checkpointFile, checkpointNow } from '../../audit/checkpoint-publish.ts';
import { createLogger } from '../../log/logger.ts';
import {
  auditKeyFromEnv,
  exportRun,
  recordsForPerson,
  storeVerified,
  verifyRun,
  verifyStore,
  type StoreVerification,
  type VerifyResult,
} from '../../audit/trail.ts';
import { ConfigError } from '../../errors.ts';
import type { Store } from '../../store/index.ts';
import { EXIT_NOT_ALL_DONE } from '../exit-codes.ts';
import { localTime, printJson, printTable } from '../table.ts';
import { withStore } from '../with-store.ts';

export function runAuditVerify(runRef: string | undefined, o: { all?: boolean; db?: string; json?: boolean }): Promise<void> {
  if ((runRef === undefined) === !o.all) {
    throw new ConfigError('KANSLIST_USAGE', 'Give either a run id or --all to `audit verify`.', {
      remedy: 'e.g. `kanslist audit verify --all`',
    });
  }
  const key = auditKeyFromEnv();
  return withStore(o.db, async (store, config) => {
    if (!o.all) {
      const results = [await verifyOne(store, runRef!, key)];
      if (o.json) printJson(results);
      else for (const { runId, result } of results) console.log(describe(runId, result, config.timeZone));
      if (results.some((r) => !r.result.ok)) process.exitCode = EXIT_NOT_ALL_DONE;
      return;
    }
    // With --all, also the chains against each other, the latest checkpoint, and the state tables against the trail.
    const file = config.audit?.checkpoint?.file;
    const v = await verifyStore(store, { key, checkpointFile: file === undefined ? undefined : checkpointFile(file, config.root) });
    if (o.json) printJson(v);
    else printStoreVerification(v, config.timeZone);
    if (!storeVerified(v)) process.exitCode = EXIT_NOT_ALL_DONE;
  });
}

function printStoreVerification(v: StoreVerification, timeZone: string): void {
  for (const { runId, result } of v.runs) console.log(describe(runId, result, timeZone));
  if (v.runs.length === 0) console.log('No audit records yet.');
  for (const p of v.ledger.problems) console.log(`LEDGER: ${p.kind} — ${p.detail}`);
  if (v.ledger.entries > 0 && v.ledger.problems.length === 0) console.log(`ledger of chains: OK (${v.ledger.entries} entries)`);
  if (v.checkpoint !== undefined) {
    for (const p of v.checkpoint.problems) console.log(`CHECKPOINT: ${p.kind} — ${p.detail}`);
    const latest = v.checkpoint.latest;
    if (latest === undefined) console.log('No checkpoint written yet: run `kanslist audit checkpoint`.');
    else if (v.checkpoint.problems.length === 0)
      console.log(`checkpoint of ${localTime(latest.at, timeZone)}: the store still holds ledger entry ${latest.ledgerSeq}.`);
  }
  for (const d of v.disagreements) console.log(`DISAGREES: ${d.kind} — ${d.detail}`);
  if (v.runs.length > 0 && v.disagreements.length === 0) console.log('runs and work_items agree with the audit trail.');
}

export function runAuditCheckpoint(o: { db?: string; json?: boolean }): Promise<void> {
  const key = auditKeyFromEnv();
  return withStore(o.db, async (store, config) => {
    const targets = config.audit?.checkpoint;
    if (targets === undefined) {
      throw new ConfigError('KANSLIST_AUDIT_CHECKPOINT_UNSET', 'No checkpoint destination is configured.', {
        where: 'kanslist.config.ts',
        remedy:
          "Set audit: { checkpoint: { file: '/mnt/worm/kanslist.ckpt' } } (and/or log: true, webhook: { url }) — see docs/operators.md, Audit.",
      });
    }
    const log =
      targets.log === true
        ? createLogger({ level: 'info', dir: join(config.paths.var, 'logs'), timeZone: config.timeZone, console: false })
        : undefined;
    try {
      const { checkpoint, written } = await checkpointNow(store, targets, key, { root: config.root, log });
      if (o.json) printJson({ checkpoint, written });
      else
        console.log(`Checkpoint at ledger entry ${checkpoint.ledgerSeq} (${checkpoint.chains} chains) written to ${written.join(', ')}.`);
    } finally {
      await log?.flush();
    }
  });
}

async function verifyOne(store: Store, runRef: string, key: Buffer | null): Promise<{ runId: string; result: VerifyResult }> {
  const runId = await resolveRun(store, runRef);
  return { runId, result: await verifyRun(store, runId, { key }) };
}

function describe(runId: string, result: VerifyResult, timeZone: string): string {
  // Purged records verify through their data's digest; the auditor is told that their values are gone.
  const purged =
    result.purged === undefined
      ? ''
      : `; personal fields of ${result.purged.records} purged, last on ${localTime(result.purged.lastAt, timeZone)} by ${result.purged.by.join(', ')}`;
  if (result.ok) return `run ${runId}: OK (${result.records} records${purged})`;
  const b = result.firstBroken;
  return `run ${runId}: BROKEN at record ${b.seq}: ${b.problem} — ${b.detail} (${result.records} records stored${purged})`;
}

export function runAuditExport(
  runRef: string,
  o: { format: 'jsonl' | 'xlsx'; out?: string; personal?: boolean; db?: string },
): Promise<void> {
  return withStore(o.db, async (store, config) => {
    const runId = await resolveRun(store, runRef);
    const out = o.out ?? join(config.paths.var, 'audit', `${runId}.${o.format}`);
    await exportRun(store, runId, o.format, out, { personal: o.personal === true });
    console.log(`Wrote the audit trail of run ${runId} to ${out}`);
  });
}

export function runAuditPerson(idNumber: string, o: { db?: string; json?: boolean }): Promise<void> {
  return withStore(o.db, async (store, config) => {
    const records = await recordsForPerson(store, idNumber);
    if (o.json) return printJson(records);
    printTable(
      records.map((r) => ({
        time: localTime(r.at, config.timeZone),
        run: r.runId,
        bot: r.bot,
        item: r.itemKey ?? r.itemId,
        kind: r.kind,
        target: r.data.target,
        action: r.data.action,
        // The person's values in a purged record are gone; that it happened, and when it was purged, stays.
        purged: r.purged === null ? '' : `purged ${localTime(r.purged.at, config.timeZone)}`,
      })),
      ['time', 'run', 'bot', 'item', 'kind', 'target', 'action', 'purged'],
    );
  });
}

/** A run id or unique prefix from the runs table; a run known only to the audit trail by its exact id. */
async function resolveRun(store: Store, ref: string): Promise<string> {
  const run = await store.runs.get(ref);
  if (run !== undefined) return run.id;
  if ((await store.audit.head(ref)) !== undefined || (await store.audit.records(ref)).length > 0) return ref;
  throw new ConfigError('KANSLIST_RUN_UNKNOWN', `There is no run "${ref}".`, { remedy: 'See `kanslist runs`.' });
}
