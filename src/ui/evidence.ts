/**
 * Evidence of what the screen looked like when something went wrong: a full-page screenshot with
 * every sensitive or personal target masked, and the HTML of the page and of each frame with the
 * values of those targets and of password inputs blanked, and identity numbers and registered
 * secrets masked in all the text (promise 4: evidence is kept, personal data is not spread).
 *
 * Capturing evidence never throws: it runs while handling another error, and must not hide it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { redact } from '../redact/redact.ts';
import { scopeFor } from './frames.ts';
import { markForRedaction, serializeRedacted, unmarkForRedaction } from './evidence-html.ts';
import { strategyLocator, unionLocator } from './strategies.ts';
import type { System } from './system.ts';

export interface Evidence {
  screenshot?: string;
  html?: string[];
}

/** Screenshots are evidence, not a wait: bound them so a hung page cannot stall error handling. */
const SCREENSHOT_TIMEOUT_MS = 10_000;

export async function captureEvidence(page: Page, dir: string, options: { mask: Locator[] }): Promise<Evidence> {
  const evidence: Evidence = {};
  try {
    await mkdir(dir, { recursive: true });
  } catch {
    return evidence;
  }
  try {
    const path = join(dir, 'screenshot.png');
    await page.screenshot({ path, fullPage: true, mask: options.mask, timeout: SCREENSHOT_TIMEOUT_MS });
    evidence.screenshot = path;
  } catch {
    // no screenshot (page closed or crashed): the HTML may still be captured
  }
  const html = await captureHtml(page, dir, options.mask);
  if (html.length > 0) evidence.html = html;
  return evidence;
}

/** `sensitive`: the targets whose values are blanked (the same locators the screenshot masks). */
async function captureHtml(page: Page, dir: string, sensitive: Locator[]): Promise<string[]> {
  const written: string[] = [];
  const usedNames = new Set<string>();
  await markForRedaction(sensitive);
  try {
    for (const [index, frame] of page.frames().entries()) {
      const isMain = frame === page.mainFrame();
      const file = isMain ? 'page.html' : `frame-${uniqueName(frame.name() || `${index}`, usedNames)}.html`;
      try {
        const path = join(dir, file);
        await writeFile(path, redact(await serializeRedacted(frame)), 'utf8');
        written.push(path);
      } catch {
        // a frame that detached meanwhile has no content to keep
      }
    }
  } finally {
    await unmarkForRedaction(sensitive);
  }
  return written;
}

function uniqueName(name: string, used: Set<string>): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || 'frame';
  let candidate = safe;
  for (let n = 2; used.has(candidate); n++) candidate = `${safe}-${n}`;
  used.add(candidate);
  return candidate;
}

/** Locators of every sensitive or personal target of the system that is present right now. */
export async function maskLocators(page: Page, system: System): Promise<Locator[]> {
  const masks: Locator[] = [];
  for (const target of system.targets.values()) {
    if (!target.sensitive && !target.personal) continue;
    const scope = scopeFor(page, target.frame);
    const union = unionLocator(target.strategies.map((strategy) => strategyLocator(scope, strategy)));
    const present = await union?.count().catch(() => 0);
    if (union && present) masks.push(union);
  }
  return masks;
}
