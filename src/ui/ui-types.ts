/**
 * The public face of `ctx.ui`: the `Ui` interface a bot author calls and the options its actions
 * take. Kept apart from the implementation (ui.ts and the ui-*.ts files behind it) so that the
 * contract reads in one place; ui.ts re-exports all of it, the path bots and the runner import.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { DialogAnswer } from './dialogs.ts';
import type { FramePath } from './frames.ts';
import type { ReadGridOptions } from './grid.ts';
import type { UiKeyboard } from './keyboard.ts';
import type { PartialPostbackOptions, PostbackOptions } from './partial-postback.ts';
import type { UiRecorder } from './recorder.ts';
import type { ScreensDefinition, System, TargetPath } from './system.ts';

/** Pauses Playwright tracing while a secret is typed (the runner implements it with trace chunks). */
export interface TracingPause {
  pause(): Promise<void>;
  resume(): Promise<void>;
}

export interface CreateUiOptions<S extends ScreensDefinition> {
  page: Page;
  system: System<S>;
  recorder?: UiRecorder;
  /** Bound of every wait (target, dialog, popup, postback). @default the system's `timeoutMs`, else 15000 */
  timeoutMs?: number | undefined;
  tracing?: TracingPause;
}

/** Options every action on a target takes. */
export interface ActOptions {
  /** Bound of this call's wait and action. @default the target's `timeoutMs`, else the system's (15000) */
  timeoutMs?: number;
  /**
   * Act on the n-th match (0-based) when the target matches several elements on purpose (two
   * pre-filled address fields). Only where a bot asks: without it several matches are an
   * AmbiguousTargetError, because Kanslist never guesses. @default undefined (exactly one match)
   */
  nth?: number;
}

export interface TypeOptions extends ActOptions {
  /** Milliseconds between key presses, for widgets that debounce typing. @default 0 */
  delay?: number;
}

export interface ChooseOptions<S extends ScreensDefinition> extends ActOptions {
  /** Typed key by key into the field to open the option list. */
  type: string;
  /** The option to choose: its whole text (trimmed, exact), or a RegExp tested on its text. */
  option: string | RegExp;
  /** The target matching every option of the list. @default elements with role "option" in the field's frame */
  options?: TargetPath<S>;
  /** The field the widget writes the choice to (often a hidden input), checked after choosing. */
  valueTarget?: TargetPath<S>;
  /** The value `valueTarget` must get. @default any non-empty value */
  expectValue?: string;
  /** Milliseconds between key presses. @default 0 */
  delay?: number;
}

export type SelectOption = string | { label: string } | { value: string };
export type WaitState = 'visible' | 'attached' | 'hidden' | 'detached';

export interface Ui<S extends ScreensDefinition = ScreensDefinition> {
  readonly page: Page;
  /** A frame by name, 'outer > inner', `{ css: '…' }` or a list of steps (as a target's `frame`). */
  frame(path: FramePath): FrameLocator;
  /**
   * The escape hatch: the target's Playwright Locator, resolved as any action resolves it (drift
   * and error pages detected), for what ctx.ui has no method for. Recorded as a 'locate' action;
   * click, fill, type, pressSequentially, press, check, selectOption, setInputFiles and clear on
   * the returned Locator are recorded like the ui actions (values masked for a sensitive target).
   * Locators derived from it (`.locator()`, `.nth()`) are plain Playwright and not recorded.
   */
  locate(path: TargetPath<S>, opts?: ActOptions): Promise<Locator>;
  /** Keys and text to whatever has focus (chords, Escape, F-keys); see keyboard.ts. */
  readonly keyboard: UiKeyboard;
  /**
   * Text into the target as one input event (no key events), as a paste would, for fields whose
   * key handlers get in the way of `fill` and `type`. Recorded like `fill`.
   */
  insertText(path: TargetPath<S>, text: string, opts?: ActOptions): Promise<void>;
  goto(url: string, opts?: { timeoutMs?: number }): Promise<void>;
  click(path: TargetPath<S>, opts?: ActOptions): Promise<void>;
  fill(path: TargetPath<S>, value: string, opts?: ActOptions): Promise<void>;
  /**
   * Types key by key (keydown, keypress, input, keyup per character) for widgets that ignore `fill`
   * (autocompletes, masked inputs). Appends to what the field holds; recorded like `fill`.
   */
  type(path: TargetPath<S>, text: string, opts?: TypeOptions): Promise<void>;
  /**
   * Replaces the text of a rich-text editor (CKEditor, TinyMCE: the target is the contenteditable
   * element, e.g. `body` in the editor's iframe) with `text`, one paragraph per line, then reads it
   * back: an editor that did not take the text is a TransientUiError. Recorded like `fill`.
   */
  fillRichText(path: TargetPath<S>, text: string, opts?: ActOptions): Promise<void>;
  /**
   * Autocomplete as one action: types `type` into the field, waits for the list, chooses the one
   * option whose text is `option`, and checks `valueTarget`. No matching option, or several, is a
   * BusinessRuleError naming the field (never a guess); no list at all is a TransientUiError.
   * Returns the value kept (valueTarget's, else the field's). Recorded as one 'choose' action.
   */
  choose(path: TargetPath<S>, opts: ChooseOptions<S>): Promise<string>;
  /** A rich-text editor's text: one line per paragraph, lines trimmed, empty lines left out. */
  readRichText(path: TargetPath<S>, opts?: ActOptions): Promise<string>;
  /**
   * With `postback: true`, waits for the postback the change triggers (a `<select>` with AutoPostBack);
   * with `postback: { update, response }`, for a partial one (see waitForPostback).
   */
  select(
    path: TargetPath<S>,
    option: SelectOption,
    opts?: ActOptions & { postback?: boolean | PartialPostbackOptions<TargetPath<S>> },
  ): Promise<void>;
  check(path: TargetPath<S>, checked?: boolean, opts?: ActOptions): Promise<void>;
  press(path: TargetPath<S>, key: string, opts?: ActOptions): Promise<void>;
  text(path: TargetPath<S>, opts?: ActOptions): Promise<string>;
  /** The title attribute when it is longer than the text (truncated grid cells), else the text. */
  fullText(path: TargetPath<S>, opts?: ActOptions): Promise<string>;
  value(path: TargetPath<S>, opts?: ActOptions): Promise<string>;
  /**
   * How many elements the target matches now, without waiting: those of its first strategy that
   * matches any (a later one is reported as drift); 0 when none. A shown error page is thrown.
   */
  count(path: TargetPath<S>): Promise<number>;
  /**
   * Present now (default) or within `timeoutMs`. Only asks: a target matching several elements is
   * present (true), not an AmbiguousTargetError — acting on it still is one, unless `nth` is given.
   */
  isPresent(path: TargetPath<S>, opts?: { timeoutMs?: number }): Promise<boolean>;
  waitFor(path: TargetPath<S>, opts?: { state?: WaitState; timeoutMs?: number }): Promise<void>;
  upload(path: TargetPath<S>, files: string | string[]): Promise<void>;
  download(path: TargetPath<S>, saveDir: string): Promise<string>;
  expectDialog(match: string | RegExp, answer: DialogAnswer, action: () => Promise<void>): Promise<string>;
  popup<T>(path: TargetPath<S>, work: (popupUi: Ui<S>) => Promise<T>, opts?: { waitForClose?: boolean }): Promise<T>;
  readGrid(
    path: TargetPath<S>,
    opts?: Omit<ReadGridOptions, 'nextPage'> & {
      nextPage?: TargetPath<S> | ((nextPageNumber: number) => TargetPath<S> | Locator | undefined);
    },
  ): Promise<Record<string, string>[]>;
  /**
   * Runs `action` and waits for the postback it causes. A full postback reloads the page (or
   * `frame`). A partial one (UpdatePanel, XHR) is awaited with `update` — a target whose content
   * changes or whose element is replaced — and/or `response`, the response that carries it; both
   * are watched from before the action. No update in time: TransientUiError
   * KANSLIST_PARTIAL_POSTBACK_TIMEOUT (retried).
   */
  waitForPostback(action: () => Promise<void>, opts?: PostbackOptions<TargetPath<S>>): Promise<void>;
  assertNoPageError(): Promise<void>;
}
