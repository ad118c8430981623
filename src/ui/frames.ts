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

/**
 * The scope for a check made *right now* (a count, no wait): the live Frame when every frame of the
 * path is attached, else the FrameLocator. Counting in a live Frame skips finding the frame element
 * first — about three protocol round trips less per count, and target resolution counts a lot.
 * It is looked up anew for every check and never kept, so a reloaded frameset is always seen.
 * Waits and actions keep using FrameLocators, which follow a frame that is replaced meanwhile.
 */
export function probeScopeFor(page: Page, path: string | undefined): LocatorScope {
  if (path === undefined || frameNames(path).length === 0) return page;
  let frame: Frame | undefined;
  let children = page.mainFrame().childFrames();
  for (const name of frameNames(path)) {
    // Frame.name() is the name attribute, or the id when there is no name: as frameElementSelector.
    frame = children.find((child) => child.name() === name && !child.isDetached());
    if (!frame) return frameLocatorFor(page, path);
    children = frame.childFrames();
  }
  return frame ?? frameLocatorFor(page, path);
}

/** The live Frame behind a path, waiting for its element to appear (for navigation events). */
export async function frameObject(page: Page, path: string | undefined, timeoutMs: number): Promise<Frame> {
  if (path === undefined || frameNames(path).length === 0) return page.mainFrame();
  const live = probeScopeFor(page, path);
  if (isFrame(live)) return live; // attached already: no need to find its element
  const handle = await frameLocatorFor(page, path).owner().elementHandle({ timeout: Math.max(1, timeoutMs) });
  const frame = await handle.contentFrame();
  await handle.dispose();
  if (!frame) throw new Error(`The element for frame "${path}" has no content frame`);
  return frame;
}

function isFrame(scope: LocatorScope): scope is Frame {
  return typeof (scope as Partial<Frame>).childFrames === 'function';
}
