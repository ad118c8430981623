/**
 * Proposals that recent runs found, for targets a check cannot reach (a receipt that shows only
 * after a registration, a popup that needs a person looked up). A run puts its proposal on the
 * 'ui.drift' audit record when a fallback matched (src/ui/suggest.ts); the drift table says which
 * runs to read, so only their trails are opened. The newest proposal per target wins.
 */
import type { Store } from '../store/index.ts';
import { strategySource } from '../ui/suggest.ts';
import type { System } from '../ui/system.ts';
import type { TargetCheck } from './types.ts';

/** How many recent runs are looked at, and how many of those with drift in the system are read. */
const RECENT_RUNS = 50;
const RUNS_READ = 5;

export interface RunSuggestion {
  suggested: string;
  runId: string;
}

export async function recentRunSuggestions(store: Store, system: string): Promise<Map<string, RunSuggestion>> {
  const found = new Map<string, RunSuggestion>();
  let read = 0;
  for (const run of await store.runs.list({ limit: RECENT_RUNS })) {
    if (read >= RUNS_READ) break;
    if (!(await store.runs.drift(run.id)).some((d) => d.system === system)) continue;
    read++;
    const newestFirst = (await store.audit.records(run.id)).filter((r) => r.kind === 'ui.drift').reverse();
    for (const record of newestFirst) {
      const data = parse(record.data);
      if (data?.system !== system || typeof data.target !== 'string' || typeof data.suggested !== 'string') continue;
      if (!found.has(data.target)) found.set(data.target, { suggested: data.suggested, runId: run.id });
    }
  }
  return found;
}

/**
 * The check's targets, with a run's proposal for each one it could not check — unless the map
 * already starts with it (the patch was applied since).
 */
export function withRunSuggestions(
  targets: readonly TargetCheck[],
  system: System,
  fromRuns: ReadonlyMap<string, RunSuggestion>,
): TargetCheck[] {
  return targets.map((target) => {
    const run = fromRuns.get(target.path);
    if (target.status !== 'not-checked' || run === undefined || !system.targets.has(target.path)) return target;
    const first = system.target(target.path).strategies[0];
    if (first !== undefined && strategySource(first) === run.suggested) return target;
    return { ...target, suggested: run.suggested, suggestedBy: `run ${run.runId}` };
  });
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // an altered record: `kanslist audit verify` reports it
  }
}
