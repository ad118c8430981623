/**
 * `ctx.ui`: what a bot author calls. Every action resolves its target through the system map
 * (drift and error pages detected), acts with Playwright, and is reported to the recorder.
 *
 * This file is the entry bots, the runner and package users import from; it holds the class that
 * puts the parts together. The parts, one concern each:
 * - ui-types.ts: the `Ui` interface and the options its actions take;
 * - ui-session.ts: what every action shares (resolve, act, record, time budget, tracing pause);
 * - ui-actions.ts: click, fill, type, select, check, press, upload, download, popup, locate;
 * - ui-reads.ts: text, fullText, value, count, isPresent, waitFor;
 * - ui-widgets.ts: rich-text editors, autocompletes, insertText;
 * - ui-navigation.ts: goto, postbacks, expected dialogs, readGrid.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { registerCheckedEngine } from './checked-locator.ts';
import type { DialogAnswer } from './dialogs.ts';
import { frameKey, frameLocatorFor, type FramePath } from './frames.ts';
import type { UiKeyboard } from './keyboard.ts';
import type { PartialPostbackOptions, PostbackOptions } from './partial-postback.ts';
import { NO_RECORDER, RecorderChannel } from './recorder.ts';
import type { ScreensDefinition, TargetPath } from './system.ts';
import * as actions from './ui-actions.ts';
import * as navigation from './ui-navigation.ts';
import * as reads from './ui-reads.ts';
import { UiSession } from './ui-session.ts';
import type { ActOptions, ChooseOptions, CreateUiOptions, SelectOption, TypeOptions, Ui, WaitState } from './ui-types.ts';
import * as widgets from './ui-widgets.ts';

export type { UiRecorder } from './recorder.ts';
export type { UiKeyboard } from './keyboard.ts';
export type { TracingPause, CreateUiOptions, ActOptions, TypeOptions, ChooseOptions, SelectOption, WaitState, Ui } from './ui-types.ts';
export { DEFAULT_TIMEOUT_MS } from './ui-session.ts';

export function createUi<S extends ScreensDefinition>(options: CreateUiOptions<S>): Ui<S> {
  // For a page whose browser was not launched by Kanslist: its documents loaded from now on know the engine.
  void registerCheckedEngine();
  return new SystemUi<S>(options, new RecorderChannel(options.recorder ?? NO_RECORDER));
}

class SystemUi<S extends ScreensDefinition> implements Ui<S> {
  readonly page: Page;
  readonly keyboard: UiKeyboard;
  private readonly session: UiSession<S>;

  constructor(options: CreateUiOptions<S>, channel: RecorderChannel) {
    this.session = new UiSession<S>(options, channel, this);
    this.page = this.session.page;
    this.keyboard = this.session.keyboard;
  }

  frame(path: FramePath): FrameLocator {
    return frameLocatorFor(this.session.page, frameKey(path) ?? '');
  }

  locate(path: TargetPath<S>, opts?: ActOptions): Promise<Locator> {
    return actions.locate(this.session, path, opts);
  }

  insertText(path: TargetPath<S>, text: string, opts?: ActOptions): Promise<void> {
    return widgets.insertText(this.session, path, text, opts);
  }

  goto(url: string, opts?: { timeoutMs?: number }): Promise<void> {
    return navigation.goto(this.session, url, opts);
  }

  click(path: TargetPath<S>, opts?: ActOptions): Promise<void> {
    return actions.click(this.session, path, opts);
  }

  fill(path: TargetPath<S>, value: string, opts?: ActOptions): Promise<void> {
    return actions.fill(this.session, path, value, opts);
  }

  type(path: TargetPath<S>, text: string, opts?: TypeOptions): Promise<void> {
    return actions.type(this.session, path, text, opts);
  }

  fillRichText(path: TargetPath<S>, text: string, opts?: ActOptions): Promise<void> {
    return widgets.fillRichText(this.session, path, text, opts);
  }

  choose(path: TargetPath<S>, opts: ChooseOptions<S>): Promise<string> {
    return widgets.choose(this.session, path, opts);
  }

  readRichText(path: TargetPath<S>, opts?: ActOptions): Promise<string> {
    return widgets.readRichText(this.session, path, opts);
  }

  select(
    path: TargetPath<S>,
    option: SelectOption,
    opts?: ActOptions & { postback?: boolean | PartialPostbackOptions<TargetPath<S>> },
  ): Promise<void> {
    return actions.select(this.session, path, option, opts);
  }

  check(path: TargetPath<S>, checked?: boolean, opts?: ActOptions): Promise<void> {
    return actions.check(this.session, path, checked, opts);
  }

  press(path: TargetPath<S>, key: string, opts?: ActOptions): Promise<void> {
    return actions.press(this.session, path, key, opts);
  }

  text(path: TargetPath<S>, opts?: ActOptions): Promise<string> {
    return reads.text(this.session, path, opts);
  }

  fullText(path: TargetPath<S>, opts?: ActOptions): Promise<string> {
    return reads.fullText(this.session, path, opts);
  }

  value(path: TargetPath<S>, opts?: ActOptions): Promise<string> {
    return reads.value(this.session, path, opts);
  }

  count(path: TargetPath<S>): Promise<number> {
    return reads.count(this.session, path);
  }

  isPresent(path: TargetPath<S>, opts?: { timeoutMs?: number }): Promise<boolean> {
    return reads.isPresent(this.session, path, opts);
  }

  waitFor(path: TargetPath<S>, opts?: { state?: WaitState; timeoutMs?: number }): Promise<void> {
    return reads.waitFor(this.session, path, opts);
  }

  upload(path: TargetPath<S>, files: string | string[]): Promise<void> {
    return actions.upload(this.session, path, files);
  }

  download(path: TargetPath<S>, saveDir: string): Promise<string> {
    return actions.download(this.session, path, saveDir);
  }

  expectDialog(match: string | RegExp, answer: DialogAnswer, action: () => Promise<void>): Promise<string> {
    return navigation.expectDialog(this.session, match, answer, action);
  }

  popup<T>(path: TargetPath<S>, work: (popupUi: Ui<S>) => Promise<T>, opts: { waitForClose?: boolean } = {}): Promise<T> {
    const { options, channel } = this.session;
    // The popup's Ui shares the recorder channel: a failure kept from either page's events stops the bot.
    return actions.popup(this.session, path, work, opts, (page) => new SystemUi<S>({ ...options, page }, channel));
  }

  readGrid(path: TargetPath<S>, opts?: Parameters<Ui<S>['readGrid']>[1]): Promise<Record<string, string>[]> {
    return navigation.readGrid(this.session, path, opts);
  }

  waitForPostback(action: () => Promise<void>, opts?: PostbackOptions<TargetPath<S>>): Promise<void> {
    return navigation.waitForPostback(this.session, action, opts);
  }

  assertNoPageError(): Promise<void> {
    return this.session.assertNoPageError();
  }
}
