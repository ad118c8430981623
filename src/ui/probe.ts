/**
 * The check made before every action, answered by the frame document itself in one round trip.
 *
 * Before acting, Kanslist must know whether a declared error page is shown (it wins over a found
 * target) and how many elements each strategy of the target matches (never guess between several).
 * Asking Playwright costs one protocol message per locator count: the top document's error pages,
 * the target frame's error pages, then the strategies one by one. One function evaluated in the
 * target's frame answers all of them at once, the top document's error pages included (read through
 * `window.top` when it is same-origin, as legacy framesets are).
 *
 * Only checks the page's own JS answers exactly as Playwright's engines would are made here: CSS and
 * XPath counts, and — for "is this error page shown" — a non-exact text, which Playwright's text
 * engine finds somewhere exactly when the document's text (as Playwright reads it: no head, scripts
 * or styles; a button's value as its text) contains it. Everything else (role, label, exact or RegExp
 * text, a CSS selector only Playwright understands) is answered `null`, and the caller counts it
 * with a locator as before. A document with shadow roots is answered `null` throughout: Playwright's
 * CSS pierces them and the DOM's does not.
 */
import { internalCall } from './internal-call.ts';
import type { Frame, Page } from 'playwright-core';
import type { LocatorScope, Strategy } from './strategies.ts';

/** A check the frame document answers itself. */
export type PageCheck = { readonly css: string } | { readonly xpath: string } | { readonly text: string };

/** The check that counts a target strategy's matches, when the page can count them exactly. */
export function countCheck(strategy: Strategy): PageCheck | undefined {
  if ('css' in strategy) return { css: strategy.css };
  if ('xpath' in strategy) return { xpath: strategy.xpath };
  return undefined;
}

/** The check that says whether an error page's strategy matches anything (0 or 1), when the page can. */
export function presenceCheck(strategy: Strategy): PageCheck | undefined {
  if ('text' in strategy && typeof strategy.text === 'string' && !strategy.exact) return { text: strategy.text };
  return countCheck(strategy);
}

export interface ProbeRequest {
  /** Checks in the probed frame's own document. */
  readonly here: readonly PageCheck[];
  /** Checks in the top document (asked only when the probed frame is not the top one). */
  readonly top: readonly PageCheck[];
  /** Checks counted over the probed document and every frame inside it, at any depth. */
  readonly inside?: readonly PageCheck[];
}

export interface ProbeAnswer {
  /** Per check of `here`: the count, or null when only Playwright can answer it. */
  readonly here: readonly (number | null)[];
  /** Per check of `top`; null when the top document could not be read (another origin). */
  readonly top: readonly (number | null)[] | null;
  /** Per check of `inside`, summed over the documents; null when a frame could not be read (another origin). */
  readonly inside?: readonly (number | null)[] | null;
}

/**
 * One evaluation in the live frame of `scope`. Undefined when the scope is not a live page or frame
 * (a frame found by CSS, not attached yet) or the document went away mid-probe (a postback): the
 * caller then counts with locators, which wait for the new document.
 */
export async function probeFrame(scope: LocatorScope, request: ProbeRequest): Promise<ProbeAnswer | undefined> {
  if (!isLiveScope(scope)) return undefined;
  if (request.here.length === 0 && request.top.length === 0 && !request.inside?.length) return { here: [], top: [] };
  try {
    return await internalCall(() => scope.evaluate(PROBE, request));
  } catch {
    return undefined;
  }
}

/**
 * The probe as one function whose source is the same on every call, the request passed as its
 * argument: Playwright checks the source's syntax and the browser compiles it, and both keep what
 * they compiled for a source they saw before (a source with the request written into it was new
 * every time). Built from source with a `__name` shim: a TypeScript loader that keeps function
 * names (tsx, vitest) wraps inner functions in a helper the page does not have.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- Kanslist's own function, sent to the page as source either way
const PROBE = new Function('request', `const __name = (f) => f; return (${answerInPage.toString()})(request);`) as (
  request: ProbeRequest,
) => ProbeAnswer;

function isLiveScope(scope: LocatorScope): scope is Page | Frame {
  return typeof (scope as Partial<Page | Frame>).evaluate === 'function';
}

/**
 * Runs inside the frame document; it must not refer to anything outside itself (it is sent as
 * source, see PROBE; the checked-locator engine embeds it too).
 */
export function answerInPage(request: { here: PageCheck[]; top: PageCheck[]; inside?: PageCheck[] }): {
  here: (number | null)[];
  top: (number | null)[] | null;
  inside?: (number | null)[] | null;
} {
  const hasShadowRoots = (doc: Document): boolean => {
    const all = doc.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) if (all[i]!.shadowRoot) return true;
    return false;
  };
  const normalize = (text: string): string =>
    text
      .replace(/[\u200b\u00ad]/g, '')
      .trim()
      .replace(/\s+/g, ' ');
  // Playwright's elementText: skips head, script, noscript and style; a button input's text is its value.
  const textOf = (node: Node, doc: Document): string => {
    if (node.nodeType === 1) {
      const element = node as Element;
      if (
        element.nodeName === 'SCRIPT' ||
        element.nodeName === 'NOSCRIPT' ||
        element.nodeName === 'STYLE' ||
        (doc.head !== null && doc.head.contains(element))
      )
        return '';
      if (element.nodeName === 'INPUT') {
        const type = (element as HTMLInputElement).type;
        if (type === 'submit' || type === 'button' || type === 'reset') return (element as HTMLInputElement).value;
      }
    }
    let text = '';
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) text += textOf(child, doc);
    }
    return text;
  };
  const answer = (doc: Document, checks: PageCheck[]): (number | null)[] => {
    if (checks.length === 0) return [];
    if (hasShadowRoots(doc)) return checks.map(() => null);
    let docText: string | undefined;
    return checks.map((check) => {
      try {
        if ('css' in check) return doc.querySelectorAll(check.css).length;
        if ('xpath' in check) {
          const found = doc.evaluate(check.xpath, doc, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
          let elements = 0;
          for (let i = 0; i < found.snapshotLength; i++) if (found.snapshotItem(i)?.nodeType === 1) elements++;
          return elements;
        }
        docText ??= doc.documentElement ? normalize(textOf(doc.documentElement, doc)).toLowerCase() : '';
        return docText.includes(normalize(check.text).toLowerCase()) ? 1 : 0;
      } catch {
        return null; // a selector only Playwright's engine understands (`:has-text()`, `>>`)
      }
    });
  };
  // Every document from this one down; undefined when a frame's document cannot be read (another origin).
  const documentsInside = (): Document[] | undefined => {
    const documents: Document[] = [];
    const visit = (frame: Window): boolean => {
      let doc: Document | undefined;
      try {
        doc = frame.document;
      } catch {
        return false;
      }
      documents.push(doc);
      for (let i = 0; i < frame.frames.length; i++) if (!visit(frame.frames[i]!)) return false;
      return true;
    };
    return visit(window) ? documents : undefined;
  };
  const summed = (checks: PageCheck[]): (number | null)[] | null => {
    const documents = documentsInside();
    if (documents === undefined) return null;
    const totals: (number | null)[] = checks.map(() => 0);
    for (const doc of documents) {
      answer(doc, checks).forEach((count, index) => {
        const total = totals[index];
        totals[index] = count === null || total === null || total === undefined ? null : total + count;
      });
    }
    return totals;
  };
  const here = answer(document, request.here);
  const inside = request.inside?.length ? { inside: summed(request.inside) } : {};
  if (request.top.length === 0) return { here, top: [], ...inside };
  try {
    const top = window.top?.document;
    return { here, top: top ? answer(top, request.top) : null, ...inside };
  } catch {
    return { here, top: null, ...inside }; // a cross-origin parent
  }
}
