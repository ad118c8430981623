/**
 * Frame paths: a target's `frame` is a frame name, or a path 'outer > inner' for nested frames.
 *
 * Frames are reached with FrameLocators built from the frame *element* (`frame[name=…]` or
 * `iframe[name=…]`), never with a cached Frame object: legacy framesets reload a frame on every
 * postback, and a FrameLocator re-resolves each time it is used.
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';
import type { LocatorScope } from './strategies.ts';

export function frameNames(path: string): string[] {
  return path
    .split('>')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** CSS for the element hosting a named frame, whether a frameset `<frame>` or an `<iframe>`. */
export function frameElementSelector(name: string): string {
  const value = JSON.stringify(name);
  return `frame[name=${value}], iframe[name=${value}], frame[id=${value}], iframe[id=${value}]`;
}

export function frameLocatorFor(page: Page, path: string): FrameLocator {
  const [first, ...rest] = frameNames(path);
  if (first === undefined) throw new Error(`Empty frame path "${path}"`);
  return rest.reduce((scope, name) => scope.frameLocator(frameElementSelector(name)), page.frameLocator(frameElementSelector(first)));
}

/** The scope a target's locators are built in: the page itself when no frame is given. */
export function scopeFor(page: Page, path: string | undefined): LocatorScope {
  return path === undefined || frameNames(path).length === 0 ? page : frameLocatorFor(page, path);
}

/** The live Frame behind a path, waiting for its element to appear (for navigation events). */
export async function frameObject(page: Page, path: string | undefined, timeoutMs: number): Promise<Frame> {
  if (path === undefined || frameNames(path).length === 0) return page.mainFrame();
  const handle = await frameLocatorFor(page, path).owner().elementHandle({ timeout: Math.max(1, timeoutMs) });
  const frame = await handle.contentFrame();
  await handle.dispose();
  if (!frame) throw new Error(`The element for frame "${path}" has no content frame`);
  return frame;
}
