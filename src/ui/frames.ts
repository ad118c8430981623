/**
 * Frame paths: a target's `frame` is a frame name, a path 'outer > inner' for nested frames, or —
 * for frames without name or id, as rich-text editors make them — a CSS selector for the frame
 * element, `{ css: '#cke_Content iframe' }`, alone or as a step of a list: `['main', { css: 'iframe' }]`.
 * Inside src/ui a path is one string (a key for maps and messages): names as 'outer > inner', a path
 * with a CSS step as its JSON list (a CSS selector may itself hold '>').
 *
 * Frames are reached with FrameLocators built from the frame *element* (`frame[name=…]` or
 * `iframe[name=…]`), never with a cached Frame object: legacy framesets reload a frame on every
 * postback, and a FrameLocator re-resolves each time it is used.
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';
import type { LocatorScope } from './strategies.ts';

/** One step into a frame: its name (or id), or a CSS selector for its `<iframe>`/`<frame>` element. */
export type FrameStep = string | { readonly name: string } | { readonly css: string };
/** How a system map or a bot says where a frame is. */
export type FramePath = FrameStep | readonly FrameStep[];

type Step = { name: string; css?: undefined } | { css: string; name?: undefined };

/** The one-string key of a frame path (see the file comment); undefined stays undefined. */
export function frameKey(path: FramePath | undefined): string | undefined {
  if (path === undefined) return undefined;
  if (typeof path === 'string') return path;
  const steps: Step[] = (Array.isArray(path) ? (path as readonly FrameStep[]) : [path as FrameStep]).flatMap(toSteps);
  if (steps.every((step) => step.name !== undefined)) return steps.map((step) => step.name).join(' > ');
  return JSON.stringify(steps);
}

/** Why a frame path is malformed, or undefined when it is fine (the caller names where it is). */
export function framePathProblem(path: unknown): string | undefined {
  const steps = Array.isArray(path) ? (path as unknown[]) : [path];
  if (steps.length === 0) return 'a frame path needs at least one step';
  for (const step of steps) {
    if (typeof step === 'string' && step.trim() !== '') continue;
    if (typeof step === 'object' && step !== null && Object.keys(step).length === 1) {
      const value = (step as Record<string, unknown>).css ?? (step as Record<string, unknown>).name;
      if (typeof value === 'string' && value.trim() !== '') continue;
    }
    return `a frame step is a name, { name: '…' } or { css: '…' }; got ${JSON.stringify(step)}`;
  }
  return undefined;
}

function toSteps(step: FrameStep): Step[] {
  if (typeof step === 'string') return frameNames(step).map((name) => ({ name }));
  return 'css' in step ? [{ css: step.css }] : [{ name: step.name }];
}

function frameSteps(key: string): Step[] {
  return key.trimStart().startsWith('[') ? (JSON.parse(key) as Step[]) : frameNames(key).map((name) => ({ name }));
}

/** Readable text for messages: `main > css iframe.editor`. */
export function describeFrame(key: string): string {
  return frameSteps(key)
    .map((step) => (step.css === undefined ? step.name : `css ${step.css}`))
    .join(' > ');
}

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

function stepSelector(step: Step): string {
  return step.css ?? frameElementSelector(step.name);
}

export function frameLocatorFor(page: Page, path: string): FrameLocator {
  const [first, ...rest] = frameSteps(path);
  if (first === undefined) throw new Error(`Empty frame path "${path}"`);
  return rest.reduce((scope, step) => scope.frameLocator(stepSelector(step)), page.frameLocator(stepSelector(first)));
}

/** The scope a target's locators are built in: the page itself when no frame is given. */
export function scopeFor(page: Page, path: string | undefined): LocatorScope {
  return path === undefined || frameSteps(path).length === 0 ? page : frameLocatorFor(page, path);
}

/**
 * The scope for a check made *right now* (a count, no wait): the live Frame when every frame of the
 * path is attached, else the FrameLocator. Counting in a live Frame skips finding the frame element
 * first — about three protocol round trips less per count, and target resolution counts a lot.
 * It is looked up anew for every check and never kept, so a reloaded frameset is always seen.
 * Waits and actions keep using FrameLocators, which follow a frame that is replaced meanwhile.
 */
export function probeScopeFor(page: Page, path: string | undefined): LocatorScope {
  if (path === undefined || frameSteps(path).length === 0) return page;
  let frame: Frame | undefined;
  let children = page.mainFrame().childFrames();
  for (const { name } of frameSteps(path)) {
    // A frame found by CSS has no cheap live lookup: the FrameLocator finds its element.
    if (name === undefined) return frameLocatorFor(page, path);
    // Frame.name() is the name attribute, or the id when there is no name: as frameElementSelector.
    frame = children.find((child) => child.name() === name && !child.isDetached());
    if (!frame) return frameLocatorFor(page, path);
    children = frame.childFrames();
  }
  return frame ?? frameLocatorFor(page, path);
}

/** The live Frame behind a path, waiting for its element to appear (for navigation events). */
export async function frameObject(page: Page, path: string | undefined, timeoutMs: number): Promise<Frame> {
  if (path === undefined || frameSteps(path).length === 0) return page.mainFrame();
  const live = probeScopeFor(page, path);
  if (isFrame(live)) return live; // attached already: no need to find its element
  const handle = await frameLocatorFor(page, path)
    .owner()
    .elementHandle({ timeout: Math.max(1, timeoutMs) });
  const frame = await handle.contentFrame();
  await handle.dispose();
  if (!frame) throw new Error(`The element for frame "${path}" has no content frame`);
  return frame;
}

function isFrame(scope: LocatorScope): scope is Frame {
  return typeof (scope as Partial<Frame>).childFrames === 'function';
}
