/**
 * The store against its trail. A chain that verifies proves the trail is what was written; it does
 * not prove that the state tables still say what the trail recorded. Someone with database access
 * can set an item to done with a made-up case number, delete an item, or rewrite a run's status
 * without touching a single audit record. This check reads the trail and names every such
 * disagreement:
 *
 * - a run the trail started is gone from `runs`, or its status is not the one its run.end recorded,
 *   or its summary's status or outcomes are not the ones run.end recorded, or it ended (not crashed) but its trail has no end: the chain's tail was cut and its head moved;
 * - an item the trail moved is gone from `work_items`;
 * - an item is done with an output the trail never recorded, or done with no record of it at all.
 *
 * Items a person closed outside a run (`handled`, requeued) are not judged by it: only `done`,
 * the state that claims work was carried out in the system, must be on the trail.
 */
import type { AuditRow, Store, WorkItem } from '../store/index.ts';
import { PURGE_RECORD_KIND } from './purge-kind.ts';
import { redactDeep } from '../redact/redact.ts';
import { canonicalJson } from './trail-hash.ts';

export type DisagreementKind =
  | 'run missing'
  | 'run status'
  | 'run summary'
  | 'run end missing'
  | 'item missing'
  | 'done without record'
  | 'output rewritten'
  | 'purge unrecorded';

export interface Disagreement {
  kind: DisagreementKind;
  runId?: string;
  itemId?: string;
  detail: string;
}

interface ItemOnTrail {
  key: string | null;
  runId: string;
  /** The output of the latest transition to done, as recorded (canonical JSON); undefined when it never became done. */
  doneOutput?: string;
}

const DONE_PAGE = 5_000;
const PURGED = '\u0000purged';

export async function crossCheck(store: Store, runIds: string[]): Promise<Disagreement[]> {
  const found: Disagreement[] = [];
  const items = new Map<string, ItemOnTrail>();
  const purges = new PurgeTally();
  // 1. Runs: each started run still in `runs`, with the status its end recorded.
  for (const runId of runIds) {
    const records = await store.audit.records(runId);
    const start = records.find((r) => r.kind === 'run.start');
    const end = records.findLast((r) => r.kind === 'run.end');
    if (start) {
      const run = await store.runs.get(runId).catch(() => undefined);
      if (!run || run.id !== runId)
        found.push({
          kind: 'run missing',
          runId,
          detail: `run ${runId} is on the audit trail but not in the runs table: its row was deleted`,
        });
      else if (end) {
        const recorded = (JSON.parse(end.data) as { status?: string }).status;
        if (recorded !== undefined && recorded !== run.status) {
          found.push({
            kind: 'run status',
            runId,
            detail: `run ${runId} is "${run.status}" in the runs table, but its end was recorded as "${recorded}"`,
          });
        }
        const summary = summaryDisagrees(run.summary, JSON.parse(end.data) as RecordedEnd);
        if (summary !== undefined)
          found.push({
            kind: 'run summary',
            runId,
            detail: `run ${runId}'s summary in the runs table says ${summary}, not what its end recorded`,
          });
      } else if (run.status !== 'running' && run.status !== 'crashed') {
        // A run that ended writes run.end in the same flush as its last records; only a dead process leaves none.
        found.push({
          kind: 'run end missing',
          runId,
          detail: `run ${runId} is "${run.status}", but its audit trail has no end record: the tail of its chain was cut`,
        });
      }
    }
    // 2. What the trail says happened to each item, in chain order (runs are read oldest first).
    for (const record of records) {
      purges.count(runId, record);
      if (record.kind !== 'item.transition' || record.item_id === null) continue;
      const data = JSON.parse(record.data) as { to?: string; output?: unknown };
      const seen = items.get(record.item_id) ?? { key: record.item_key, runId };
      // A purged record's output is gone: the item's being done is still on the trail, its output no longer comparable.
      if (data.to === 'done') seen.doneOutput = record.purged_at !== null ? PURGED : canonicalJson(redactDeep(data.output ?? null));
      seen.runId = runId;
      items.set(record.item_id, seen);
    }
  }
  found.push(...purges.disagreements());
  // 3. Items the trail moved are still there, and a done one carries the output that was recorded.
  for (const [itemId, seen] of items) {
    const item = await store.queue.get(itemId);
    if (!item) {
      found.push({
        kind: 'item missing',
        runId: seen.runId,
        itemId,
        detail: `item ${seen.key ?? itemId} (${itemId}) is on the audit trail but not in work_items: it was deleted`,
      });
      continue;
    }
    if (item.status === 'done') checkDone(item, seen, found);
  }
  // 4. Items done with no record of it anywhere on the trail.
  for (let offset = 0; ; offset += DONE_PAGE) {
    const done = await store.queue.list({ status: 'done', limit: DONE_PAGE, offset });
    for (const item of done) if (!items.has(item.id)) checkDone(item, undefined, found);
    if (done.length < DONE_PAGE) break;
  }
  return found;
}

type RecordedEnd = { status?: unknown; outcomes?: unknown };

/** The summary's status and outcome counts are what reports show: they must be what run.end recorded. */
function summaryDisagrees(summary: unknown, end: RecordedEnd): string | undefined {
  if (summary === null || typeof summary !== 'object') return undefined;
  const s = summary as RecordedEnd;
  if (end.status !== undefined && s.status !== undefined && s.status !== end.status) return `status ${JSON.stringify(s.status)}`;
  if (end.outcomes !== undefined && s.outcomes !== undefined && canonicalJson(s.outcomes) !== canonicalJson(end.outcomes))
    return `outcomes ${canonicalJson(s.outcomes)}`;
  return undefined;
}

/**
 * A purged record verifies through the digest stored with it, so marking an intact record "purged"
 * by hand would let its data be rewritten unseen. Each purge records how many records of each run
 * it purged (on its own chain): the records marked purged must add up to exactly that.
 */
class PurgeTally {
  readonly #recorded = new Map<string, number>();
  readonly #marked = new Map<string, number>();

  count(runId: string, record: AuditRow): void {
    if (record.kind === PURGE_RECORD_KIND) {
      const perRun = (JSON.parse(record.data) as { auditRecordsPerRun?: Record<string, number> }).auditRecordsPerRun ?? {};
      for (const [run, n] of Object.entries(perRun)) add(this.#recorded, `${runId}\u0000${run}`, n);
    }
    if (record.purged_at !== null) add(this.#marked, `${record.purged_by ?? ''}\u0000${runId}`, 1);
  }

  disagreements(): Disagreement[] {
    const found: Disagreement[] = [];
    for (const key of new Set([...this.#recorded.keys(), ...this.#marked.keys()])) {
      const [purgeId, runId] = key.split('\u0000') as [string, string];
      const recorded = this.#recorded.get(key) ?? 0;
      const marked = this.#marked.get(key) ?? 0;
      if (recorded !== marked) {
        found.push({
          kind: 'purge unrecorded',
          runId,
          detail: `run ${runId} has ${marked} audit records marked purged by "${purgeId || '(none)'}", but that purge recorded ${recorded}: records were marked purged by hand`,
        });
      }
    }
    return found;
  }
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function checkDone(item: WorkItem, seen: ItemOnTrail | undefined, found: Disagreement[]): void {
  if (seen?.doneOutput === undefined) {
    found.push({
      kind: 'done without record',
      itemId: item.id,
      detail: `item ${item.key} (${item.id}) is done in work_items, but the audit trail never recorded it done`,
    });
    return;
  }
  if (seen.doneOutput === PURGED) return;
  const stored = canonicalJson(redactDeep(item.output ?? null));
  if (stored !== seen.doneOutput) {
    found.push({
      kind: 'output rewritten',
      runId: seen.runId,
      itemId: item.id,
      detail: `item ${item.key} (${item.id}) is done with an output the audit trail did not record (recorded ${seen.doneOutput}, stored ${stored})`,
    });
  }
}
