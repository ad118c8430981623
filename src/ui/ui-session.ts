/**
 * What every action of `ctx.ui` shares: resolving a target through the system map (drift, error
 * pages and interstitials handled there), the time budget of a call, recording to the trail, and
 * pausing tracing around secrets. The action files (ui-actions.ts, ui-reads.ts, ui-widgets.ts,
 * ui-navigation.ts) are functions of one session, so each stays small and none repeats this.
 *
 * One session per Ui: a popup's Ui gets its own (its own page and screen), on the same recorder
 * channel, so a failure kept from either one's event handlers stops the bot.
 */
import type { Locator, Page } from 'playwright-core';
import { KanslistError, TransientUiError } from '../errors.ts';
import { dialogGuardFor, type DialogGuard } from './dialogs.ts';
import { createKeyboard, type UiKeyboard } from './keyboard.ts';
import { assertNoPageError } from './page-errors.ts';
import { MASKED_VALUE, NO_RECORDER, type RecorderChannel, type UiActionKind } from './recorder.ts';
import { strategySource, suggestStrategy } from './suggest.ts';
import type { ScreensDefinition, System } from './system.ts';
import { resolveTarget, screenOf, type DriftEvent, type Resolution } from './targets.ts';
import type { CreateUiOptions, Ui } from './ui-types.ts';
import { firstLine } from './wait.ts';

export const DEFAULT_TIMEOUT_MS = 15_000;

/** One action for the trail; `started` is when the call began, so the duration includes the wait. */
export interface ActionRecord {
  target: string;
  strategy: string;
  action: UiActionKind;
  value?: string | undefined;
  personal?: boolean;
  started: number;
}

/** What a call may add to `act`: the value to record (masked for a sensitive target), its bound, which match. */
export interface ActExtra {
  value?: string;
  timeoutMs?: number | undefined;
  nth?: number | undefined;
}

// Several Ui objects can share a page (a popup's Ui, a second createUi): navigation is recorded once.
const navigationWatched = new WeakSet<Page>();

export class UiSession<S extends ScreensDefinition> {
  readonly page: Page;
  readonly keyboard: UiKeyboard;
  readonly system: System;
  readonly timeoutMs: number;
  readonly dialogs: DialogGuard;
  private readonly suggestions = new Map<string, Promise<string | undefined>>();
  /** The screen of the target last resolved; unknown after goto. Error pages with `notOn` are judged by it. */
  screen: string | undefined;
  /** True while an interstitial's own handler acts: its targets do not look for interstitials. */
  private passing = false;

  /** `ui` is the Ui this session serves: an interstitial's handler acts through it. */
  constructor(
    readonly options: CreateUiOptions<S>,
    readonly channel: RecorderChannel,
    private readonly ui: Ui<S>,
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

  /** The call's bound, else the target's, else the session's (the system's, else the default). */
  timeoutFor(path: string, call?: number): number {
    return call ?? this.system.target(path).timeoutMs ?? this.timeoutMs;
  }

  /** Tracing is paused while a sensitive target gets a value: a trace records typed text. */
  async whileSecretSafe(path: string, work: () => Promise<void>): Promise<void> {
    if (this.system.target(path).sensitive) await this.whileTracingPaused(work);
    else await work();
  }

  /** An action that gives the target a value (typed, filled, chosen): tracing paused where it is sensitive, the value recorded (masked where sensitive). */
  async actWithValue(
    path: string,
    action: UiActionKind,
    value: string,
    run: (locator: Locator, timeoutMs: number) => Promise<void>,
    extra: Omit<ActExtra, 'value'> = {},
  ): Promise<void> {
    await this.whileSecretSafe(path, () => this.act(path, action, run, { timeoutMs: extra.timeoutMs, nth: extra.nth, value }));
  }

  async whileTracingPaused(work: () => Promise<void>): Promise<void> {
    const tracing = this.options.tracing;
    await tracing?.pause();
    try {
      await work();
    } finally {
      await tracing?.resume();
    }
  }

  async assertNoPageError(): Promise<void> {
    this.channel.throwIfFailed();
    await assertNoPageError(this.page, this.system, 'current page', this.screen);
  }

  async resolve(path: string, timeoutMs: number, nth?: number, explainMiss = true): Promise<Resolution> {
    this.channel.throwIfFailed();
    this.screen = screenOf(path);
    return resolveTarget(this.page, this.system, path, {
      timeoutMs,
      nth,
      explainMiss,
      onDrift: (event) => this.reportDrift(event, nth === undefined), // with nth the target matches several on purpose
      onInterstitial: this.passing ? undefined : (name) => this.passInterstitial(name, path),
    });
  }

  /** Drift to the recorder, with a suggested new first strategy (found once per target and page). */
  async reportDrift(event: DriftEvent, suggest: boolean): Promise<void> {
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
      await this.system.interstitials![name]!.pass({ ui: this.ui });
    } finally {
      this.passing = false;
      this.screen = screen;
    }
    await this.channel.recorder.interstitial?.({ name, target, at: started, durationMs: Date.now() - started });
  }

  /** Resolve, act within what is left of the time budget, then record. */
  async act(
    path: string,
    action: UiActionKind,
    run: (locator: Locator, timeoutMs: number) => Promise<void>,
    extra: ActExtra = {},
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

  async record(e: ActionRecord): Promise<void> {
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
