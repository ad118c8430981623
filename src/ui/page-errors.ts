/**
 * Recognised error pages ("Server Error in '/' Application", "Sessionen har gått ut", "Behörighet saknas").
 *
 * They are watched while a target is awaited so a 500 page fails the wait in milliseconds with the
 * right error type (retry, log in again, or stop the run) instead of a timeout that looks like a
 * missing element. An error page with `notOn` is only looked for on the other screens: a login form
 * means "session ended" everywhere but on the login screen itself.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { FatalBotError, SessionExpiredError, TransientUiError, type KanslistError } from '../errors.ts';
import { describeFrame, frameKey, probeScopeFor, scopeFor } from './frames.ts';
import { internalCall } from './internal-call.ts';
import { presenceCheck, probeFrame, type PageCheck } from './probe.ts';
import { describeStrategy, strategyLocator, unionLocator, type LocatorScope, type Strategy } from './strategies.ts';
import type { PageErrorDefinition, System } from './system.ts';

/** Something looked for while a target is awaited: an error page or an interstitial. */
export interface Watch {
  readonly name: string;
  readonly strategies: readonly Strategy[];
  /** The frame path it is looked for in ('' = top document). */
  readonly frame: string;
  /** The union of its strategies in that frame, for waiting. */
  readonly locator: Locator;
}

export interface PageErrorWatch extends Watch {
  readonly definition: PageErrorDefinition;
}

/** Where something declared with an optional frame is looked for: there, or in the top document and the target's frame. */
export function watchFrames(declared: string | undefined, targetFrame: string | undefined): string[] {
  return declared !== undefined ? [declared] : [...new Set(['', targetFrame ?? ''])];
}

/** The union of strategies in a frame ('' = top document), built on FrameLocators that follow reloads. */
export function watchLocator(page: Page, frame: string, strategies: readonly Strategy[]): Locator | undefined {
  const scope = scopeFor(page, frame === '' ? undefined : frame);
  return unionLocator(strategies.map((strategy) => strategyLocator(scope, strategy)));
}

/** The frame key an error page is declared in; undefined when it is looked for everywhere. */
export function pageErrorFrame(definition: PageErrorDefinition): string | undefined {
  return frameKey(definition.frame);
}

/**
 * Whether an error page is looked for on `screen`: always without `notOn`; with it, only on a known
 * screen it does not name (where the screen is not known, a page that is expected somewhere cannot
 * be told from an error).
 */
export function watchedOn(definition: PageErrorDefinition, screen: string | undefined): boolean {
  if (definition.notOn === undefined) return true;
  return screen !== undefined && !definition.notOn.includes(screen);
}

/**
 * The page-error locators to watch while resolving a target of `screen` in `targetFrame`: an error
 * with a frame is watched there; one without in the top document and in the target's frame.
 */
export function pageErrorWatches(page: Page, system: System, targetFrame: string | undefined, screen?: string): PageErrorWatch[] {
  const watches: PageErrorWatch[] = [];
  for (const [name, definition] of Object.entries(system.pageErrors ?? {})) {
    if (!watchedOn(definition, screen)) continue;
    for (const frame of watchFrames(pageErrorFrame(definition), targetFrame)) {
      const locator = watchLocator(page, frame, definition.strategies);
      if (locator) watches.push({ name, definition, strategies: definition.strategies, frame, locator });
    }
  }
  return watches;
}

/** The error to throw for a recognised error page. */
export function pageErrorFor(system: System, name: string, definition: PageErrorDefinition, during: string): KanslistError {
  const shows = definition.strategies.map(describeStrategy).join(' / ');
  const declared = pageErrorFrame(definition);
  const where = `system ${system.name}, ${during}${declared === undefined ? '' : `, frame "${describeFrame(declared)}"`}`;
  if (definition.kind === 'session') {
    return new SessionExpiredError(`The ${system.name} session has expired: its "${name}" page is shown (${shows})`, { where });
  }
  if (definition.kind === 'fatal') {
    return new FatalBotError('KANSLIST_PAGE_FATAL', `${system.name} shows its "${name}" page (${shows}), declared fatal: the run stops`, {
      where,
      params: { page: name },
      remedy: `Retrying would show the same page. Fix the cause in ${system.name} (for "${name}": the robot account's permissions, a locked case), then run again; the item goes back to pending.`,
    });
  }
  const code = `KANSLIST_PAGE_ERROR_${name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_')}`;
  return new TransientUiError(code, `${system.name} shows its "${name}" error page (${shows})`, {
    where,
    remedy: 'None needed for a passing fault: the item is retried. If it persists, check the legacy system.',
  });
}

/**
 * Throw for the first watched error page that is shown right now, without waiting. One count per
 * frame (the union of that frame's error pages) keeps the common case — no error page — to one
 * protocol round trip per frame instead of one per error page; which one it is is only asked
 * when something matched. Used where the in-page probe could not answer (src/ui/probe.ts).
 */
export async function throwIfWatchedErrorShown(
  page: Page,
  system: System,
  watches: readonly PageErrorWatch[],
  during: string,
): Promise<void> {
  for (const group of byFrame(watches)) {
    // One scope for the whole group: `.or()` needs its locators in one frame.
    const frame = group[0]!.frame;
    const scope = probeScopeFor(page, frame === '' ? undefined : frame);
    const probes = group.map((watch) => unionLocator(watch.definition.strategies.map((strategy) => strategyLocator(scope, strategy)))!);
    if ((await internalCall(() => unionLocator(probes)!.count())) === 0) continue;
    for (const [index, watch] of group.entries()) {
      if ((await internalCall(() => probes[index]!.count())) > 0) throw pageErrorFor(system, watch.name, watch.definition, during);
    }
  }
}

function byFrame<T extends { frame: string }>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.frame, [...(groups.get(item.frame) ?? []), item]);
  return [...groups.values()];
}

/**
 * Cheap check of every declared error page now: an error with a frame is looked for in that frame,
 * one without in every frame of the page (top document included). As above, one count per scope
 * in the common case. `screen` is the screen the bot last acted on (for `notOn`), if known.
 */
export async function assertNoPageError(page: Page, system: System, during = 'current page', screen?: string): Promise<void> {
  const watched = Object.entries(system.pageErrors ?? {}).filter(([, definition]) => watchedOn(definition, screen));
  const anywhere = await shownAnywhere(
    page,
    watched.map(([, definition]) => definition),
  );
  if (anywhere === -1) return;
  if (anywhere !== undefined) throw pageErrorFor(system, watched[anywhere]![0], watched[anywhere]![1], during);
  // Grouped by where they are looked for: a live Frame, or a declared frame path.
  const checks = new Map<Frame | string, { name: string; definition: PageErrorDefinition; locator: Locator }[]>();
  for (const [name, definition] of watched) {
    const declared = pageErrorFrame(definition);
    const scopes: [Frame | string, LocatorScope][] =
      declared !== undefined ? [[declared, scopeFor(page, declared)]] : page.frames().map((frame) => [frame, frame]);
    for (const [key, scope] of scopes) {
      const locator = unionLocator(definition.strategies.map((strategy) => strategyLocator(scope, strategy)));
      if (locator) checks.set(key, [...(checks.get(key) ?? []), { name, definition, locator }]);
    }
  }
  // Every frame is asked at once (one round trip's wait instead of one per frame); the first shown
  // in declaration order is reported, as when they were asked one by one.
  const groups = [...checks.values()];
  const shown = await Promise.all(
    groups.map((group) => {
      const union = unionLocator(group.map((check) => check.locator));
      return union ? internalCall(() => union.count()).catch(() => 0) : Promise.resolve(0); // a frame detached mid-check shows nothing
    }),
  );
  for (const [index, group] of groups.entries()) {
    if (!shown[index]) continue;
    for (const check of group) {
      if (await internalCall(() => check.locator.count()).catch(() => 0)) throw pageErrorFor(system, check.name, check.definition, during);
    }
  }
}

/**
 * The common case in one evaluation: no watched error page declares a frame, and the page can
 * answer each of their strategies exactly (src/ui/probe.ts), so the top document counts them over
 * itself and every frame inside it. The index of the first shown in declaration order, -1 for none;
 * undefined when the page cannot answer (a frame of another origin, a strategy only Playwright
 * understands) and each frame must be asked with locators.
 */
async function shownAnywhere(page: Page, definitions: readonly PageErrorDefinition[]): Promise<number | undefined> {
  if (definitions.length === 0) return -1;
  if (definitions.some((definition) => pageErrorFrame(definition) !== undefined)) return undefined;
  const checks = definitions.map((definition) => definition.strategies.map(presenceCheck));
  const flat = checks.flat();
  if (flat.some((check) => check === undefined)) return undefined;
  const answer = await probeFrame(page, { here: [], top: [], inside: flat as PageCheck[] });
  const counts = answer?.inside;
  if (!counts || counts.includes(null)) return undefined;
  let offset = 0;
  for (const [index, list] of checks.entries()) {
    const shown = counts.slice(offset, offset + list.length).some((count) => (count ?? 0) > 0);
    offset += list.length;
    if (shown) return index;
  }
  return -1;
}
