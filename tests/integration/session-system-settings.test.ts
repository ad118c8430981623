/**
 * Per system: the browser's language, time zone and extra headers come from the system map (a
 * system whose UI follows Accept-Language answers in the language asked for), and otherwise from the
 * configured language — no longer Swedish for every system. Bots read the system's resolved address.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAddress } from '../../src/runner/bot.ts';
import { Session } from '../../src/runner/session.ts';
import { defineSystem } from '../../src/ui/index.ts';
import { launchBrowser } from '../../src/ui/browser.ts';

let server: Server;
let url: string;
let browser: Browser;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Start</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const recorder = { action: () => undefined, drift: () => undefined, dialog: () => undefined };

async function open(system: ReturnType<typeof defineSystem>, locale?: string) {
  return Session.open({
    browser,
    system,
    baseUrl: url,
    credentials: { username: 'u', password: 'p' },
    recorder,
    trace: 'off',
    timeoutMs: 30_000,
    evidenceDir: () => '/tmp',
    locale,
  });
}

describe('a session as the system map says', () => {
  it("uses the system's locale, time zone and headers", async () => {
    const system = defineSystem({
      name: 'tickets',
      baseUrl: url,
      locale: 'en-GB',
      timezoneId: 'America/New_York',
      extraHTTPHeaders: { 'X-Api-Version': '3' },
      screens: { start: { heading: [{ role: 'heading', name: 'Start' }] } },
    });
    const session = await open(system, 'da-DK');
    try {
      seen.length = 0;
      await session.ui.goto(systemAddress('tickets', url).url('/start'));
      expect(seen.at(-1)?.['accept-language']).toMatch(/^en-GB/);
      expect(seen.at(-1)?.['x-api-version']).toBe('3');
      expect(await session.page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone])).toEqual([
        'en-GB',
        'America/New_York',
      ]);
    } finally {
      await session.close();
    }
  });

  it('without a locale in the map, speaks the configured language', async () => {
    const system = defineSystem({ name: 'arkiv', baseUrl: url, screens: { start: { heading: [{ role: 'heading', name: 'Start' }] } } });
    const session = await open(system, 'da-DK');
    try {
      seen.length = 0;
      await session.ui.goto(url);
      expect(seen.at(-1)?.['accept-language']).toMatch(/^da-DK/);
    } finally {
      await session.close();
    }
  });

  it("resolves paths against the system's address for bots", () => {
    expect(systemAddress('casehub', 'http://casehub.test.kommun.local/app/').url('Search.aspx')).toBe(
      'http://casehub.test.kommun.local/app/Search.aspx',
    );
  });
});
