/**
 * Recognised error pages ("Server Error in '/' Application", "Sessionen har gått ut").
 *
 * They are watched while a target is awaited so a 500 page fails the wait in milliseconds with the
 * right error type (retry, or log in again) instead of a timeout that looks like a missing element.
 */
import type { Locator, Page } from 'playwright-core';
import { SessionExpiredError, TransientUiError } from '../errors.ts';
import { scopeFor } from './frames.ts';
import { describeStrategy, strategyLocator, unionLocator } from './strategies.ts';
import type { PageErrorDefinition, System } from './system.ts';

export interface PageErrorWatch {
  readonly name: string;
  readonly definition: PageErrorDefinition;
  /** The frame path it is looked for in ('' = top document). */
  readonly frame: string;
  readonly locator: Locator;
}

/**
 * The page-error locators to watch while resolving a target in `targetFrame`: an error with a frame
 * is watched there; one without in the top document and in the target's frame.
 */
export function pageErrorWatches(page: Page, system: System, targetFrame: string | undefined): PageErrorWatch[] {
  const watches: PageErrorWatch[] = [];
  for (const [name, definition] of Object.entries(system.pageErrors ?? {})) {
    const frames = definition.frame !== undefined ? [definition.frame] : [...new Set(['', targetFrame ?? ''])];
    for (const frame of frames) {
      const scope = scopeFor(page, frame === '' ? undefined : frame);
      const locator = unionLocator(definition.strategies.map((strategy) => strategyLocator(scope, strategy)));
      if (locator) watches.push({ name, definition, frame, locator });
    }
  }
  return watches;
}

/** The error to throw for a recognised error page. */
export function pageErrorFor(system: System, name: string, definition: PageErrorDefinition, during: string): TransientUiError {
  const shows = definition.strategies.map(describeStrategy).join(' / ');
  const where = `system ${system.name}, ${during}`;
  if (definition.kind === 'session') {
    return new SessionExpiredError(`The ${system.name} session has expired: its "${name}" page is shown (${shows})`, { where });
  }
  const code = `KANSLIST_PAGE_ERROR_${name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  return new TransientUiError(code, `${system.name} shows its "${name}" error page (${shows})`, {
    where,
    remedy: 'None needed for a passing fault: the item is retried. If it persists, check the legacy system.',
  });
}

/** Throw for the first watched error page that is shown right now (one count per locator, no wait). */
export async function throwIfWatchedErrorShown(system: System, watches: readonly PageErrorWatch[], during: string): Promise<void> {
  for (const watch of watches) {
    if ((await watch.locator.count()) > 0) throw pageErrorFor(system, watch.name, watch.definition, during);
  }
}

/**
 * Cheap check of every declared error page now: an error with a frame is looked for in that frame,
 * one without in every frame of the page (top document included).
 */
export async function assertNoPageError(page: Page, system: System, during = 'current page'): Promise<void> {
  for (const [name, definition] of Object.entries(system.pageErrors ?? {})) {
    const scopes = definition.frame !== undefined ? [scopeFor(page, definition.frame)] : page.frames();
    for (const scope of scopes) {
      const locator = unionLocator(definition.strategies.map((strategy) => strategyLocator(scope, strategy)));
      const count = await locator?.count().catch(() => 0); // a frame detached mid-check shows nothing
      if (count) throw pageErrorFor(system, name, definition, during);
    }
  }
}
