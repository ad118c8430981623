/** What `kanslist audit verify|export|person` do, loaded only when one of them runs. */
import { join } from 'node:path';
import { auditKeyFromEnv, crossCheck, exportRun, recordsForPerson, verifyAll, verifyRun, type VerifyResult } from '../../audit/trail.ts';
import { ConfigError } from '../../errors.ts';
import type { Store } from '../../store/index.ts';
import { EXIT_NOT_ALL_DONE } from '../exit-codes.ts';
import { localTime, printJson, printTable } from '../table.ts';
import { withStore } from '../with-store.ts';

export function runAuditVerify(runRef: string | undefined, o: { all?: boolean; db?: string; json?: boolean }): Promise<void> {
  if ((runRef === undefined) === !o.all) {
    throw new ConfigError('KANSLIST_USAGE', 'Give either a run id or --all to `audit verify`.', { remedy: 'e.g. `kanslist audit verify --all`' });
  }
  const key = auditKeyFromEnv();
  return withStore(o.db, async (store, config) => {
    const results = o.all ? await verifyAll(store, { key }) : [await verifyOne(store, runRef!, key)];
    // With --all, also the state tables against the trail: what the store says must be what was recorded.
    const disagreements = o.all ? await crossCheck(store, results.map((r) => r.runId)) : [];
    if (o.json) printJson(o.all ? { runs: results, disagreements } : results);
    else {
      for (const { runId, result } of results) console.log(describe(runId, result, config.timeZone));
      for (const d of disagreements) console.log(`DISAGREES: ${d.kind} — ${d.detail}`);
      if (o.all && results.length > 0 && disagreements.length === 0) console.log('runs and work_items agree with the audit trail.');
    }
    if (!o.json && results.length === 0) console.log('No audit records yet.');
    if (results.some((r) => !r.result.ok) || disagreements.length > 0) process.exitCode = EXIT_NOT_ALL_DONE;
  });
}

async function verifyOne(store: Store, runRef: string, key: Buffer | null): Promise<{ runId: string; result: VerifyResult }> {
  const runId = await resolveRun(store, runRef);
  return { runId, result: await verifyRun(store, runId, { key }) };
}

function describe(runId: string, result: VerifyResult, timeZone: string): string {
  // Purged records verify through their data's digest; the auditor is told that their values are gone.
  const purged = result.purged === undefined ? '' : `; personal fields of ${result.purged.records} purged, last on ${localTime(result.purged.lastAt, timeZone)} by ${result.purged.by.join(', ')}`;
  if (result.ok) return `run ${runId}: OK (${result.records} records${purged})`;
  const b = result.firstBroken;
  return `run ${runId}: BROKEN at record ${b.seq}: ${b.problem} — ${b.detail} (${result.records} records stored${purged})`;
}

export function runAuditExport(runRef: string, o: { format: 'jsonl' | 'xlsx'; out?: string; personal?: boolean; db?: string }): Promise<void> {
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
        time: localTime(r.at, config.timeZone), run: r.runId, bot: r.bot, item: r.itemKey ?? r.itemId, kind: r.kind, target: r.data.target, action: r.data.action,
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
