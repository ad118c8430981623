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
import { checkedTarget, isChecksRefusal, type CheckedTarget } from './checked-locator.ts';
import { dialogGuardFor, type DialogGuard } from './dialogs.ts';
import { createKeyboard, type UiKeyboard } from './keyboard.ts';
import { assertNoPageError } from './page-errors.ts';
import { MASKED_VALUE, NO_RECORDER, type RecorderChannel, type UiActionKind } from './recorder.ts';
import { strategySource, suggestStrategy } from './suggest.ts';
import type { ScreensDefinition, System } from './system.ts';
import { resolveTarget, screenOf, type DriftEvent, type Resolution, type ResolveOptions } from './targets.ts';
import type { CreateUiOptions, Ui } from './ui-types.ts';
import { firstLine, isPlaywrightTimeout } from './wait.ts';

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
  /**
   * `run` makes one Playwright call on the locator (or only reads): when the checks in that call's
   * selector refuse, nothing was done, so it may be begun again on the full path.
   */
  restartable?: boolean;
}

/** What an action ran on: the checked target or a full resolution. */
type Found = Pick<Resolution, 'target' | 'description'>;

// Several Ui objects can share a page (a popup's Ui, a second createUi): navigation is recorded once.
const navigationWatched = new WeakSet<Page>();

export class UiSession<S extends ScreensDefinition> {
  readonly page: Page;
  readonly keyboard: UiKeyboard;
  readonly system: System;
  readonly timeoutMs: number;
  readonly dialogs: DialogGuard;
  private readonly suggestions = new Map<string, Promise<string | undefined>>();
  private readonly checkedTargets = new Map<string, CheckedTarget | undefined>();
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
    await this.whileSecretSafe(path, () => this.act(path, action, run, { ...extra, value }));
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

  async resolve(path: string, timeoutMs: number, more: Pick<ResolveOptions, 'nth' | 'explainMiss' | 'boundMs'> = {}): Promise<Resolution> {
    this.channel.throwIfFailed();
    this.screen = screenOf(path);
    const { nth } = more;
    return resolveTarget(this.page, this.system, path, {
      ...more,
      timeoutMs,
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

  /**
   * Resolve, act within what is left of the time budget, then record. An action marked `restartable`
   * first runs on the checked locator (src/ui/checked-locator.ts): the checks ride on the action's
   * own selector, no round trip of their own. When they refuse, nothing was done yet and the full
   * path begins again: probe, wait, fallbacks and drift, or the error page's own error.
   */
  async act(
    path: string,
    action: UiActionKind,
    run: (locator: Locator, timeoutMs: number) => Promise<void>,
    extra: ActExtra = {},
  ): Promise<void> {
    const started = Date.now();
    const timeoutMs = this.timeoutFor(path, extra.timeoutMs);
    const tried =
      extra.restartable && extra.nth === undefined
        ? await this.tryChecked(path, timeoutMs, (locator) => run(locator, timeoutMs))
        : undefined;
    if (tried && 'error' in tried) return this.actionFailed(tried.error, path, action, tried.checked, started);
    if (tried) return this.recordDone(path, action, tried.checked, extra.value, started);
    const found = await this.resolve(path, Math.max(0, started + timeoutMs - Date.now()), { nth: extra.nth, boundMs: timeoutMs });
    try {
      await run(found.locator, Math.max(1, started + timeoutMs - Date.now()));
    } catch (error) {
      return this.actionFailed(error, path, action, found, started);
    }
    await this.recordDone(path, action, found, extra.value, started);
  }

  /** waitFor's first try: true when the target reached `state` on the checked locator, false when the full path must wait. */
  async waitChecked(path: string, state: 'visible' | 'attached', timeoutMs: number): Promise<boolean> {
    const tried = await this.tryChecked(path, timeoutMs, (locator) => locator.waitFor({ state, timeout: Math.max(1, timeoutMs) }));
    if (tried && 'error' in tried) throw tried.error;
    return tried !== undefined;
  }

  /**
   * Runs `work` on the checked locator of `path`. Undefined when there is none or its checks refused
   * (nothing was done: the caller takes the full path); otherwise what it ran on, and its error if it
   * failed. Out of time before the checks ever answered (a document still loading), it looks once,
   * so that a missing target or a shown error page is thrown as such, not as a failed action.
   */
  private async tryChecked(
    path: string,
    timeoutMs: number,
    work: (locator: Locator) => Promise<void>,
  ): Promise<{ checked: CheckedTarget; error?: unknown } | undefined> {
    const checked = this.checkedTargetFor(path);
    if (!checked) return undefined;
    this.channel.throwIfFailed();
    this.screen = screenOf(path);
    try {
      await work(checked.locator);
      return { checked };
    } catch (error) {
      if (isChecksRefusal(error)) return undefined;
      if (isPlaywrightTimeout(error)) await this.resolve(path, 0, { boundMs: timeoutMs });
      return { checked, error };
    }
  }

  private checkedTargetFor(path: string): CheckedTarget | undefined {
    const key = `${this.passing ? 'passing' : 'acting'} ${path}`;
    if (!this.checkedTargets.has(key)) this.checkedTargets.set(key, checkedTarget(this.page, this.system, path, !this.passing));
    return this.checkedTargets.get(key);
  }

  private async recordDone(path: string, action: UiActionKind, found: Found, value: string | undefined, started: number): Promise<void> {
    const recorded = value === undefined ? undefined : found.target.sensitive ? MASKED_VALUE : value;
    await this.record({ target: path, strategy: found.description, action, value: recorded, personal: found.target.personal, started });
  }

  private async actionFailed(error: unknown, path: string, action: UiActionKind, found: Found, started: number): Promise<void> {
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
