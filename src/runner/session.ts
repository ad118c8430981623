/**
 * A session: one browser context, logged in to one system, owned by one worker. A context is
 * never reused after a system exception (Playwright's rule too): the worker throws it away and
 * opens a fresh one, which logs in again.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chunkedTracing, createUi, type Credentials, type Ui, type UiRecorder } from '../ui/index.ts';
import type { AnySystem } from './bot.ts';

export type TraceMode = 'off' | 'on' | 'retain-on-failure';

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
}

export class Session {
  private closed = false;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly ui: Ui,
    private readonly trace: TraceMode,
  ) {}

  static async open(options: SessionOptions): Promise<Session> {
    const context = await options.browser.newContext({ acceptDownloads: true, locale: 'sv-SE' });
    let page: Page | undefined;
    try {
      context.setDefaultTimeout(options.timeoutMs);
      context.setDefaultNavigationTimeout(options.timeoutMs);
      page = await context.newPage();
      // Chunks cut while a secret is typed mid-item land next to the item's other evidence.
      let part = 0;
      const tracing = chunkedTracing(context, () => join(options.evidenceDir(), `trace-part-${++part}.zip`));
      const ui = createUi({ page, system: options.system, recorder: options.recorder, timeoutMs: options.timeoutMs, tracing });
      await options.system.login?.({ ui, credentials: options.credentials, baseUrl: options.baseUrl });
      // Tracing starts after login so that the password typed there is never in a trace.
      if (options.trace !== 'off') await context.tracing.start({ screenshots: true, snapshots: true });
      return new Session(context, page, ui, options.trace);
    } catch (error) {
      if (page && options.onLoginFailure) await options.onLoginFailure(page, error).catch(() => undefined);
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  async startItemTrace(title: string): Promise<void> {
    if (this.trace !== 'off') await this.context.tracing.startChunk({ title });
  }

  /** Ends the item's trace chunk: written to `path` when kept, discarded otherwise. */
  async stopItemTrace(keep: boolean, path: string): Promise<string | undefined> {
    if (this.trace === 'off') return undefined;
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
