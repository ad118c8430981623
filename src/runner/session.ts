/**
 * A session: one browser context, logged in to one system, owned by one worker. A context is
 * never reused after a system exception (Playwright's rule too): the worker throws it away and
 * opens a fresh one, which logs in again.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chunkedTracing, createUi, type Credentials, type Ui, type UiRecorder } from '../ui/index.ts';
import { logInAccount } from './account-login.ts';
import type { AnySystem } from './bot.ts';

/**
 * - 'on-first-retry' (the default, as in Playwright Test): an item's first retry is traced; a
 *   happy path costs nothing, and a failing first attempt still leaves its screenshot and HTML.
 * - 'retain-on-failure': every item traced, the trace kept when the attempt fails.
 * - 'on': every item traced and kept. 'off': none.
 */
export type TraceMode = 'off' | 'on' | 'retain-on-failure' | 'on-first-retry';
export const TRACE_MODES: readonly TraceMode[] = ['on-first-retry', 'retain-on-failure', 'on', 'off'];

export interface SessionOptions {
  browser: Browser;
  system: AnySystem;
  baseUrl: string;
  credentials: Credentials;
  recorder: UiRecorder;
  trace: TraceMode;
  /** Default timeout of every wait in the legacy system. */
  timeoutMs: number;
  /** The evidence folder of the item the session is on now. */
  evidenceDir: () => string;
  /** Called with the page when the login fails, before the context is closed (evidence). */
  onLoginFailure?: (page: Page, error: unknown) => Promise<void>;
  /** The browser's locale when the system map names none (the configured language's). @default 'sv-SE' */
  locale?: string | undefined;
}

/** The browser context a system's session needs: its language, time zone and headers from the system map. */
export function contextOptions(system: AnySystem, fallbackLocale = 'sv-SE') {
  return {
    acceptDownloads: true,
    locale: system.locale ?? fallbackLocale,
    ...(system.timezoneId ? { timezoneId: system.timezoneId } : {}),
    ...(system.extraHTTPHeaders ? { extraHTTPHeaders: { ...system.extraHTTPHeaders } } : {}),
  };
}

export class Session {
  private closed = false;
  /** 'on-first-retry': this item's trace was started for it alone (tracing is otherwise off). */
  private tracingThisItem = false;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly ui: Ui,
    private readonly trace: TraceMode,
  ) {}

  static async open(options: SessionOptions): Promise<Session> {
    const context = await options.browser.newContext(contextOptions(options.system, options.locale));
    let page: Page | undefined;
    try {
      context.setDefaultTimeout(options.timeoutMs);
      context.setDefaultNavigationTimeout(options.timeoutMs);
      page = await context.newPage();
      // Chunks cut while a secret is typed mid-item land next to the item's other evidence.
      let part = 0;
      const tracing = chunkedTracing(context, () => join(options.evidenceDir(), `trace-part-${++part}.zip`));
      const ui = createUi({ page, system: options.system, recorder: options.recorder, timeoutMs: options.timeoutMs, tracing });
      await logInAccount(options.credentials, async (credentials) => {
        await options.system.login?.({ ui, credentials, baseUrl: options.baseUrl });
      });
      // Tracing starts after login so that the password typed there is never in a trace.
      if (options.trace === 'on' || options.trace === 'retain-on-failure')
        await context.tracing.start({ screenshots: true, snapshots: true });
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- a session serves any bot's system (AnySystem); its Ui is used only by the bot that knows the screens
      return new Session(context, page, ui, options.trace);
    } catch (error) {
      if (page && options.onLoginFailure) await options.onLoginFailure(page, error).catch(() => undefined);
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  /** `attempt` is the item's attempt number (1 for the first): 'on-first-retry' traces attempt 2 only. */
  async startItemTrace(title: string, attempt: number): Promise<void> {
    if (this.trace === 'off') return;
    if (this.trace === 'on-first-retry') {
      if (attempt !== 2) return;
      await this.context.tracing.start({ screenshots: true, snapshots: true, title });
      this.tracingThisItem = true;
      return;
    }
    await this.context.tracing.startChunk({ title });
  }

  /** Ends the item's trace: written to `path` when kept, discarded otherwise. A first retry's trace is always kept. */
  async stopItemTrace(keep: boolean, path: string): Promise<string | undefined> {
    if (this.trace === 'off') return undefined;
    if (this.trace === 'on-first-retry') {
      if (!this.tracingThisItem) return undefined;
      this.tracingThisItem = false;
      await this.context.tracing.stop({ path });
      return path;
    }
    const save = this.trace === 'on' || keep;
    await this.context.tracing.stopChunk(save ? { path } : undefined);
    return save ? path : undefined;
  }

  /** Safe to call twice; never throws (a dead browser must not hide the error that killed it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.context.close().catch(() => undefined);
  }
}
