/**
 * Interstitials: pages the system shows by design between the bot and its target (a CSRF "resume"
 * page, "are you sure you want to leave", a cookie notice). They are looked for with the error pages
 * while a target is awaited (one probe, src/ui/probe.ts); when one shows, its `pass` handler runs,
 * the trail records it, and the wait goes on. An interstitial that keeps coming back fails the
 * action naming it, instead of looping until the timeout.
 */
import type { Page } from 'playwright-core';
import { TransientUiError } from '../errors.ts';
import { frameKey } from './frames.ts';
import { watchFrames, watchLocator, type Watch } from './page-errors.ts';
import { interstitialStrategies, type System } from './system.ts';

export const DEFAULT_MAX_PASSES_PER_ACTION = 3;

/** The interstitials to look for while resolving a target in `targetFrame`. */
export function interstitialWatches(page: Page, system: System, targetFrame: string | undefined): Watch[] {
  const watches: Watch[] = [];
  for (const [name, definition] of Object.entries(system.interstitials ?? {})) {
    const strategies = interstitialStrategies(definition);
    for (const frame of watchFrames(frameKey(definition.frame), targetFrame)) {
      const locator = watchLocator(page, frame, strategies);
      if (locator) watches.push({ name, strategies, frame, locator });
    }
  }
  return watches;
}

/** Counts the passes of one target's wait and refuses one more than the interstitial allows. */
export class InterstitialPasses {
  private readonly passes = new Map<string, number>();

  constructor(
    private readonly system: System,
    private readonly path: string,
  ) {}

  /** Call before passing `name` again; throws when it was passed as often as allowed. */
  admit(name: string): void {
    const max = this.system.interstitials?.[name]?.maxPerAction ?? DEFAULT_MAX_PASSES_PER_ACTION;
    const done = this.passes.get(name) ?? 0;
    if (done >= max) {
      throw new TransientUiError(
        'KANSLIST_INTERSTITIAL_REPEATED',
        `${this.system.name} showed its "${name}" page again after it was passed ${done} time(s) while waiting for target "${this.path}"`,
        {
          where: `system ${this.system.name}, target ${this.path}, interstitial ${name}`,
          params: { interstitial: name },
          remedy: `Check that interstitials.${name}.pass in selectors/${this.system.name}.ts gets past the page and waits for it to go (ui.waitForPostback); the item is retried.`,
        },
      );
    }
    this.passes.set(name, done + 1);
  }
}
