/**
 * Resolving a target: the core promise that selectors survive UI drift without guessing.
 *
 * 1. Check now: a shown error page wins; then the strategies in order — the first with exactly one
 *    match wins, one with several is ambiguous (never a guess). The frame document answers what it
 *    can in one round trip (src/ui/probe.ts); only what it cannot is counted with locators.
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
import { internalCall } from './internal-call.ts';
import { InterstitialPasses, interstitialWatches } from './interstitials.ts';
import { assertNoPageError, pageErrorFor, pageErrorWatches, type Watch } from './page-errors.ts';
import { countCheck, presenceCheck, probeFrame, type PageCheck, type ProbeAnswer } from './probe.ts';
import { describeStrategy, strategyLocator, unionLocator, type Strategy } from './strategies.ts';
import type { ResolvedTarget, System } from './system.ts';
import { isPlaywrightTimeout } from './wait.ts';

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
  /**
   * Gets the page past the named interstitial (system map `interstitials`); without it they are not
   * looked for (inside a handler's own actions, and for plain counts).
   */
  onInterstitial?: ((name: string) => Promise<void>) | undefined;
  /**
   * On a miss, look for an error page in every frame, which explains it better than "not found".
   * Off for a call that only asks (isPresent): a miss is its answer, not a failure, and the target
   * frame's and the top document's error pages were looked at anyway.
   * @default true
   */
  explainMiss?: boolean | undefined;
  /** The call's whole bound, named when nothing was found (timeoutMs may be what is left of it). */
  boundMs?: number | undefined;
}

/** Longest single wait before the strategies are counted again. */
const WAIT_SLICE_MS = 1_000;

interface Candidate {
  readonly strategy: Strategy;
  readonly locator: Locator;
}

/** The screen of a target path ('case.save' → 'case'): what error pages with `notOn` are judged by. */
export function screenOf(path: string): string {
  return path.slice(0, Math.max(0, path.indexOf('.')));
}

export async function resolveTarget(page: Page, system: System, path: string, options: ResolveOptions): Promise<Resolution> {
  const target = system.target(path);
  const scope = scopeFor(page, target.frame);
  const candidates = target.strategies.map((strategy) => ({ strategy, locator: strategyLocator(scope, strategy) }));
  const errors = pageErrorWatches(page, system, target.frame, screenOf(path));
  const interstitials = options.onInterstitial ? interstitialWatches(page, system, target.frame) : [];
  const watches = [...errors, ...interstitials];
  const passes = new InterstitialPasses(system, path);
  const during = `waiting for target ${path}`;
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const { counts, shown } = await checkNow(page, target, watches);
    // Counts the probe could not answer run while error pages are still being counted; a shown error page still wins.
    const matching = firstUniqueMatch(system, target, candidates, counts, options.nth);
    matching.catch(() => undefined); // its failure is reported below, unless an error page explains more
    const verdicts = await shown;
    const error = errors.find((_, index) => verdicts[index]);
    if (error) throw pageErrorFor(system, error.name, error.definition, during);
    // An interstitial stands between the bot and the target, even one shown over it (a notice banner).
    const interstitial = interstitials.find((_, index) => verdicts[errors.length + index]);
    if (interstitial && options.onInterstitial) {
      passes.admit(interstitial.name);
      await options.onInterstitial(interstitial.name);
      continue;
    }
    const found = await matching;
    if (found) {
      if (found.index > 0) await reportDrift(target, found, options);
      return found;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    // Waits run in slices so that the loop looks again now and then (an error page in a frame
    // that was not there when the wait began, an interstitial to pass).
    await waitForAnyAttached(waitGroups(target, candidates, watches), Math.min(remaining, WAIT_SLICE_MS));
  }
  // An error page in a frame nobody watched still explains the miss better than "not found".
  if (options.explainMiss ?? true) await assertNoPageError(page, system, during, screenOf(path));
  throw notFound(system, target, options.boundMs ?? options.timeoutMs);
}

interface CheckNow {
  /** Per strategy: a function giving its match count now (from the probe, or a locator count). */
  readonly counts: readonly (() => Promise<number>)[];
  /** Per watch: whether it is shown now. */
  readonly shown: Promise<boolean[]>;
}

/**
 * One probe of the target's frame document answers the strategies it can count and the error pages
 * of that frame and of the top document; probes of other frames (an error page declared in its own
 * frame) run at the same time. What no probe could answer is counted with locators in the live
 * frame (cheaper than through a FrameLocator); the Resolution still carries the FrameLocator-based
 * locator, which re-resolves on use.
 */
async function checkNow(page: Page, target: ResolvedTarget, watches: readonly Watch[]): Promise<CheckNow> {
  const targetFrame = target.frame ?? '';
  const strategyChecks = target.strategies.map(countCheck);
  const errorChecks = watches.map((watch) => watch.strategies.map(presenceCheck));
  // Which probe asks for each watch: the target frame's own document, its top document, or the watch's frame.
  const plan = new Map<string, { here: PageCheck[]; top: PageCheck[] }>([[targetFrame, { here: definedOnly(strategyChecks), top: [] }]]);
  const placement = watches.map((watch, index) => {
    const viaTop = watch.frame === '' && targetFrame !== '';
    const probeFrameKey = viaTop ? targetFrame : watch.frame;
    const request = plan.get(probeFrameKey) ?? { here: [], top: [] };
    plan.set(probeFrameKey, request);
    const list = viaTop ? request.top : request.here;
    const offset = list.length;
    list.push(...definedOnly(errorChecks[index]!));
    return { probe: probeFrameKey, side: viaTop ? ('top' as const) : ('here' as const), offset };
  });
  const answers = new Map<string, ProbeAnswer | undefined>();
  await Promise.all(
    [...plan.entries()].map(async ([frame, request]) => {
      answers.set(frame, await probeFrame(probeScopeFor(page, frame === '' ? undefined : frame), request));
    }),
  );
  return {
    counts: strategyCounts(page, target, strategyChecks, answers.get(targetFrame)?.here),
    shown: shownWatches(page, watches, errorChecks, placement, answers),
  };
}

function definedOnly(checks: readonly (PageCheck | undefined)[]): PageCheck[] {
  return checks.filter((check): check is PageCheck => check !== undefined);
}

/** The answers back in strategy order; a strategy the probe could not count is counted when asked. */
function strategyCounts(
  page: Page,
  target: ResolvedTarget,
  checks: readonly (PageCheck | undefined)[],
  answered: readonly (number | null)[] | undefined,
): (() => Promise<number>)[] {
  let next = 0;
  return target.strategies.map((strategy, index) => {
    const value = checks[index] === undefined ? null : (answered?.[next++] ?? null);
    return value !== null
      ? () => Promise.resolve(value)
      : () => internalCall(() => strategyLocator(probeScopeFor(page, target.frame), strategy).count());
  });
}

/**
 * Which watches are shown now. A watch is shown when the probe counted any of its strategies; when
 * none did but some could not be answered, their union is counted with a locator (the answer stays
 * exact, only slower).
 */
async function shownWatches(
  page: Page,
  watches: readonly Watch[],
  checks: readonly (readonly (PageCheck | undefined)[])[],
  placement: readonly { probe: string; side: 'here' | 'top'; offset: number }[],
  answers: ReadonlyMap<string, ProbeAnswer | undefined>,
): Promise<boolean[]> {
  const verdicts = watches.map(async (watch, index) => {
    const { probe, side, offset } = placement[index]!;
    const answered = answers.get(probe)?.[side] ?? undefined;
    let next = offset;
    const unknown: Strategy[] = [];
    for (const [position, strategy] of watch.strategies.entries()) {
      const value = checks[index]![position] === undefined ? null : (answered?.[next++] ?? null);
      if (value !== null && value > 0) return true;
      if (value === null) unknown.push(strategy);
    }
    if (unknown.length === 0) return false;
    const scope = probeScopeFor(page, watch.frame === '' ? undefined : watch.frame);
    return (await internalCall(() => unionLocator(unknown.map((strategy) => strategyLocator(scope, strategy)))!.count())) > 0;
  });
  return Promise.all(verdicts);
}

async function firstUniqueMatch(
  system: System,
  target: ResolvedTarget,
  candidates: readonly Candidate[],
  counts: readonly (() => Promise<number>)[],
  nth: number | undefined,
): Promise<Resolution | undefined> {
  for (const [index, { strategy, locator }] of candidates.entries()) {
    const count = await counts[index]!();
    if (count === 0) continue;
    const description = describeStrategy(strategy);
    if (nth !== undefined) {
      // The first strategy that matches decides; too few matches yet may be a list still loading.
      if (count <= nth) return undefined;
      return { target, locator: locator.nth(nth), strategy, description: `${description}, match ${nth + 1} of ${count}`, index };
    }
    if (count > 1) {
      throw new AmbiguousTargetError(
        'KANSLIST_TARGET_AMBIGUOUS',
        `Target "${target.path}" matched ${count} elements with strategy ${description}`,
        {
          where: `system ${system.name}, target ${target.path}, strategy ${index + 1} (${description})`,
          remedy: `Make the strategy match exactly one element in selectors/${system.name}.ts (Kanslist never guesses which was meant).`,
        },
      );
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

/** One union locator per frame scope: the target's strategies plus the error pages and interstitials in each frame. */
function waitGroups(target: ResolvedTarget, candidates: readonly Candidate[], watches: readonly Watch[]): Locator[] {
  const byFrame = new Map<string, Locator[]>([[target.frame ?? '', candidates.map((candidate) => candidate.locator)]]);
  for (const watch of watches) byFrame.set(watch.frame, [...(byFrame.get(watch.frame) ?? []), watch.locator]);
  return [...byFrame.values()].map(unionLocator).filter((locator): locator is Locator => locator !== undefined);
}

/**
 * True as soon as any group has an attached element; false when all time out. The waits that lose
 * the race are cancelled (Playwright aborts them in the browser too), so they stop polling at once.
 */
async function waitForAnyAttached(groups: readonly Locator[], timeoutMs: number): Promise<boolean> {
  const race = new AbortController();
  const waits = groups.map((group) =>
    internalCall(() => group.first().waitFor({ state: 'attached', timeout: Math.max(1, timeoutMs), signal: race.signal })),
  );
  try {
    await Promise.any(waits);
    return true;
  } catch (error) {
    const reasons: unknown[] = error instanceof AggregateError ? error.errors : [error];
    const unexpected = reasons.filter((reason) => !isPlaywrightTimeout(reason));
    if (unexpected.length > 0) throw unexpected[0]; // a closed page, not a slow one
    return false;
  } finally {
    race.abort();
    // The cancelled waits reject with an abort error nobody needs to see.
    for (const wait of waits) wait.catch(() => undefined);
  }
}

function notFound(system: System, target: ResolvedTarget, timeoutMs: number): TargetNotFoundError {
  const tried = target.strategies.map((strategy, index) => `${index + 1}. ${describeStrategy(strategy)}`).join('; ');
  const frame = target.frame ? ` in frame "${describeFrame(target.frame)}"` : '';
  return new TargetNotFoundError(
    'KANSLIST_TARGET_NOT_FOUND',
    `Target "${target.path}" was not found${frame} within ${timeoutMs} ms; tried ${tried}`,
    {
      where: `system ${system.name}, target ${target.path}`,
      remedy: `Check that the bot is on the right screen. If the screen changed, update the strategies in selectors/${system.name}.ts.`,
    },
  );
}

/** How many elements a target matches now: those of its first strategy that matches any (0 when none). */
export interface TargetCount {
  readonly count: number;
  /** The strategy counted (undefined when none matched). */
  readonly index: number | undefined;
  readonly description: string | undefined;
}

/** Counts now, without waiting; a shown error page still wins (it is thrown). */
export async function countTarget(
  page: Page,
  system: System,
  path: string,
  options: Pick<ResolveOptions, 'onDrift'> = {},
): Promise<TargetCount> {
  const target = system.target(path);
  const watches = pageErrorWatches(page, system, target.frame, screenOf(path));
  const { counts, shown } = await checkNow(page, target, watches);
  const verdicts = await shown;
  const error = watches.find((_, index) => verdicts[index]);
  if (error) throw pageErrorFor(system, error.name, error.definition, `counting target ${path}`);
  const scope = probeScopeFor(page, target.frame);
  for (const [index, strategy] of target.strategies.entries()) {
    const count = await counts[index]!();
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
