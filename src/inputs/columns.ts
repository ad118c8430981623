/**
 * Column specs and header matching. A header matches when it equals the spec's header or one of
 * its aliases after trimming, collapsing whitespace and ignoring case — the usual drift between
 * exports ("Personnummer ", "PERSONNUMMER") must not fail a run.
 */
import type { ColumnSpec, ColumnType, Columns } from './types.ts';
import { columnsMissingError, type InputFile } from './input-errors.ts';

export interface ColumnDef {
  /** Property name in the item's data. */
  field: string;
  /** Header text as declared (used in messages). */
  header: string;
  type: ColumnType;
  required: boolean;
  /** Normalised header and aliases. */
  names: string[];
  /** For 'file' columns: folder relative to the input file's folder. */
  folder: string | undefined;
}

/** A column bound to a position in the file; `index` is -1 for an optional column that is absent. */
export interface BoundColumn extends ColumnDef {
  index: number;
}

export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}

export function columnDefs(columns: Columns): ColumnDef[] {
  return Object.entries(columns).map(([field, value]) => {
    const spec: ColumnSpec = typeof value === 'string' ? { header: value } : value;
    return {
      field,
      header: spec.header,
      type: spec.type ?? 'string',
      required: spec.required ?? true,
      names: [spec.header, ...(spec.aliases ?? [])].map(normaliseHeader),
      folder: spec.folder,
    };
  });
}

/** Binds each column to the first matching header; absent columns get index -1 (no error). */
export function bindPresent(defs: ColumnDef[], headers: (string | undefined)[]): BoundColumn[] {
  const normalised = headers.map((h) => (h === undefined ? '' : normaliseHeader(h)));
  return defs.map((def) => ({ ...def, index: normalised.findIndex((h) => h !== '' && def.names.includes(h)) }));
}

export interface HeaderContext {
  file: InputFile;
  headerRow: number;
  sheetLabel?: string;
}

/**
 * Finds each column in the header row (0-based positions). Throws one INPUT_COLUMN_MISSING naming
 * every missing required header at once, so "wrong column names" is fixed in one go.
 */
export function bindColumns(defs: ColumnDef[], headers: (string | undefined)[], ctx: HeaderContext): BoundColumn[] {
  const bound = bindPresent(defs, headers);
  const missing = bound.filter((c) => c.index < 0 && c.required).map((c) => c.header);
  if (missing.length > 0) {
    const found = headers.map((h) => (h ?? '').trim()).filter((h) => h !== '');
    throw columnsMissingError(ctx.file, {
      missing,
      headerRow: ctx.headerRow,
      found,
      ...(ctx.sheetLabel ? { sheetLabel: ctx.sheetLabel } : {}),
    });
  }
  return bound;
}
