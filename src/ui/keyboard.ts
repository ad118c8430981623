/**
 * `ui.keyboard`: keys and text sent to whatever has focus, for what a target cannot name — a
 * chord that selects all, Escape that closes a menu, F-keys of a terminal emulator. Each call is
 * an action on the audit trail, target '(keyboard)'.
 *
 * A key or chord is recorded as pressed ('Control+A' says nothing about a person). Text inserted
 * without a target is recorded as '•••': Kanslist cannot tell whether the focused field holds a
 * secret or a personnummer, so it assumes it may (`ui.insertText(target, …)` records as `fill`).
 */
import type { Page } from 'playwright-core';
import { TransientUiError } from '../errors.ts';
import { MASKED_VALUE, type UiActionKind } from './recorder.ts';
import { firstLine } from './wait.ts';

export interface UiKeyboard {
  /** A key or chord on whatever has focus: 'Enter', 'Escape', 'Control+A', 'Shift+Tab', 'F9'. */
  press(key: string, opts?: { delay?: number }): Promise<void>;
  /**
   * Text into whatever has focus as one input event (no key events), as a paste would: for fields
   * whose key handlers get in the way. Recorded as '•••'. With `sensitive`, tracing is paused
   * while it is typed (a trace records typed text).
   */
  insertText(text: string, opts?: { sensitive?: boolean }): Promise<void>;
}

export interface KeyboardDeps {
  page: Page;
  system: string;
  /** Throws a failure kept from an event handler (a broken audit trail stops the bot). */
  throwIfFailed(): void;
  record(event: { target: string; strategy: string; action: UiActionKind; value?: string; started: number }): Promise<void>;
  /** Runs `work` with tracing paused. */
  whileTracingPaused(work: () => Promise<void>): Promise<void>;
}

const TARGET = '(keyboard)';

export function createKeyboard(deps: KeyboardDeps): UiKeyboard {
  const send = async (action: UiActionKind, value: string, work: () => Promise<void>) => {
    deps.throwIfFailed();
    const started = Date.now();
    try {
      await work();
    } catch (error) {
      // The key is named, never the text: it may be what the field should keep secret.
      throw new TransientUiError(
        'KANSLIST_KEYBOARD_FAILED',
        `Could not ${action === 'press' ? `press ${value}` : 'insert text'} on the page: ${firstLine(error)}`,
        {
          cause: error,
          where: `system ${deps.system}, keyboard`,
          remedy: 'Check that the page is still open and that a field has focus (click it, or use ui.press(target, key)).',
        },
      );
    }
    await deps.record({ target: TARGET, strategy: 'keyboard', action, value, started });
  };
  return {
    press: (key, opts = {}) =>
      send('press', key, () => deps.page.keyboard.press(key, opts.delay === undefined ? {} : { delay: opts.delay })),
    insertText: (text, opts = {}) =>
      send('type', MASKED_VALUE, () =>
        opts.sensitive ? deps.whileTracingPaused(() => deps.page.keyboard.insertText(text)) : deps.page.keyboard.insertText(text),
      ),
  };
}
