/**
 * Fitting a listing to the terminal: the widest columns give way first, down to a few characters,
 * and cut cells end in an ellipsis. A table line never wraps.
 */

/** No column is shrunk below this (or below its own width, if narrower). */
const MIN_COLUMN = 4;
const GAP = 2;

/**
 * The width a table may use: `COLUMNS` when set to a positive whole number, else the terminal's
 * width, else (piped to a file or a program) no limit.
 */
export function tableWidth(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const fromEnv = Number(env.COLUMNS);
  if (env.COLUMNS && Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  return undefined;
}

/** Column widths that fit in `limit` (with two spaces between columns): the widest shrinks first. */
export function fitWidths(widths: readonly number[], limit: number | undefined): number[] {
  const fitted = [...widths];
  if (limit === undefined) return fitted;
  const floor = widths.map((w) => Math.min(w, MIN_COLUMN));
  let excess = fitted.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, fitted.length - 1) - limit;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < fitted.length; i++) {
      if (fitted[i]! > floor[i]! && (widest === -1 || fitted[i]! > fitted[widest]!)) widest = i;
    }
    if (widest === -1) break;
    // One character at a time, so columns of equal width give way in turn.
    fitted[widest] = fitted[widest]! - 1;
    excess--;
  }
  return fitted;
}

/** One table line: cells cut with an ellipsis or padded to their widths, never longer than `limit`. */
export function tableLine(values: readonly string[], widths: readonly number[], limit: number | undefined): string {
  const text = values
    .map((v, i) => cut(v, widths[i]!).padEnd(widths[i]!))
    .join(' '.repeat(GAP))
    .trimEnd();
  return limit === undefined ? text : cut(text, limit);
}

function cut(value: string, width: number): string {
  return value.length > width ? `${value.slice(0, Math.max(0, width - 1))}…` : value;
}
