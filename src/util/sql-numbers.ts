/**
 * Numbers as the store's engines hand them back: PostgreSQL returns bigint and numeric columns as
 * strings (pg does not guess at precision), SQLite as numbers. Every reader of such a column turns
 * it into a number here.
 */
export function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
