/**
 * Moving between pages and waiting for what an action sets off: goto, postbacks (full and
 * partial), an expected dialog, and reading a grid across its pager. Each checks for a shown
 * error page where a page may have changed, so an HTTP 500 is reported as such, not as a timeout.
 */
import { TargetNotFoundError, TransientUiError } from '../errors.ts';
import type { DialogAnswer } from './dialogs.ts';
import { frameKey, scopeFor } from './frames.ts';
import { readGrid as readGridPages } from './grid.ts';
import { isPartial, waitForPartialPostback, type PostbackOptions } from './partial-postback.ts';
import { waitForPostback as waitForFullPostback } from './postback.ts';
import type { ScreensDefinition, TargetPath } from './system.ts';
import type { UiSession } from './ui-session.ts';
import type { Ui } from './ui-types.ts';
import { firstLine, withTimeout } from './wait.ts';

export async function goto<S extends ScreensDefinition>(
  session: UiSession<S>,
  url: string,
  opts: { timeoutMs?: number } = {},
): Promise<void> {
  const started = Date.now();
  session.channel.throwIfFailed();
  let status: number | undefined;
  session.screen = undefined;
  try {
    status = (await session.page.goto(url, { timeout: opts.timeoutMs ?? session.timeoutMs, waitUntil: 'domcontentloaded' }))?.status();
  } catch (error) {
    throw new TransientUiError('KANSLIST_NAVIGATION_FAILED', `Could not open ${url}: ${firstLine(error)}`, {
      cause: error,
      where: `system ${session.system.name}`,
    });
  }
  await session.assertNoPageError();
  if (status !== undefined && status >= 500) {
    throw new TransientUiError('KANSLIST_HTTP_ERROR', `${session.system.name} answered ${url} with HTTP ${status}`, {
      where: `system ${session.system.name}`,
    });
  }
  await session.record({ target: '(page)', strategy: 'url', action: 'goto', value: url, started });
}

export async function waitForPostback<S extends ScreensDefinition>(
  session: UiSession<S>,
  action: () => Promise<void>,
  opts: PostbackOptions<TargetPath<S>> = {},
): Promise<void> {
  session.channel.throwIfFailed();
  if (isPartial(opts)) {
    await waitForPartialPostback(
      {
        page: session.page,
        timeoutMs: session.timeoutMs,
        systemName: session.system.name,
        resolveRegion: async (region, timeoutMs) => ({
          locator: (await session.resolve(region, timeoutMs)).locator,
          scope: scopeFor(session.page, session.system.target(region).frame),
        }),
      },
      opts,
      action,
    );
  } else {
    await waitForFullPostback(session.page, frameKey(opts.frame), action, session.timeoutMs, session.system.name);
  }
  await session.assertNoPageError();
}

export async function expectDialog<S extends ScreensDefinition>(
  session: UiSession<S>,
  match: string | RegExp,
  answer: DialogAnswer,
  action: () => Promise<void>,
): Promise<string> {
  const pending = session.dialogs.expect(match, answer);
  try {
    await action();
    return await withTimeout(
      pending.message,
      session.timeoutMs,
      () =>
        new TransientUiError(
          'KANSLIST_DIALOG_NOT_SHOWN',
          `The expected dialog ${String(match)} did not appear within ${session.timeoutMs} ms`,
          {
            where: `system ${session.system.name}`,
            remedy:
              'The action did not lead where the bot expected; the item is retried. If it persists, check the bot against the system.',
          },
        ),
    );
  } finally {
    pending.cancel();
  }
}

export async function readGrid<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  opts: Parameters<Ui<S>['readGrid']>[1] = {},
): Promise<Record<string, string>[]> {
  return readGridPages(
    {
      page: session.page,
      timeoutMs: session.timeoutMs,
      resolve: (target, timeoutMs) => session.resolve(target, timeoutMs),
      resolveNow: (target) =>
        session.resolve(target, 0).catch((error: unknown) => {
          if (error instanceof TargetNotFoundError) return undefined;
          throw error;
        }),
      click: async (locator, target, strategy) => {
        const started = Date.now();
        await locator.click({ timeout: session.timeoutMs });
        await session.record({ target, strategy, action: 'click', started });
      },
    },
    path,
    opts,
  );
}
