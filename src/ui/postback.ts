/**
 * Waiting for a postback: a form submit that reloads the page (or one frame) at the same URL.
 *
 * The navigation listener is registered BEFORE the action, then we wait for the frame to commit a
 * new document and reach DOMContentLoaded. Partial (UpdatePanel/AJAX) postbacks do not navigate;
 * wait for a target that changes instead.
 */
import type { Frame, Page } from 'playwright-core';
import { TransientUiError } from '../errors.ts';
import { frameObject } from './frames.ts';
import { withTimeout } from './wait.ts';

export async function waitForPostback(
  page: Page,
  framePath: string | undefined,
  action: () => Promise<void>,
  timeoutMs: number,
  systemName: string,
): Promise<void> {
  const frame = await frameObject(page, framePath, timeoutMs);
  let onNavigated: ((navigated: Frame) => void) | undefined;
  const navigated = new Promise<void>((resolve) => {
    onNavigated = (navigatedFrame) => {
      if (navigatedFrame === frame) resolve();
    };
    page.on('framenavigated', onNavigated);
  });
  try {
    await action();
    await withTimeout(
      navigated,
      timeoutMs,
      () =>
        new TransientUiError(
          'KANSLIST_POSTBACK_TIMEOUT',
          `No postback${framePath ? ` in frame "${framePath}"` : ''} within ${timeoutMs} ms`,
          {
            where: `system ${systemName}`,
            remedy: 'The system did not answer in time; the item is retried.',
          },
        ),
    );
    await frame.waitForLoadState('domcontentloaded', { timeout: timeoutMs });
  } finally {
    if (onNavigated) page.off('framenavigated', onNavigated);
  }
}
