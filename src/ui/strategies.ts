/**
 * Locator strategies: the ways a system map can say where a target is.
 *
 * Each strategy maps to one Playwright locator (`getByLabel`, `getByRole`, …, `locator`). They are
 * plain data so a system map stays readable, can be validated when it is defined, and can be
 * described in one short line for drift reports (`label "Fastighetsbeteckning"`, `css #txtUser`).
 */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';

export type AriaRole = Parameters<Page['getByRole']>[0];

export type Strategy =
  | { label: string; exact?: boolean }
  | { role: AriaRole; name?: string | RegExp; exact?: boolean }
  | { text: string | RegExp; exact?: boolean }
  | { css: string }
  | { xpath: string }
  | { placeholder: string; exact?: boolean }
  | { title: string; exact?: boolean };

/** Where locators are built: the page, a (possibly nested) frame locator, or a live Frame. */
export type LocatorScope = Page | Frame | FrameLocator;

/** The key that names a strategy's kind, and the modifiers each kind accepts. */
const KINDS: Record<string, readonly string[]> = {
  label: ['exact'],
  role: ['name', 'exact'],
  text: ['exact'],
  css: [],
  xpath: [],
  placeholder: ['exact'],
  title: ['exact'],
};

export const STRATEGY_KINDS: readonly string[] = Object.keys(KINDS);

/**
 * Why a strategy is malformed, or undefined when it is fine. Returned as text (not thrown) so the
 * caller can name the system, screen and target the strategy belongs to.
 */
export function strategyProblem(strategy: unknown): string | undefined {
  if (typeof strategy !== 'object' || strategy === null || Array.isArray(strategy)) {
    return `a strategy must be an object like { label: '…' }, got ${JSON.stringify(strategy)}`;
  }
  const keys = Object.keys(strategy);
  const kinds = keys.filter((key) => key in KINDS);
  if (kinds.length !== 1) {
    return `a strategy needs exactly one of ${STRATEGY_KINDS.join(', ')}; got keys ${keys.join(', ') || '(none)'}`;
  }
  const kind = kinds[0] as string;
  const unknown = keys.filter((key) => key !== kind && !(KINDS[kind] ?? []).includes(key));
  if (unknown.length > 0) return `unknown key(s) ${unknown.join(', ')} in a ${kind} strategy`;
  const value = (strategy as Record<string, unknown>)[kind];
  const regexAllowed = kind === 'text';
  if (!(typeof value === 'string' && value.length > 0) && !(regexAllowed && value instanceof RegExp)) {
    return `${kind} must be a non-empty string${regexAllowed ? ' or a RegExp' : ''}`;
  }
  return undefined;
}

function quote(value: string | RegExp): string {
  return value instanceof RegExp ? String(value) : JSON.stringify(value);
}

/** One short readable line, used in drift reports, audit records and error messages. */
export function describeStrategy(strategy: Strategy): string {
  const exact = 'exact' in strategy && strategy.exact ? ' (exact)' : '';
  if ('label' in strategy) return `label ${quote(strategy.label)}${exact}`;
  if ('role' in strategy) return `role ${strategy.role}${strategy.name === undefined ? '' : ` ${quote(strategy.name)}`}${exact}`;
  if ('text' in strategy) return `text ${quote(strategy.text)}${exact}`;
  if ('css' in strategy) return `css ${strategy.css}`;
  if ('xpath' in strategy) return `xpath ${strategy.xpath}`;
  if ('placeholder' in strategy) return `placeholder ${quote(strategy.placeholder)}${exact}`;
  return `title ${quote(strategy.title)}${exact}`;
}

/** The Playwright locator for one strategy inside a scope. Nothing is queried until it is used. */
export function strategyLocator(scope: LocatorScope, strategy: Strategy): Locator {
  const exact = 'exact' in strategy && strategy.exact !== undefined ? { exact: strategy.exact } : {};
  if ('label' in strategy) return scope.getByLabel(strategy.label, exact);
  if ('role' in strategy) {
    return scope.getByRole(strategy.role, { ...exact, ...(strategy.name === undefined ? {} : { name: strategy.name }) });
  }
  if ('text' in strategy) return scope.getByText(strategy.text, exact);
  if ('css' in strategy) return scope.locator(strategy.css);
  if ('xpath' in strategy) return scope.locator(`xpath=${strategy.xpath}`);
  if ('placeholder' in strategy) return scope.getByPlaceholder(strategy.placeholder, exact);
  return scope.getByTitle(strategy.title, exact);
}

/** All strategies as one locator (`a.or(b).or(c)`); they must share one scope (Playwright's rule). */
export function unionLocator(locators: readonly Locator[]): Locator | undefined {
  const [first, ...rest] = locators;
  return first === undefined ? undefined : rest.reduce((union, next) => union.or(next), first);
}
