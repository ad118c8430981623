/** What happened to one item in one attempt, as the run reports and counts it. */
export type OutcomeKind = 'done' | 'verified' | 'review' | 'retry' | 'failed' | 'released' | 'lost';

export interface ItemOutcome {
  itemId: string;
  key: string;
  kind: OutcomeKind;
  attempt: number;
  durationMs: number;
  code?: string;
  reason?: string;
  output?: unknown;
  evidence?: string | undefined;
}
