/**
 * Resolving a target: the core promise that selectors survive UI drift without guessing.
 *
 * 1. Check now: a shown error page wins; then the strategies in order — the first with exactly one
 *    match wins, one with several is ambiguous (never a guess).
 * 2. Otherwise wait for a condition — the union (`a.or(b)…`) of the strategies and the error pages
 *    to be attached — and check again. Playwright cannot combine locators of different frames, so
 *    there is one union per frame and the waits race; no polling, no sleeps.
 * 3. Nothing within the timeout: TargetNotFoundError listing every strategy tried.
 * A match by a later strategy is drift: reported, never silent. Nothing is cached: the returned
 * Locator re-resolves on every use, so it survives postbacks.
 */
import type { Locator, Page } from 'playwright-core';
import { AmbiguousTargetError, TargetNotFoundError } from '../errors.ts';
import { describeFrame, probeScopeFor, scopeFor } from './frames.ts';
import { assertNoPageError, pageErrorWatches, throwIfWatchedErrorShown, type PageErrorWatch } from './page-errors.ts';
import { describeStrategy, strategyLocator, unionLocator, type Strategy } from './strategies.ts';
import type { ResolvedTarget, System } from './system.ts';

export interface DriftEvent {
  target: string;
  failedStrategy: string;
  matchedStrategy: string;
  matchedIndex: number;
  at: number;
  /** The element the fallback matched, for a suggestion of a new first strategy (src/ui/suggest.ts). */
  locator?: Locator;
}

export interface Resolution {
  readonly target: ResolvedTarget;
  readonly locator: Locator;
  readonly strategy: Strategy;
  readonly description: string;
  readonly index: number;
}

export interface ResolveOptions {
  /** 0 = look once, do not wait. */
  timeoutMs: number;
  /**
   * Take the n-th match (0-based) of the first strategy that matches, where a bot asked for it;
   * without it several matches are ambiguous (never a guess).
   */
  nth?: number | undefined;
  onDrift?: (event: DriftEvent) => void | Promise<void>;
}

/** Longest single wait before the strategies are counted again. */
const WAIT_SLICE_MS = 1_000;

interface Candidate {
  readonly strategy: Strategy;
  readonly locator: Locator;
}

export async function resolveTarget(page: Page, system: System, path: string, options: ResolveOptions): Promise<Resolution> {
  const target = system.target(path);
  const scope = scopeFor(page, target.frame);
  const candidates = target.strategies.map((strategy) => ({ strategy, locator: strategyLocator(scope, strategy) }));
  const watches = pageErrorWatches(page, system, target.frame);
  const during = `waiting for target ${path}`;
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    // Both checks run at once (their round trips overlap); a shown error page still wins.
    const matching = firstUniqueMatch(page, system, target, candidates, options.nth);
    matching.catch(() => undefined); // its failure is reported below, unless an error page explains more
    await throwIfWatchedErrorShown(page, system, watches, during);
    const found = await matching;
    if (found) {
      if (found.index > 0) await reportDrift(target, found, options);
      return found;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    // Waits run in slices: Playwright cannot cancel the waits that lose the race, so a slice bounds
    // how long they keep polling after another frame's wait won; the loop then looks again.
    await waitForAnyAttached(waitGroups(target, candidates, watches), Math.min(remaining, WAIT_SLICE_MS));
  }
  // An error page in a frame nobody watched still explains the miss better than "not found".
  await assertNoPageError(page, system, during);
  throw notFound(system, target, options.timeoutMs);
}

/** Counted in the live frame (cheaper); the Resolution carries the FrameLocator-based locator, which re-resolves on use. */
async function firstUniqueMatch(page: Page, system: System, target: ResolvedTarget, candidates: readonly Candidate[], nth: number | undefined): Promise<Resolution | undefined> {
  const scope = probeScopeFor(page, target.frame);
  for (const [index, { strategy, locator }] of candidates.entries()) {
    const count = await strategyLocator(scope, strategy).count();
    if (count === 0) continue;
    const description = describeStrategy(strategy);
    if (nth !== undefined) {
      // The first strategy that matches decides; too few matches yet may be a list still loading.
      if (count <= nth) return undefined;
      return { target, locator: locator.nth(nth), strategy, description: `${description}, match ${nth + 1} of ${count}`, index };
    }
    if (count > 1) {
      throw new AmbiguousTargetError('KANSLIST_TARGET_AMBIGUOUS', `Target "${target.path}" matched ${count} elements with strategy ${description}`, {
        where: `system ${system.name}, target ${target.path}, strategy ${index + 1} (${description})`,
        remedy: `Make the strategy match exactly one element in selectors/${system.name}.ts (Kanslist never guesses which was meant).`,
      });
    }
    return { target, locator, strategy, description, index };
  }
  return undefined;
}

async function reportDrift(target: ResolvedTarget, found: Resolution, options: Pick<ResolveOptions, 'onDrift'>): Promise<void> {
  const first = target.strategies[0];
  if (!first || !options.onDrift) return;
  await options.onDrift({
    target: target.path,
    failedStrategy: describeStrategy(first),
    matchedStrategy: found.description,
    matchedIndex: found.index,
    at: Date.now(),
    locator: found.locator,
  });
}

/** One union locator per frame scope: the target's strategies plus the error pages in each frame. */
function waitGroups(target: ResolvedTarget, candidates: readonly Candidate[], watches: readonly PageErrorWatch[]): Locator[] {
  const byFrame = new Map<string, Locator[]>([[target.frame ?? '', candidates.map((candidate) => candidate.locator)]]);
  for (const watch of watches) byFrame.set(watch.frame, [...(byFrame.get(watch.frame) ?? []), watch.locator]);
  return [...byFrame.values()].map(unionLocator).filter((locator): locator is Locator => locator !== undefined);
}

/**
 * True as soon as any group has an attached element; false when all time out. The other waits end
 * by themselves at the same deadline (Playwright waits cannot be cancelled).
 */
async function waitForAnyAttached(groups: readonly Locator[], timeoutMs: number): Promise<boolean> {
  const waits = groups.map((group) => group.first().waitFor({ state: 'attached', timeout: Math.max(1, timeoutMs) }));
  try {
    await Promise.any(waits);
    return true;
  } catch (error) {
    const reasons = error instanceof AggregateError ? error.errors : [error];
    const unexpected = reasons.find((reason) => !(reason instanceof Error && reason.name === 'TimeoutError'));
    if (unexpected !== undefined) throw unexpected; // a closed page, not a slow one
    return false;
  }
}

function notFound(system: System, target: ResolvedTarget, timeoutMs: number): TargetNotFoundError {
  const tried = target.strategies.map((strategy, index) => `${index + 1}. ${describeStrategy(strategy)}`).join('; ');
  const frame = target.frame ? ` in frame "${describeFrame(target.frame)}"` : '';
  return new TargetNotFoundError('KANSLIST_TARGET_NOT_FOUND', `Target "${target.path}" was not found${frame} within ${timeoutMs} ms; tried ${tried}`, {
    where: `system ${system.name}, target ${target.path}`,
    remedy: `Check that the bot is on the right screen. If the screen changed, update the strategies in selectors/${system.name}.ts.`,
  });
}

/** How many elements a target matches now: those of its first strategy that matches any (0 when none). */
export interface TargetCount {
  readonly count: number;
  /** The strategy counted (undefined when none matched). */
  readonly index: number | undefined;
  readonly description: string | undefined;
}

/** Counts now, without waiting; a shown error page still wins (it is thrown). */
export async function countTarget(page: Page, system: System, path: string, options: Pick<ResolveOptions, 'onDrift'> = {}): Promise<TargetCount> {
  const target = system.target(path);
  await throwIfWatchedErrorShown(page, system, pageErrorWatches(page, system, target.frame), `counting target ${path}`);
  const scope = probeScopeFor(page, target.frame);
  for (const [index, strategy] of target.strategies.entries()) {
    const count = await strategyLocator(scope, strategy).count();
    if (count === 0) continue;
    const description = describeStrategy(strategy);
    if (index > 0) await reportDrift(target, { target, locator: strategyLocator(scope, strategy), strategy, description, index }, options);
    return { count, index, description };
  }
  return { count: 0, index: undefined, description: undefined };
}

/** The union of a target's strategies, for waiting until it is gone (hidden/detached). */
export function targetUnion(page: Page, target: ResolvedTarget): Locator {
  const scope = scopeFor(page, target.frame);
  return unionLocator(target.strategies.map((strategy) => strategyLocator(scope, strategy))) as Locator;
}

/** How many elements one strategy of a target matches right now. */
export interface StrategyCount {
  readonly index: number;
  readonly description: string;
  readonly count: number;
}

/**
 * Counts, once and without waiting, how many elements each of a target's strategies matches — for
 * reports that say *which* strategy saw several elements (a preflight's 'ambiguous'), where
 * resolveTarget only throws. Counted in the live frame, as resolveTarget's own check is.
 */
export async function countStrategyMatches(page: Page, system: System, path: string): Promise<StrategyCount[]> {
  const target = system.target(path);
  const scope = probeScopeFor(page, target.frame);
  const counts: StrategyCount[] = [];
  for (const [index, strategy] of target.strategies.entries()) {
    counts.push({ index, description: describeStrategy(strategy), count: await strategyLocator(scope, strategy).count() });
  }
  return counts;
}
