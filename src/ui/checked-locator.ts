/**
 * The checks before an action, made by Playwright's own selector resolution instead of a round trip
 * of their own.
 *
 * Before acting, Kanslist must know that no declared error page or interstitial is shown (an error
 * page wins over a found target) and that the target's first strategy matches exactly one element
 * (never guess). The probe (src/ui/probe.ts) answers that in one evaluation, but it is one more
 * round trip to the browser before every action, and measured it was the framework's whole extra
 * cost per item against a plain script (docs/benchmarks.md).
 *
 * Here the same in-page answer runs inside the action's own selector: a selector engine registered
 * with Playwright (`kanslist_checked=…`) that returns the target's one element when every check
 * passes and otherwise throws, so the action fails during resolution, before it did anything. The
 * caller then takes the full path (probe, wait, fallbacks, drift, the error page's own error), which
 * explains what it found. As with the probe, the checks are made when the action looks for its
 * target; an error page that appears while the action then waits (for a disabled button to be
 * enabled) is found when the action fails, as before.
 *
 * Offered only where the page can answer exactly (see probe.ts): a CSS or XPath first strategy, and
 * error pages and interstitials in the target's frame or the top document with strategies the page
 * can answer. Everything else takes the full path as before.
 */
import type { Locator, Page } from 'playwright-core';
import { selectors } from 'playwright-core';
import { scopeFor } from './frames.ts';
import { interstitialWatches } from './interstitials.ts';
import { pageErrorWatches, type Watch } from './page-errors.ts';
import { answerInPage, countCheck, presenceCheck, type PageCheck } from './probe.ts';
import { describeStrategy, type Strategy } from './strategies.ts';
import type { ResolvedTarget, System } from './system.ts';
import { screenOf } from './targets.ts';

/** Versioned: two copies of Kanslist in one process (a bot's and a tool's) must not share an engine of another shape. */
const ENGINE_NAME = 'kanslist_checked_1';
/** In the engine's errors: the checks refused, the action has not begun. */
const REFUSED = 'kanslist-checks-refused';

/** What the engine is asked, as its selector body. */
interface CheckedRequest {
  readonly target: PageCheck;
  /** Error pages and interstitials in the target's own document. */
  readonly here: readonly PageCheck[];
  /** The same, in the top document (only when the target is in a frame). */
  readonly top: readonly PageCheck[];
}

/** A target's first strategy with the page checks folded into its selector. */
export interface CheckedTarget {
  readonly target: ResolvedTarget;
  readonly locator: Locator;
  readonly strategy: Strategy;
  readonly description: string;
}

let registering: Promise<void> | undefined;

/**
 * Registers the engine with Playwright, once per process. Contexts created afterwards get it, and so
 * do documents of existing contexts that Playwright has not scripted yet; call it before the browser
 * is launched (launchBrowser does). Registration failing (another copy registered the same version)
 * leaves the engine as it is.
 */
export function registerCheckedEngine(): Promise<void> {
  registering ??= selectors.register(ENGINE_NAME, ENGINE_SOURCE, { contentScript: true }).catch(() => undefined);
  return registering;
}

/**
 * The checked locator for `path`, or undefined when the page could not answer every check exactly
 * (the caller takes the full path). `interstitials`: look for them too (off while one is being
 * passed, as in resolveTarget).
 */
export function checkedTarget(page: Page, system: System, path: string, interstitials: boolean): CheckedTarget | undefined {
  const target = system.target(path);
  const first = target.strategies[0];
  const targetCheck = first === undefined ? undefined : countCheck(first);
  if (first === undefined || targetCheck === undefined) return undefined;
  const targetFrame = target.frame ?? '';
  const watches: Watch[] = [
    ...pageErrorWatches(page, system, target.frame, screenOf(path)),
    ...(interstitials ? interstitialWatches(page, system, target.frame) : []),
  ];
  const request: { target: PageCheck; here: PageCheck[]; top: PageCheck[] } = { target: targetCheck, here: [], top: [] };
  for (const watch of watches) {
    const side = watch.frame === targetFrame ? request.here : watch.frame === '' ? request.top : undefined;
    if (side === undefined) return undefined; // an error page in a third frame: only the full path looks there
    for (const strategy of watch.strategies) {
      const check = presenceCheck(strategy);
      if (check === undefined) return undefined;
      side.push(check);
    }
  }
  const locator = scopeFor(page, target.frame).locator(`${ENGINE_NAME}=${JSON.stringify(request satisfies CheckedRequest)}`);
  return { target, locator, strategy: first, description: describeStrategy(first) };
}

/**
 * Whether an action's failure is the engine refusing (or a document scripted before the engine was
 * registered not knowing it): either way Playwright failed while resolving the selector, so the
 * action was not carried out and the full path may begin it again.
 */
export function isChecksRefusal(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message.includes(REFUSED) || (message.includes(ENGINE_NAME) && /unknown engine/i.test(message)) || /reading 'queryAll'/.test(message)
  );
}

/**
 * The engine, as source: the probe's own in-page function answers the checks (so both give the same
 * answers), and the target's element is returned only when all of them pass.
 */
const ENGINE_SOURCE = `(() => {
  const __name = (f) => f;
  const answer = (${answerInPage.toString()});
  const refuse = (why) => { throw new Error(${JSON.stringify(REFUSED)} + ': ' + why); };
  const elementsOf = (check) => {
    if ('css' in check) return Array.from(document.querySelectorAll(check.css));
    const found = document.evaluate(check.xpath, document, null, 7, null);
    const elements = [];
    for (let i = 0; i < found.snapshotLength; i++) if (found.snapshotItem(i).nodeType === 1) elements.push(found.snapshotItem(i));
    return elements;
  };
  const queryAll = (root, body) => {
    const request = JSON.parse(body);
    const counts = answer({ here: [request.target, ...request.here], top: request.top });
    if (counts.top === null || counts.here.includes(null) || counts.top.includes(null)) refuse('not answerable here');
    if (counts.here.slice(1).some((count) => count > 0) || counts.top.some((count) => count > 0)) refuse('a declared page is shown');
    if (counts.here[0] !== 1) refuse(counts.here[0] + ' matches');
    return elementsOf(request.target);
  };
  return { queryAll, query: (root, body) => queryAll(root, body)[0] || null };
})()`;
