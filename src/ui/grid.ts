/**
 * Reading a legacy grid (an ASP.NET GridView and its kin) into records, across pager postbacks.
 *
 * Header texts become record keys, unless `fields` names the columns (grid-records.ts, which also
 * groups rows into records). Truncated cells ("Storgatan 1…" with the full text in `title`) are
 * read from the title. Before a pager click — or the `trigger` that fills the grid — the table is
 * watched (region-watch.ts) and we wait for it to be replaced or its rows to change — a condition,
 * not a sleep — so the rows read are the new ones, also when an AJAX update swaps them.
 */
import type { Locator, Page } from 'playwright-core';
import { FatalBotError, TransientUiError } from '../errors.ts';
import { scopeFor } from './frames.ts';
import { checkGridShape, gridRecords, type ColumnRef, type RawRow } from './grid-records.ts';
import { watchRegion } from './region-watch.ts';
import type { Resolution } from './targets.ts';

export { cellText } from './grid-records.ts';
export type { ColumnRef } from './grid-records.ts';

export interface ReadGridOptions {
  /** Header text → record field. When given, only these columns are read, and each must exist. */
  columns?: Record<string, string>;
  /**
   * Record field → column: a header text, a RegExp, a position (0-based, across a record's rows),
   * or one header per language (`{ sv: 'Ärendenummer', en: 'Case number' }`). Only these fields
   * are read; each must match exactly one column. Wins over `columns`. @default every header
   */
  fields?: Readonly<Record<string, ColumnRef>>;
  /**
   * Rows that make one record (a line and a detail line below it: 2); `'headerRows'`: as many as
   * the grid's leading header rows, so one bot reads a one-row and a two-row release alike. @default 1
   */
  rowsPerRecord?: number | 'headerRows';
  /**
   * A CSS selector matched against each `<tr>` (e.g. `'tr.rgRow, tr.rgAltRow'`), for records of
   * varying length: a record starts at each matching row and takes the rows after it up to the next
   * start. The `<th>` rows before the first start are the header; rows before the first start and
   * `<tfoot>` rows are no records. A field whose cell a shorter record lacks reads as ''. Not with
   * `rowsPerRecord`.
   * @default undefined (records of `rowsPerRecord` rows)
   */
  recordStart?: string;
  /**
   * The action that fills or refills the grid (a search click that updates it by AJAX). A grid
   * shown before it is watched, so the rows read are the new ones, not the stale ones.
   * @default undefined (the grid is read as it is)
   */
  trigger?: () => Promise<void>;
  /** The "next page" link: a target path, or a function of the next page number (1-based) giving a target path or a Locator; none present = last page. */
  nextPage?: string | ((nextPageNumber: number) => string | Locator | undefined);
  /** @default 100 */
  maxPages?: number;
}

export interface GridDeps {
  readonly page: Page;
  readonly timeoutMs: number;
  resolve(path: string, timeoutMs: number): Promise<Resolution>;
  /** The target if it is present right now, else undefined (no waiting). */
  resolveNow(path: string): Promise<Resolution | undefined>;
  /** Click and record it. */
  click(locator: Locator, target: string, strategy: string): Promise<void>;
}

export async function readGrid(deps: GridDeps, path: string, options: ReadGridOptions = {}): Promise<Record<string, string>[]> {
  const maxPages = options.maxPages ?? 100;
  const records: Record<string, string>[] = [];
  checkGridShape(path, options); // before the trigger: a bot that needs fixing changes nothing
  if (options.trigger) await refill(deps, path, options.trigger);
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const table = await deps.resolve(path, deps.timeoutMs);
    records.push(...gridRecords(path, await readRows(path, table.locator, options.recordStart), options));
    if (pageNumber === maxPages) break;
    const next = await findNext(deps, options.nextPage, pageNumber + 1);
    if (!next) break;
    await turnPage(deps, table, next);
  }
  return records;
}

async function findNext(
  deps: GridDeps,
  nextPage: ReadGridOptions['nextPage'],
  nextPageNumber: number,
): Promise<{ locator: Locator; target: string; strategy: string } | undefined> {
  const next = typeof nextPage === 'function' ? nextPage(nextPageNumber) : nextPage;
  if (next === undefined) return undefined;
  if (typeof next === 'string') {
    const found = await deps.resolveNow(next);
    return found && { locator: found.locator, target: next, strategy: found.description };
  }
  return (await next.count()) > 0 ? { locator: next.first(), target: `grid page ${nextPageNumber}`, strategy: 'locator' } : undefined;
}

async function turnPage(deps: GridDeps, table: Resolution, next: { locator: Locator; target: string; strategy: string }): Promise<void> {
  const watch = await watchRegion(table.locator, scopeFor(deps.page, table.target.frame), deps.timeoutMs);
  try {
    await deps.click(next.locator, next.target, next.strategy);
    if (!(await watch.updated(deps.timeoutMs))) throw notReplaced(table.target.path, `clicking ${next.target}`);
  } finally {
    await watch.dispose();
  }
}

/** Runs the trigger; a grid shown before it must be replaced or change, so no stale row is read. */
async function refill(deps: GridDeps, path: string, trigger: () => Promise<void>): Promise<void> {
  const shown = await deps.resolveNow(path);
  const watch = shown && (await watchRegion(shown.locator, scopeFor(deps.page, shown.target.frame), deps.timeoutMs));
  try {
    await trigger();
    if (watch && !(await watch.updated(deps.timeoutMs))) throw notReplaced(path, 'its trigger');
  } finally {
    await watch?.dispose();
  }
}

function notReplaced(path: string, after: string): TransientUiError {
  return new TransientUiError('KANSLIST_GRID_NOT_REPLACED', `The grid "${path}" did not change after ${after}`, {
    where: `target ${path}`,
    remedy: 'The postback (full or partial) did not complete in time; the item is retried.',
  });
}

/** The rows as the page shows them; `recordStart` is matched there, where the elements are. */
async function readRows(path: string, table: Locator, recordStart: string | undefined): Promise<RawRow[]> {
  const rows = await table.evaluate((element, selector) => {
    const rows = Array.from((element as HTMLTableElement).rows ?? []);
    let starts: boolean[] = [];
    if (selector !== null) {
      try {
        starts = rows.map((row) => row.matches(selector));
      } catch {
        return undefined; // not a CSS selector: reported in Node, with the grid named
      }
    }
    return rows.map((row, index) => {
      const cells = Array.from(row.cells);
      return {
        header: cells.length > 0 && cells.every((cell) => cell.tagName === 'TH'),
        ...(selector === null ? {} : { start: starts[index] === true, foot: row.parentElement?.tagName === 'TFOOT' }),
        cells: cells.map((cell) => ({
          text: (cell.innerText ?? cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
          title: cell.getAttribute('title') ?? cell.querySelector('[title]')?.getAttribute('title') ?? '',
        })),
      };
    });
  }, recordStart ?? null);
  if (rows === undefined) {
    throw new FatalBotError('KANSLIST_GRID_OPTIONS_INVALID', `recordStart for the grid "${path}" is not a CSS selector: ${recordStart}`, {
      where: `target ${path}`,
      remedy: "Fix the readGrid options in the bot: recordStart matches a record's first row, e.g. 'tr.rgRow, tr.rgAltRow'.",
    });
  }
  return rows;
}
