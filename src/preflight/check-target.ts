/**
 * One target, checked the way a run would resolve it (src/ui/targets.ts: the first strategy with
 * exactly one match wins, several matches are ambiguous, a later strategy is drift), and the
 * outcome put in words for a report instead of thrown.
 */
import type { Page } from 'playwright-core';
import { AmbiguousTargetError, TargetNotFoundError, TransientUiError } from '../errors.ts';
import { redact } from '../redact/redact.ts';
import { describeStrategy } from '../ui/strategies.ts';
import type { System } from '../ui/system.ts';
import { suggestStrategy, strategySource } from '../ui/suggest.ts';
import { countStrategyMatches, resolveTarget } from '../ui/targets.ts';
import type { TargetCheck } from './types.ts';

export interface CheckTargetOptions {
  /** On drift, propose a stable first strategy for the element the fallback matched. @default false */
  suggest?: boolean | undefined;
}

export async function checkTarget(
  page: Page,
  system: System,
  path: string,
  timeoutMs: number,
  options: CheckTargetOptions = {},
): Promise<TargetCheck> {
  const target = system.target(path);
  const base = { path, screen: screenOf(path) };
  const of = (index: number) => `${describeStrategy(target.strategies[index]!)} (${index + 1} of ${target.strategies.length})`;
  // A target that shows only in some states is looked at once, never waited for: seen, it is
  // checked like any other; absent, it is not a failure.
  const conditional = target.onlyWhen !== undefined;
  try {
    const found = await resolveTarget(page, system, path, { timeoutMs: conditional ? 0 : timeoutMs });
    if (found.index === 0) return { ...base, status: 'ok', matched: of(0) };
    const failed = target.strategies.slice(0, found.index).map(describeStrategy).join(', ');
    const drift: TargetCheck = {
      ...base,
      status: 'drift',
      matched: of(found.index),
      detail: `nothing matches ${failed}; update selectors/${system.name}.ts`,
    };
    const suggested = options.suggest ? await suggestStrategy(page, system, path, found.locator) : undefined;
    return suggested === undefined ? drift : { ...drift, suggested: strategySource(suggested) };
  } catch (error) {
    if (error instanceof AmbiguousTargetError) return { ...base, ...(await ambiguity(page, system, path, error, of)) };
    if (conditional && error instanceof TransientUiError) {
      const shown = error instanceof TargetNotFoundError ? '' : ` (${redact(error.message)})`;
      return { ...base, status: 'not-checked', detail: `shows only when ${target.onlyWhen}${shown}` };
    }
    if (error instanceof TargetNotFoundError) {
      const tried = target.strategies.map((strategy, index) => `${index + 1}. ${describeStrategy(strategy)}`).join('; ');
      return { ...base, status: 'missing', detail: `no strategy matched within ${timeoutMs} ms; tried ${tried}` };
    }
    // An error page (500, busy, session ended) instead of the screen: the run would fail here too.
    if (error instanceof TransientUiError) return { ...base, status: 'missing', detail: redact(error.message) };
    throw error; // a closed page or browser: the check itself broke
  }
}

/** Which strategy saw several elements, and how many; counted again because resolveTarget only throws. */
async function ambiguity(
  page: Page,
  system: System,
  path: string,
  error: AmbiguousTargetError,
  of: (index: number) => string,
): Promise<Omit<TargetCheck, 'path' | 'screen'>> {
  const counts = await countStrategyMatches(page, system, path).catch(() => []);
  const culprit = counts.find((entry) => entry.count > 0);
  if (!culprit || culprit.count < 2) return { status: 'ambiguous', detail: redact(error.message) };
  return { status: 'ambiguous', matched: of(culprit.index), detail: `${culprit.count} elements match; a strategy must match exactly one` };
}

export function screenOf(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}
