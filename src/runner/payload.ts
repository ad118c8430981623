import type { InputSource } from '../inputs/index.ts';

/**
 * Items are stored as JSON, which turns dates into text. Date columns declared by the bot's
 * input are turned back into Date objects before `process` sees the item.
 */
export function revivePayload(source: InputSource<unknown>, payload: unknown): unknown {
  if (!payload || typeof payload !== 'object' || !('columns' in source) || !source.columns) return payload;
  const revived: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const [field, spec] of Object.entries(source.columns)) {
    const value = revived[field];
    if (typeof spec === 'object' && spec.type === 'date' && typeof value === 'string') revived[field] = new Date(value);
  }
  return revived;
}
