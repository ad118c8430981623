/**
 * What `ui.locate` returns: the target's Playwright Locator, wrapped so that the actions a bot
 * takes on it directly still land on the audit trail as ui actions would — values masked for a
 * sensitive target, flagged for a personal one, tracing paused while a secret is typed. Every other
 * method (waits, reads, `locator()`, `nth()`) is the Locator's own; locators derived from it are
 * plain Playwright locators and are not recorded (the `locate` record says the bot reached here).
 */
import type { Locator } from 'playwright-core';
import { MASKED_VALUE, type UiActionKind } from './recorder.ts';

interface Recorded {
  action: UiActionKind | ((args: unknown[]) => UiActionKind);
  /** The value to record, from the call's arguments (undefined: none). */
  value?: (args: unknown[]) => string | undefined;
  /** Types text: tracing is paused for a sensitive target. */
  typesText?: boolean;
}

const text = (args: unknown[]) => (typeof args[0] === 'string' ? args[0] : undefined);

/** The Locator methods that act, and how each is recorded (as ui.click, ui.fill, … record). */
const RECORDED: Readonly<Record<string, Recorded>> = {
  click: { action: 'click' },
  dblclick: { action: 'click' },
  tap: { action: 'click' },
  fill: { action: 'fill', value: text, typesText: true },
  type: { action: 'type', value: text, typesText: true },
  pressSequentially: { action: 'type', value: text, typesText: true },
  press: { action: 'press', value: text },
  check: { action: 'check' },
  uncheck: { action: 'uncheck' },
  setChecked: { action: (args) => (args[0] === false ? 'uncheck' : 'check') },
  selectOption: { action: 'select', value: (args) => optionText(args[0]) },
  setInputFiles: { action: 'upload' },
  clear: { action: 'fill', value: () => '' },
};

export interface RecordedLocatorInfo {
  target: string;
  strategy: string;
  sensitive: boolean;
  personal: boolean;
  record(event: {
    target: string;
    strategy: string;
    action: UiActionKind;
    value?: string;
    personal?: boolean;
    started: number;
  }): Promise<void>;
  /** Runs `work` with tracing paused when the target is sensitive. */
  whileSecretSafe(work: () => Promise<void>): Promise<void>;
}

export function recordedLocator(locator: Locator, info: RecordedLocatorInfo): Locator {
  return new Proxy(locator, {
    get(target, property) {
      const member: unknown = Reflect.get(target, property, target);
      if (typeof member !== 'function') return member;
      const recorded = typeof property === 'string' ? RECORDED[property] : undefined;
      if (recorded === undefined) return (member as (...args: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        const started = Date.now();
        let result: unknown;
        const run = async () => void (result = await (member as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        if (recorded.typesText) await info.whileSecretSafe(run);
        else await run();
        const raw = recorded.value?.(args);
        const value = raw === undefined ? undefined : info.sensitive ? MASKED_VALUE : raw;
        const action = typeof recorded.action === 'function' ? recorded.action(args) : recorded.action;
        await info.record({
          target: info.target,
          strategy: `${info.strategy} (ui.locate)`,
          action,
          ...(value === undefined ? {} : { value }),
          personal: info.personal,
          started,
        });
        return result;
      };
    },
  });
}

function optionText(option: unknown): string | undefined {
  if (typeof option === 'string') return option;
  if (Array.isArray(option))
    return option
      .map(optionText)
      .filter((o) => o !== undefined)
      .join(', ');
  if (option && typeof option === 'object') {
    const o = option as { label?: unknown; value?: unknown };
    if (typeof o.label === 'string') return o.label;
    if (typeof o.value === 'string') return o.value;
  }
  return undefined;
}
