/**
 * Watching a region of the page for an update, from before the action that causes it.
 *
 * The region's element is marked and a MutationObserver in the page flags the first change of its
 * content. "Updated" is then one locator condition — no element both marked and unflagged — which
 * holds when the content changed (an UpdatePanel's innerHTML swapped, rows replaced in place) and
 * also when the element itself was replaced or removed (a new table, a full reload). Rows read
 * after it are the new ones, never the stale ones still shown while the answer was on its way.
 */
import type { Locator } from 'playwright-core';
import type { LocatorScope } from './strategies.ts';
import { isPlaywrightTimeout } from './wait.ts';

const WATCH = 'data-kanslist-watch';
const CHANGED = 'data-kanslist-changed';

export interface RegionWatch {
  /** Waits until the region changed or went away; false when it did not within `timeoutMs`. */
  updated(timeoutMs: number): Promise<boolean>;
  /** Removes the marks from a region that is still there. Never throws. */
  dispose(): Promise<void>;
}

let counter = 0;

/** Marks `region` (resolved in `scope`) and starts observing it. */
export async function watchRegion(region: Locator, scope: LocatorScope, timeoutMs: number): Promise<RegionWatch> {
  const mark = `w${++counter}`;
  await region.evaluate(
    (element, { mark, watch, changed }) => {
      element.setAttribute(watch, mark);
      // Attributes are not observed, so flagging the element does not trigger the observer again.
      const observer = new MutationObserver(() => {
        element.setAttribute(changed, mark);
        observer.disconnect();
      });
      observer.observe(element, { childList: true, subtree: true, characterData: true });
    },
    { mark, watch: WATCH, changed: CHANGED },
    { timeout: Math.max(1, timeoutMs) },
  );
  const unchanged = scope.locator(`[${WATCH}="${mark}"]:not([${CHANGED}])`);
  return {
    async updated(waitMs) {
      try {
        await unchanged.waitFor({ state: 'detached', timeout: Math.max(1, waitMs) });
        return true;
      } catch (error) {
        if (isPlaywrightTimeout(error)) return false;
        throw error;
      }
    },
    async dispose() {
      await scope
        .locator(`[${WATCH}="${mark}"]`)
        .evaluateAll(
          (elements, names) => elements.forEach((element) => names.forEach((name) => element.removeAttribute(name))),
          [WATCH, CHANGED],
        )
        .catch(() => undefined); // the page may have moved on; a leftover mark harms nothing
    },
  };
}
