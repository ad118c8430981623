/**
 * Waiting for a partial postback (an ASP.NET UpdatePanel, any XHR/fetch that swaps a region):
 * nothing navigates, so the navigation wait of postback.ts would time out. Instead:
 *
 * 1. Before the action: mark the region that will change (`update`) and start waiting for the
 *    response that carries it (`response`) — as the navigation listener is registered first.
 * 2. Run the action.
 * 3. Wait for the response to arrive in full, then for the region to be updated (its content
 *    changed, or its element replaced: a full reload instead of a partial one also counts).
 * 4. Settle: with only a response named, let the page run one task, so its handler has applied
 *    the answer before the bot reads.
 */
import type { Frame, Locator, Page, Response } from 'playwright-core';
import { TransientUiError } from '../errors.ts';
import type { FramePath } from './frames.ts';
import { watchRegion, type RegionWatch } from './region-watch.ts';
import type { LocatorScope } from './strategies.ts';

export interface PartialPostbackOptions<T extends string = string> {
  /**
   * The target (an UpdatePanel's element, a results grid) the postback updates. Watched from
   * before the action; the wait ends when its content changed or its element was replaced.
   * @default undefined (no region watched)
   */
  update?: T;
  /**
   * The response carrying the update, as Playwright's `page.waitForResponse` takes it: a URL glob,
   * a RegExp tested on the URL, or a predicate, e.g. `/UpdatePanel|\/api\//`. The wait ends when it
   * has arrived in full (and, with `update`, the region changed too).
   * @default undefined (no response awaited)
   */
  response?: string | RegExp | ((response: Response) => boolean | Promise<boolean>);
}

/** What `ui.waitForPostback` takes: `frame` for a full postback, `update`/`response` for a partial one. */
export interface PostbackOptions<T extends string = string> extends PartialPostbackOptions<T> {
  /** The frame a full postback reloads. @default the top page */
  frame?: FramePath | undefined;
}

export interface PartialPostbackDeps {
  readonly page: Page;
  readonly timeoutMs: number;
  readonly systemName: string;
  /** The region's locator and the scope of its frame, found within `timeoutMs`. */
  resolveRegion(path: string, timeoutMs: number): Promise<{ locator: Locator; scope: LocatorScope }>;
}

export function isPartial(options: PartialPostbackOptions): boolean {
  return options.update !== undefined || options.response !== undefined;
}

export async function waitForPartialPostback(
  deps: PartialPostbackDeps,
  options: PartialPostbackOptions,
  action: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + deps.timeoutMs;
  const left = (): number => Math.max(1, deadline - Date.now());
  // 1. Watch before acting.
  let watch: RegionWatch | undefined;
  if (options.update !== undefined) {
    const region = await deps.resolveRegion(options.update, left());
    watch = await watchRegion(region.locator, region.scope, left());
  }
  const responding = options.response === undefined ? undefined : deps.page.waitForResponse(options.response, { timeout: left() });
  responding?.catch(() => undefined); // a failed action is the error to report
  try {
    // 2. Act.
    await action();
    // 3. The answer, then the region.
    if (responding) {
      const response = await responding.catch((error: unknown) => {
        throw timeout(deps, options, 'no matching response arrived', error);
      });
      await response.finished();
      // 4. Settle: the page's handler of the response runs in a task of its own.
      if (!watch) await yieldToPage(response.frame());
    }
    if (watch && !(await watch.updated(left()))) throw timeout(deps, options, `the region "${options.update}" did not change`);
  } finally {
    await watch?.dispose();
  }
}

async function yieldToPage(frame: Frame): Promise<void> {
  // One task of the page's own event loop, not a delay: it resolves as soon as the page is idle.
  await frame.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0))).catch(() => undefined); // a frame that navigated away has nothing left to run
}

function timeout(deps: PartialPostbackDeps, options: PartialPostbackOptions, what: string, cause?: unknown): TransientUiError {
  const expected =
    options.response === undefined ? '' : ` (response ${typeof options.response === 'function' ? 'predicate' : String(options.response)})`;
  return new TransientUiError('KANSLIST_PARTIAL_POSTBACK_TIMEOUT', `No partial postback within ${deps.timeoutMs} ms: ${what}${expected}`, {
    cause,
    where: `system ${deps.systemName}${options.update === undefined ? '' : `, target ${options.update}`}`,
    remedy:
      'The system did not update the page in time; the item is retried. If it persists, check that the action updates that region (update) or sends that request (response).',
  });
}
