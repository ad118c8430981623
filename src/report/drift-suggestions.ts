/**
 * The run report's drift rows with the strategy that would heal each: the runner puts a suggested
 * new first strategy on the 'ui.drift' audit record when it found one (src/ui/suggest.ts), and the
 * store's drift table keeps only what drifted. The latest suggestion per target wins.
 */
import type { DriftSummary, Store } from '../store/index.ts';

export interface DriftRow extends DriftSummary {
  /** A stable new first strategy for the target, as map source (`{ css: '#txtUser' }`); null when none was found. */
  suggested: string | null;
}

export async function driftWithSuggestions(
  store: Pick<Store, 'reports'>,
  runId: string,
  drift: readonly DriftSummary[],
): Promise<DriftRow[]> {
  if (drift.length === 0) return [];
  const suggested = new Map<string, string>();
  for (const text of await store.reports.driftRecords(runId)) {
    const data = parse(text);
    if (typeof data?.suggested === 'string' && typeof data.system === 'string' && typeof data.target === 'string')
      suggested.set(`${data.system}\u0000${data.target}`, data.suggested);
  }
  return drift.map((d) => ({ ...d, suggested: suggested.get(`${d.system}\u0000${d.target}`) ?? null }));
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // a record someone altered: `kanslist audit verify` reports it, the report goes on
  }
}
