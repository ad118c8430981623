/**
 * The HTML half of evidence, with the values of sensitive and personal fields blanked.
 *
 * The targets are known as Playwright locators (possibly inside frames), the HTML is serialised
 * per frame in the page: so the elements are marked with an attribute first, each frame is
 * serialised from a clone in which marked fields and password inputs lose their values, and the
 * marks are removed again — the live page is left as the bot found it.
 */
import type { Frame, Locator } from 'playwright-core';

const MARK = 'data-kanslist-redact';
/** What a blanked field's value becomes: visible in the evidence as "there was a value here". */
export const FIELD_MASK = '•••';

export async function markForRedaction(locators: Locator[]): Promise<void> {
  for (const locator of locators) {
    await locator.evaluateAll((els, mark) => els.forEach((el) => el.setAttribute(mark, '')), MARK).catch(() => undefined);
  }
}

export async function unmarkForRedaction(locators: Locator[]): Promise<void> {
  for (const locator of locators) {
    await locator.evaluateAll((els, mark) => els.forEach((el) => el.removeAttribute(mark)), MARK).catch(() => undefined);
  }
}

/**
 * The frame's HTML with marked fields and password inputs blanked. Falls back to Playwright's
 * own serialisation (which has no typed values, only the page's attributes) if the script fails.
 */
export async function serializeRedacted(frame: Frame): Promise<string> {
  try {
    return await frame.evaluate(blankAndSerialize, { mark: MARK, mask: FIELD_MASK });
  } catch {
    return await frame.content();
  }
}

/** Runs in the page. */
function blankAndSerialize({ mark, mask }: { mark: string; mask: string }): string {
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  for (const el of Array.from(clone.querySelectorAll(`[${mark}], input[type=password i]`))) {
    el.removeAttribute(mark);
    if (el.tagName === 'INPUT') {
      // the value attribute is what the server rendered (e.g. after a postback)
      if (el.getAttribute('value')) el.setAttribute('value', mask);
    } else if (el.tagName !== 'SELECT' && el.textContent) {
      // a textarea, or a personal target shown as text (a name in a cell): blank its text
      el.textContent = mask;
    }
  }
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : '';
  return doctype + clone.outerHTML;
}
