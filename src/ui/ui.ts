/**
 * `ctx.ui`: what a bot author calls. Every action resolves its target through the system map
 * (drift and error pages detected), acts with Playwright, and is reported to the recorder.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { AmbiguousTargetError, KanslistError, TargetNotFoundError, TransientUiError } from '../errors.ts';
import { chooseOption } from './autocomplete.ts';
import { dialogGuardFor, type DialogAnswer, type DialogGuard } from './dialogs.ts';
import { frameKey, frameLocatorFor, scopeFor, type FramePath } from './frames.ts';
import { readGrid, type ReadGridOptions } from './grid.ts';
import { fillRichText, normaliseRichText, readRichText } from './rich-text.ts';
import { assertNoPageError } from './page-errors.ts';
import { waitForPostback } from './postback.ts';
import { isPartial, waitForPartialPostback, type PartialPostbackOptions, type PostbackOptions } from './partial-postback.ts';
import { MASKED_VALUE, NO_RECORDER, RecorderChannel, type UiActionKind, type UiRecorder } from './recorder.ts';
import type { ScreensDefinition, System, TargetPath } from './system.ts';
import { countTarget, resolveTarget, screenOf, targetUnion, type DriftEvent, type Resolution } from './targets.ts';
import { strategySource, suggestStrategy } from './suggest.ts';
import { firstLine, withTimeout } from './wait.ts';
import { createKeyboard, type UiKeyboard } from './keyboard.ts';
import { recordedLocator } from './recorded-locator.ts';

export type { UiRecorder } from './recorder.ts';
export type { UiKeyboard } from './keyboard.ts';

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

export const DEFAULT_TIMEOUT_MS = 15_000;

export function createUi<S extends ScreensDefinition>(options: CreateUiOptions<S>): Ui<S> {
  return new SystemUi<S>(options, new RecorderChannel(options.recorder ?? NO_RECORDER));
}

const navigationWatched = new WeakSet<Page>();

class SystemUi<S extends ScreensDefinition> implements Ui<S> {
  readonly page: Page;
  readonly keyboard: UiKeyboard;
  private readonly system: System;
  private readonly timeoutMs: number;
  private readonly dialogs: DialogGuard;
  private readonly suggestions = new Map<string, Promise<string | undefined>>();
  /** The screen of the target last resolved; unknown after goto. Error pages with `notOn` are judged by it. */
  private screen: string | undefined;
  /** True while an interstitial's own handler acts: its targets do not look for interstitials. */
  private passing = false;

  constructor(
    private readonly options: CreateUiOptions<S>,
    private readonly channel: RecorderChannel,
  ) {
    this.page = options.page;
    this.system = options.system;
    this.timeoutMs = options.timeoutMs ?? this.system.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.dialogs = dialogGuardFor(this.page, this.system.dialogs.unexpected, channel);
    this.keyboard = createKeyboard({
      page: this.page,
      system: this.system.name,
      throwIfFailed: () => channel.throwIfFailed(),
      record: (event) => this.record(event),
      whileTracingPaused: (work) => this.whileTracingPaused(work),
    });
    this.watchNavigation();
  }

  frame(path: FramePath): FrameLocator {
    return frameLocatorFor(this.page, frameKey(path) ?? '');
  }

  async locate(path: TargetPath<S>, opts: ActOptions = {}): Promise<Locator> {
    const started = Date.now();
    const found = await this.resolve(path, this.timeoutFor(path, opts.timeoutMs), opts.nth);
    await this.record({ target: path, strategy: found.description, action: 'locate', personal: found.target.personal, started });
    return recordedLocator(found.locator, {
      target: path,
      strategy: found.description,
      sensitive: found.target.sensitive === true,
      personal: found.target.personal === true,
      record: (event) => this.record(event),
      whileSecretSafe: (work) => this.whileSecretSafe(path, work),
    });
  }

  async insertText(path: TargetPath<S>, text: string, opts: ActOptions = {}): Promise<void> {
    await this.whileSecretSafe(path, () =>
      this.act(
        path,
        'fill',
        async (locator, timeout) => {
          await locator.focus({ timeout });
          await this.page.keyboard.insertText(text);
        },
        { ...opts, value: text },
      ),
    );
  }

  async goto(url: string, opts: { timeoutMs?: number } = {}): Promise<void> {
    const started = Date.now();
    this.channel.throwIfFailed();
    let status: number | undefined;
    this.screen = undefined;
    try {
      status = (await this.page.goto(url, { timeout: opts.timeoutMs ?? this.timeoutMs, waitUntil: 'domcontentloaded' }))?.status();
    } catch (error) {
      throw new TransientUiError('KANSLIST_NAVIGATION_FAILED', `Could not open ${url}: ${firstLine(error)}`, {
        cause: error,
        where: `system ${this.system.name}`,
      });
    }
    await this.assertNoPageError();
    if (status !== undefined && status >= 500) {
      throw new TransientUiError('KANSLIST_HTTP_ERROR', `${this.system.name} answered ${url} with HTTP ${status}`, {
        where: `system ${this.system.name}`,
      });
    }
    await this.record({ target: '(page)', strategy: 'url', action: 'goto', value: url, started });
  }

  async click(path: TargetPath<S>, opts: ActOptions = {}): Promise<void> {
    await this.act(path, 'click', (locator, timeout) => locator.click({ timeout }), opts);
  }

  async fill(path: TargetPath<S>, value: string, opts: ActOptions = {}): Promise<void> {
    await this.whileSecretSafe(path, () =>
      this.act(path, 'fill', (locator, timeout) => locator.fill(value, { timeout }), { ...opts, value }),
    );
  }

  async type(path: TargetPath<S>, text: string, opts: TypeOptions = {}): Promise<void> {
    const delay = opts.delay ?? 0;
    await this.whileSecretSafe(path, () =>
      this.act(path, 'type', (locator, timeout) => locator.pressSequentially(text, { delay, timeout }), { ...opts, value: text }),
    );
  }

  async fillRichText(path: TargetPath<S>, text: string, opts: ActOptions = {}): Promise<void> {
    await this.whileSecretSafe(path, () =>
      this.act(
        path,
        'fill',
        async (locator, timeout) => {
          const started = Date.now();
          await fillRichText(locator, text, timeout);
          const shown = await readRichText(locator, Math.max(1, started + timeout - Date.now()));
          if (shown !== normaliseRichText(text)) {
            // Neither text is quoted: an editor's content may be personal or secret.
            throw new TransientUiError(
              'KANSLIST_RICH_TEXT_NOT_TAKEN',
              `The editor "${path}" shows other text than was filled (${shown.length} characters instead of ${normaliseRichText(text).length})`,
              {
                where: `system ${this.system.name}, target ${path}`,
                remedy: 'Check that the target is the editable element itself (the contenteditable body or div), not its frame or toolbar.',
              },
            );
          }
        },
        { ...opts, value: text },
      ),
    );
  }

  async choose(path: TargetPath<S>, opts: ChooseOptions<S>): Promise<string> {
    let kept = '';
    const target = this.system.target(path);
    await this.whileSecretSafe(path, () =>
      this.act(
        path,
        'choose',
        async (input, timeout) => {
          const started = Date.now();
          const valueField = opts.valueTarget === undefined ? undefined : (await this.resolve(opts.valueTarget, timeout)).locator;
          const options =
            opts.options === undefined
              ? scopeFor(this.page, target.frame).getByRole('option')
              : targetUnion(this.page, this.system.target(opts.options));
          const request = { type: opts.type, option: opts.option, expectValue: opts.expectValue, delay: opts.delay ?? 0 };
          const steps = { input, options, valueField, path, where: `system ${this.system.name}, target ${path}` };
          kept = await chooseOption(steps, request, Math.max(1, started + timeout - Date.now()));
        },
        { timeoutMs: opts.timeoutMs, nth: opts.nth, value: `${opts.type} → ${String(opts.option)}` },
      ),
    );
    return kept;
  }

  async readRichText(path: TargetPath<S>, opts: ActOptions = {}): Promise<string> {
    let text = '';
    await this.act(path, 'read', async (locator, timeout) => void (text = await readRichText(locator, timeout)), opts);
    return text;
  }

  async select(
    path: TargetPath<S>,
    option: SelectOption,
    opts: ActOptions & { postback?: boolean | PartialPostbackOptions<TargetPath<S>> } = {},
  ): Promise<void> {
    const value = typeof option === 'string' ? option : 'label' in option ? option.label : option.value;
    const doSelect = () =>
      this.act(path, 'select', async (locator, timeout) => void (await locator.selectOption(option, { timeout })), {
        timeoutMs: opts.timeoutMs,
        nth: opts.nth,
        value,
      });
    if (typeof opts.postback === 'object') await this.waitForPostback(doSelect, opts.postback);
    else if (opts.postback) await this.waitForPostback(doSelect, { frame: this.system.target(path).frame });
    else await doSelect();
  }

  async check(path: TargetPath<S>, checked = true, opts: ActOptions = {}): Promise<void> {
    await this.act(path, checked ? 'check' : 'uncheck', (locator, timeout) => locator.setChecked(checked, { timeout }), opts);
  }

  async press(path: TargetPath<S>, key: string, opts: ActOptions = {}): Promise<void> {
    await this.act(path, 'press', (locator, timeout) => locator.press(key, { timeout }), { ...opts, value: key });
  }

  async text(path: TargetPath<S>, opts: ActOptions = {}): Promise<string> {
    let text = '';
    await this.act(path, 'read', async (locator, timeout) => void (text = (await locator.innerText({ timeout })).trim()), opts);
    return text;
  }

  async fullText(path: TargetPath<S>, opts: ActOptions = {}): Promise<string> {
    let text = '';
    await this.act(
      path,
      'read',
      async (locator, timeout) => {
        const shown = (await locator.innerText({ timeout })).trim();
        const title = (await locator.getAttribute('title', { timeout })) ?? '';
        text = title.length > shown.length ? title : shown;
      },
      opts,
    );
    return text;
  }

  async value(path: TargetPath<S>, opts: ActOptions = {}): Promise<string> {
    let value = '';
    await this.act(path, 'read', async (locator, timeout) => void (value = await locator.inputValue({ timeout })), opts);
    return value;
  }

  async count(path: TargetPath<S>): Promise<number> {
    this.channel.throwIfFailed();
    // Counting is for targets that match several elements: one element's id would not heal them.
    return (await countTarget(this.page, this.system, path, { onDrift: (event) => this.reportDrift(event, false) })).count;
  }

  async isPresent(path: TargetPath<S>, opts: { timeoutMs?: number } = {}): Promise<boolean> {
    try {
      await this.resolve(path, opts.timeoutMs ?? 0);
      return true;
    } catch (error) {
      if (error instanceof TargetNotFoundError) return false;
      if (error instanceof AmbiguousTargetError) return true; // asking is not acting: nothing is guessed
      throw error;
    }
  }

  async waitFor(path: TargetPath<S>, opts: { state?: WaitState; timeoutMs?: number } = {}): Promise<void> {
    const state = opts.state ?? 'visible';
    const timeoutMs = this.timeoutFor(path, opts.timeoutMs);
    const deadline = Date.now() + timeoutMs;
    try {
      if (state === 'hidden' || state === 'detached') {
        this.channel.throwIfFailed();
        await targetUnion(this.page, this.system.target(path))
          .first()
          .waitFor({ state, timeout: Math.max(1, timeoutMs) });
        return;
      }
      const found = await this.resolve(path, timeoutMs);
      if (state === 'visible') await found.locator.waitFor({ state, timeout: Math.max(1, deadline - Date.now()) });
    } catch (error) {
      if (error instanceof KanslistError) throw error;
      throw new TransientUiError('KANSLIST_WAIT_TIMEOUT', `Target "${path}" did not become ${state} within ${timeoutMs} ms`, {
        cause: error,
        where: `system ${this.system.name}, target ${path}`,
      });
    }
  }

  async upload(path: TargetPath<S>, files: string | string[]): Promise<void> {
    const list = Array.isArray(files) ? files : [files];
    await this.act(path, 'upload', (locator, timeout) => locator.setInputFiles(list, { timeout }), {
      value: list.map((file) => basename(file)).join(', '),
    });
  }

  async download(path: TargetPath<S>, saveDir: string): Promise<string> {
    let saved = '';
    await this.act(path, 'download', async (locator, timeout) => {
      const downloading = this.page.waitForEvent('download', { timeout });
      downloading.catch(() => undefined); // if the click fails, that error is the one reported
      await locator.click({ timeout });
      const download = await downloading;
      await mkdir(saveDir, { recursive: true });
      saved = join(saveDir, basename(download.suggestedFilename()) || 'download');
      await download.saveAs(saved);
    });
    return saved;
  }

  async expectDialog(match: string | RegExp, answer: DialogAnswer, action: () => Promise<void>): Promise<string> {
    const pending = this.dialogs.expect(match, answer);
    try {
      await action();
      return await withTimeout(
        pending.message,
        this.timeoutMs,
        () =>
          new TransientUiError(
            'KANSLIST_DIALOG_NOT_SHOWN',
            `The expected dialog ${String(match)} did not appear within ${this.timeoutMs} ms`,
            {
              where: `system ${this.system.name}`,
              remedy:
                'The action did not lead where the bot expected; the item is retried. If it persists, check the bot against the system.',
            },
          ),
      );
    } finally {
      pending.cancel();
    }
  }

  async popup<T>(path: TargetPath<S>, work: (popupUi: Ui<S>) => Promise<T>, opts: { waitForClose?: boolean } = {}): Promise<T> {
    const opening = this.page.waitForEvent('popup', { timeout: this.timeoutMs });
    opening.catch(() => undefined); // a failed click is reported instead
    await this.click(path);
    const popup = await opening.catch((error: unknown) => {
      throw new TransientUiError('KANSLIST_POPUP_NOT_OPENED', `Clicking "${path}" opened no popup window within ${this.timeoutMs} ms`, {
        cause: error,
        where: `target ${path}`,
      });
    });
    const closed = new Promise<void>((resolve) => (popup.isClosed() ? resolve() : popup.once('close', () => resolve())));
    await popup.waitForLoadState('domcontentloaded', { timeout: this.timeoutMs }).catch(() => undefined); // it may close at once
    const result = await work(new SystemUi<S>({ ...this.options, page: popup }, this.channel));
    if (opts.waitForClose ?? true) {
      await withTimeout(
        closed,
        this.timeoutMs,
        () =>
          new TransientUiError('KANSLIST_POPUP_NOT_CLOSED', `The popup opened by "${path}" did not close within ${this.timeoutMs} ms`, {
            where: `target ${path}`,
          }),
      );
    }
    return result;
  }

  async readGrid(path: TargetPath<S>, opts: Parameters<Ui<S>['readGrid']>[1] = {}): Promise<Record<string, string>[]> {
    return readGrid(
      {
        page: this.page,
        timeoutMs: this.timeoutMs,
        resolve: (target, timeoutMs) => this.resolve(target, timeoutMs),
        resolveNow: (target) =>
          this.resolve(target, 0).catch((error: unknown) => {
            if (error instanceof TargetNotFoundError) return undefined;
            throw error;
          }),
        click: async (locator, target, strategy) => {
          const started = Date.now();
          await locator.click({ timeout: this.timeoutMs });
          await this.record({ target, strategy, action: 'click', started });
        },
      },
      path,
      opts,
    );
  }

  async waitForPostback(action: () => Promise<void>, opts: PostbackOptions<TargetPath<S>> = {}): Promise<void> {
    this.channel.throwIfFailed();
    if (isPartial(opts)) {
      await waitForPartialPostback(
        {
          page: this.page,
          timeoutMs: this.timeoutMs,
          systemName: this.system.name,
          resolveRegion: async (region, timeoutMs) => ({
            locator: (await this.resolve(region, timeoutMs)).locator,
            scope: scopeFor(this.page, this.system.target(region).frame),
          }),
        },
        opts,
        action,
      );
    } else {
      await waitForPostback(this.page, frameKey(opts.frame), action, this.timeoutMs, this.system.name);
    }
    await this.assertNoPageError();
  }

  async assertNoPageError(): Promise<void> {
    this.channel.throwIfFailed();
    await assertNoPageError(this.page, this.system, 'current page', this.screen);
  }

  // — internals —

  /** The call's bound, else the target's, else the session's (the system's, else the default). */
  private timeoutFor(path: string, call?: number): number {
    return call ?? this.system.target(path).timeoutMs ?? this.timeoutMs;
  }

  /** Tracing is paused while a sensitive target gets a value: a trace records typed text. */
  private async whileSecretSafe(path: string, work: () => Promise<void>): Promise<void> {
    if (this.system.target(path).sensitive) await this.whileTracingPaused(work);
    else await work();
  }

  private async whileTracingPaused(work: () => Promise<void>): Promise<void> {
    const tracing = this.options.tracing;
    await tracing?.pause();
    try {
      await work();
    } finally {
      await tracing?.resume();
    }
  }

  private async resolve(path: string, timeoutMs: number, nth?: number): Promise<Resolution> {
    this.channel.throwIfFailed();
    this.screen = screenOf(path);
    return resolveTarget(this.page, this.system, path, {
      timeoutMs,
      nth,
      onDrift: (event) => this.reportDrift(event, nth === undefined), // with nth the target matches several on purpose
      onInterstitial: this.passing ? undefined : (name) => this.passInterstitial(name, path),
    });
  }

  /** Drift to the recorder, with a suggested new first strategy (found once per target and page). */
  private async reportDrift(event: DriftEvent, suggest: boolean): Promise<void> {
    const { locator, ...drift } = event;
    const suggested =
      !suggest || locator === undefined || this.channel.recorder === NO_RECORDER
        ? undefined
        : await this.suggestionFor(event.target, locator);
    await this.channel.recorder.drift(suggested === undefined ? drift : { ...drift, suggested });
  }

  private suggestionFor(path: string, locator: Locator): Promise<string | undefined> {
    let suggestion = this.suggestions.get(path);
    if (suggestion === undefined) {
      // A suggestion is a help, never a failure of the action: whatever goes wrong leaves none.
      suggestion = suggestStrategy(this.page, this.system, path, locator).then(
        (strategy) => (strategy === undefined ? undefined : strategySource(strategy)),
        () => undefined,
      );
      this.suggestions.set(path, suggestion);
    }
    return suggestion;
  }

  private async passInterstitial(name: string, target: string): Promise<void> {
    const started = Date.now();
    const screen = this.screen; // the handler's own targets must not change which screen the bot is on
    this.passing = true;
    try {
      await this.system.interstitials![name]!.pass({ ui: this });
    } finally {
      this.passing = false;
      this.screen = screen;
    }
    await this.channel.recorder.interstitial?.({ name, target, at: started, durationMs: Date.now() - started });
  }

  /** Resolve, act within what is left of the time budget, then record. */
  private async act(
    path: string,
    action: UiActionKind,
    run: (locator: Locator, timeoutMs: number) => Promise<void>,
    extra: { value?: string; timeoutMs?: number | undefined; nth?: number | undefined } = {},
  ): Promise<void> {
    const started = Date.now();
    const timeoutMs = this.timeoutFor(path, extra.timeoutMs);
    const found = await this.resolve(path, timeoutMs, extra.nth);
    try {
      await run(found.locator, Math.max(1, started + timeoutMs - Date.now()));
    } catch (error) {
      if (error instanceof KanslistError) throw error;
      // A click that makes its own window close (a lookup popup's "Välj") did what it should:
      // Playwright only reports that the page went away while it waited after the click.
      if (action === 'click' && this.page.isClosed()) {
        await this.record({ target: path, strategy: found.description, action, started });
        return;
      }
      await this.assertNoPageError(); // a 500 page explains a failed action better than a timeout
      throw new TransientUiError(
        'KANSLIST_UI_ACTION_FAILED',
        `Could not ${action} target "${path}" (${found.description}): ${firstLine(error)}`,
        {
          cause: error,
          where: `system ${this.system.name}, target ${path}`,
        },
      );
    }
    const value = extra.value === undefined ? undefined : found.target.sensitive ? MASKED_VALUE : extra.value;
    await this.record({ target: path, strategy: found.description, action, value, personal: found.target.personal, started });
  }

  private async record(e: {
    target: string;
    strategy: string;
    action: UiActionKind;
    value?: string | undefined;
    personal?: boolean;
    started: number;
  }): Promise<void> {
    const now = Date.now();
    await this.channel.recorder.action({
      target: e.target,
      strategy: e.strategy,
      action: e.action,
      ...(e.value === undefined ? {} : { value: e.value }),
      ...(e.personal ? { personal: true } : {}),
      at: e.started,
      durationMs: now - e.started,
    });
  }

  private watchNavigation(): void {
    if (!this.channel.recorder.navigation || navigationWatched.has(this.page)) return;
    navigationWatched.add(this.page);
    this.page.on('framenavigated', (frame) => {
      if (frame === this.page.mainFrame()) this.channel.fire((recorder) => recorder.navigation?.({ url: frame.url(), at: Date.now() }));
    });
  }
}
