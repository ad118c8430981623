/**
 * Drift that heals: for a target a fallback strategy matched, a stable strategy for the element
 * that actually matched, to become the target's new first strategy.
 *
 * Candidates in order of how well they survive the next release: the element's id, its name,
 * a data-* attribute, its aria-label, its role and accessible name, its label's text. Position
 * (nth-child chains) is never used: it breaks with the first row or field added above it. Each
 * candidate is checked on the live page: it must match exactly one element, and that element
 * must be the one the fallback matched. None that passes: no suggestion (never a guess).
 * Only attribute names and texts of the element are read, never a field's value.
 */
import type { Locator, Page } from 'playwright-core';
import { redact } from '../redact/redact.ts';
import { probeScopeFor } from './frames.ts';
import { strategyLocator, type AriaRole, type Strategy } from './strategies.ts';
import type { System } from './system.ts';

/** What the element tells about itself; read in the page in one round trip. */
interface ElementFacts {
  id: string;
  name: string;
  tag: string;
  data: [string, string][];
  ariaLabel: string;
  role: string;
  roleName: string;
  labelText: string;
}

/** An id that a page makes up anew on each render (React's `:r1:`, long numbers, UUIDs) is not stable. */
const UNSTABLE_ID = /^:|\d{5,}|[0-9a-f]{8}-[0-9a-f]{4}-|^[0-9a-f]{16,}$/i;
const SIMPLE_ID = /^[A-Za-z][\w-]*$/;

export async function suggestStrategy(page: Page, system: System, path: string, matched: Locator): Promise<Strategy | undefined> {
  const target = system.target(path);
  const facts = await readFacts(matched);
  if (!facts) return undefined;
  // A personal or secret element's own text may be the person's (a name as a link): not offered.
  const own = target.personal || target.sensitive ? { ...facts, roleName: facts.ariaLabel } : facts;
  const scope = probeScopeFor(page, target.frame);
  for (const strategy of candidates(own)) {
    // A suggestion goes into logs, the trail and reports: one holding an identity number is not offered (nor stable).
    if (redact(strategySource(strategy)) !== strategySource(strategy)) continue;
    if (await isExactlyThis(strategyLocator(scope, strategy), matched)) return strategy;
  }
  return undefined;
}

/** The candidates, most stable first. */
export function candidates(facts: ElementFacts): Strategy[] {
  const list: Strategy[] = [];
  if (facts.id && !UNSTABLE_ID.test(facts.id))
    list.push({ css: SIMPLE_ID.test(facts.id) ? `#${facts.id}` : `[id=${cssString(facts.id)}]` });
  if (facts.name) list.push({ css: `${facts.tag}[name=${cssString(facts.name)}]` });
  for (const [attribute, value] of facts.data) list.push({ css: value ? `[${attribute}=${cssString(value)}]` : `[${attribute}]` });
  if (facts.ariaLabel) list.push({ css: `[aria-label=${cssString(facts.ariaLabel)}]` });
  if (facts.role && facts.roleName) list.push({ role: facts.role as AriaRole, name: facts.roleName, exact: true });
  if (facts.labelText) list.push({ label: facts.labelText, exact: true });
  return list;
}

function cssString(value: string): string {
  return JSON.stringify(value);
}

async function isExactlyThis(candidate: Locator, matched: Locator): Promise<boolean> {
  try {
    if ((await candidate.count()) !== 1) return false;
    const [one, other] = await Promise.all([candidate.elementHandle({ timeout: 1_000 }), matched.elementHandle({ timeout: 1_000 })]);
    try {
      return await one.evaluate((a, b) => a === b, other);
    } finally {
      await Promise.all([one.dispose(), other.dispose()]);
    }
  } catch {
    return false; // a selector the engine rejects, or the page moved on: not a suggestion
  }
}

async function readFacts(matched: Locator): Promise<ElementFacts | undefined> {
  try {
    return await matched.evaluate((element: Element) => {
      const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const tag = element.tagName.toLowerCase();
      const type = (element.getAttribute('type') ?? '').toLowerCase();
      const explicitRole = element.getAttribute('role') ?? '';
      const implicitRole =
        tag === 'button' || (tag === 'input' && ['submit', 'button', 'reset'].includes(type))
          ? 'button'
          : tag === 'a' && element.hasAttribute('href')
            ? 'link'
            : /^h[1-6]$/.test(tag)
              ? 'heading'
              : tag === 'select'
                ? 'combobox'
                : '';
      const role = explicitRole || implicitRole;
      // A field's own text or value may be personal: only buttons, links and headings are named by theirs.
      const ownName =
        implicitRole === 'button' && tag === 'input'
          ? (element.getAttribute('value') ?? '')
          : ['button', 'link', 'heading'].includes(implicitRole)
            ? text(element)
            : '';
      const roleName = element.getAttribute('aria-label') ?? ownName;
      const id = element.id;
      const label = (id ? element.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null) ?? element.closest('label');
      return {
        id,
        name: element.getAttribute('name') ?? '',
        tag,
        data: Array.from(element.attributes)
          .filter((a) => a.name.startsWith('data-'))
          .map((a) => [a.name, a.value] as [string, string]),
        ariaLabel: element.getAttribute('aria-label') ?? '',
        role,
        roleName: roleName.length <= 80 ? roleName : '',
        labelText: text(label),
      };
    });
  } catch {
    return undefined;
  }
}

/** The strategy as a system map writes it: `{ css: '#txtUser' }`. */
export function strategySource(strategy: Strategy): string {
  const parts = Object.entries(strategy).map(([key, value]) => `${key}: ${sourceValue(value)}`);
  return `{ ${parts.join(', ')} }`;
}

function sourceValue(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  return String(value);
}
