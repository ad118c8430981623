/**
 * One browser per test file, a fresh context and page per test, and a static loopback server a
 * test can fill with its own pages. Registers the vitest hooks itself.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../src/ui/browser.ts';
import { startStaticServer, type Route, type StaticServer } from './static-server.ts';

export interface BrowserPage {
  /** The current test's page. */
  page(): Page;
  /** Serves `routes` on a free loopback port for the current test; returns its base URL. */
  serve(routes: Record<string, Route>): Promise<string>;
}

export function useBrowserPage(): BrowserPage {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
    await server?.close();
    server = undefined;
  });
  return {
    page: () => page,
    async serve(routes) {
      server = await startStaticServer(routes);
      return server.url;
    },
  };
}
