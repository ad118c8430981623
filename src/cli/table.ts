import { redact, redactDeep } from '../audit/redact.ts';

/** A plain text table for listing commands (redacted: listings are operator output). */
export function printTable(rows: Record<string, unknown>[], columns: string[]): void {
  if (rows.length === 0) {
    console.log('(none)');
    return;
  }
  const cells = rows.map((row) => columns.map((c) => redact(cellText(row[c]))));
  const widths = columns.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((r) => r[i]!.length))));
  const line = (values: string[]) => values.map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of cells) console.log(line(row));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** JSON for scripts; redacted like the tables (payloads hold identity numbers). */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(redactDeep(value), null, 2));
}

/** Listings show times in the config's time zone with the offset (JSON keeps epoch milliseconds). */
export { localTime } from '../util/local-time.ts';
