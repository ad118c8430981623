/** The facts a reason's translation fills in (from the item's stored reason details). */
export type Facts = Readonly<Record<string, string | number | undefined>>;

/** A fact as text for a lookup table; '' when missing. */
export function fact(value: string | number | undefined): string {
  return value === undefined ? '' : String(value);
}
