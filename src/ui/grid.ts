/**
 * Reading a legacy grid (an ASP.NET GridView and its kin) into records, across pager postbacks.
 *
 * Header texts become record keys. Truncated cells ("Storgatan 1…" with the full text in `title`)
 * are read from the title. Pager rows are skipped (their cell count differs from the header's).
 * After a pager click, the old table is marked and we wait for it to be replaced — a condition,
 * not a sleep — then read the new one.
 */
import type { Locator, Page } from 'playwright-core';
import { FatalBotError, TransientUiError } from '../errors.ts';
import { scopeFor } from './frames.ts';
import type { Resolution } from './targets.ts';

export interface ReadGridOptions {
  /** Header text → record field. When given, only these columns are read, and each must exist. */
  columns?: Record<string, string>;
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

interface RawCell {
  text: string;
  title: string;
}

let markCounter = 0;

export async function readGrid(deps: GridDeps, path: string, options: ReadGridOptions = {}): Promise<Record<string, string>[]> {
  const maxPages = options.maxPages ?? 100;
  const records: Record<string, string>[] = [];
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const table = await deps.resolve(path, deps.timeoutMs);
    records.push(...toRecords(path, await readRows(table.locator), options.columns));
    if (pageNumber === maxPages) break;
    const next = await findNext(deps, options.nextPage, pageNumber + 1);
    if (!next) break;
    await turnPage(deps, table, next);
  }
  return records;
}

async function findNext(deps: GridDeps, nextPage: ReadGridOptions['nextPage'], nextPageNumber: number): Promise<{ locator: Locator; target: string; strategy: string } | undefined> {
  const next = typeof nextPage === 'function' ? nextPage(nextPageNumber) : nextPage;
  if (next === undefined) return undefined;
  if (typeof next === 'string') {
    const found = await deps.resolveNow(next);
    return found && { locator: found.locator, target: next, strategy: found.description };
  }
  return (await next.count()) > 0 ? { locator: next.first(), target: `grid page ${nextPageNumber}`, strategy: 'locator' } : undefined;
}

async function turnPage(deps: GridDeps, table: Resolution, next: { locator: Locator; target: string; strategy: string }): Promise<void> {
  const mark = `grid-${++markCounter}`;
  await table.locator.evaluate((element, value) => element.setAttribute('data-kanslist-read', value), mark);
  await deps.click(next.locator, next.target, next.strategy);
  const old = scopeFor(deps.page, table.target.frame).locator(`[data-kanslist-read="${mark}"]`);
  try {
    await old.waitFor({ state: 'detached', timeout: Math.max(1, deps.timeoutMs) });
  } catch (error) {
    throw new TransientUiError('KANSLIST_GRID_NOT_REPLACED', `The grid "${table.target.path}" did not change after clicking ${next.target}`, {
      cause: error,
      where: `target ${table.target.path}`,
      remedy: 'The pager postback did not complete in time; the item is retried. Grids updated in place (without replacing the table) are not supported.',
    });
  }
}

async function readRows(table: Locator): Promise<RawCell[][]> {
  return table.evaluate((element) => {
    const rows = Array.from((element as HTMLTableElement).rows ?? []);
    return rows.map((row) =>
      Array.from(row.cells).map((cell) => ({
        text: (cell.innerText ?? cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
        title: cell.getAttribute('title') ?? cell.querySelector('[title]')?.getAttribute('title') ?? '',
      })),
    );
  });
}

/** The full text of a cell: its title when the visible text is a truncation of it. */
export function cellText(cell: RawCell): string {
  const { text, title } = cell;
  if (!title || title.length <= text.length) return text;
  const endsWithEllipsis = /(…|\.\.\.)$/.test(text);
  return endsWithEllipsis || title.startsWith(text) ? title : text;
}

function toRecords(path: string, rows: RawCell[][], columns: Record<string, string> | undefined): Record<string, string>[] {
  const headerIndex = rows.findIndex((row) => row.length > 0);
  const headers = (rows[headerIndex] ?? []).map((cell) => cell.text);
  const fields = fieldIndexes(path, headers, columns);
  return rows
    .slice(headerIndex + 1)
    .filter((row) => row.length === headers.length) // pager and spacer rows have another shape
    .map((row) => Object.fromEntries(fields.map(([field, index]) => [field, row[index] ? cellText(row[index]) : ''])));
}

function fieldIndexes(path: string, headers: string[], columns: Record<string, string> | undefined): Array<[string, number]> {
  if (!columns) return headers.map((header, index) => [header, index]);
  return Object.entries(columns).map(([header, field]) => {
    const index = headers.indexOf(header);
    if (index < 0) {
      throw new FatalBotError('KANSLIST_GRID_COLUMN_MISSING', `The grid "${path}" has no column "${header}" (columns: ${headers.join(', ')})`, {
        where: `target ${path}`,
        remedy: 'The grid layout changed or the column name is misspelt: update the bot\'s columns map.',
      });
    }
    return [field, index];
  });
}
