/** A password typed through ctx.ui during a paused login is in no trace chunk (promise 4). */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/ui/browser.ts';
import { createUi } from '../../src/ui/ui.ts';
import { defineSystem } from '../../src/ui/system.ts';
import { chunkedTracing, withTracingPaused } from '../../src/ui/tracing.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { zipEntriesText } from '../helpers/zip.ts';

const SECRET = 'hemligt-Lösen-42';
const system = defineSystem({
  name: 'casehub',
  baseUrl: 'http://127.0.0.1:9',
  screens: {
    login: {
      username: [{ label: 'Användarnamn' }],
      password: { strategies: [{ label: 'Lösenord' }], sensitive: true },
      submit: [{ role: 'button', name: 'Logga in' }],
      welcome: [{ text: 'Välkommen' }],
    },
  },
});

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('tracing', () => {
  it('keeps the password out of the trace when logging in before tracing and pausing around secrets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kanslist-trace-'));
    const server = await startStaticServer({
      '/login': `<form method="post" action="/start"><label>Användarnamn <input name="u"></label>
        <label>Lösenord <input type="password" name="p"></label><button>Logga in</button></form>`,
      '/start': '<h1>Välkommen</h1><a href="/confirm">Signera</a>',
      '/confirm': '<label>Lösenord <input type="password"></label><a href="/done">Klar</a>',
      '/done': '<h1>Välkommen tillbaka</h1>',
    });
    const context = await browser.newContext();
    try {
      let chunkCount = 0;
      const tracing = chunkedTracing(context, () => join(dir, `chunk-${++chunkCount}.zip`));
      const ui = createUi({ page: await context.newPage(), system, tracing });
      // 1. Log in untraced: the login POST body would otherwise stay in every chunk's network log.
      await ui.goto(server.url + '/login');
      await ui.fill('login.username', 'robot01');
      await ui.fill('login.password', SECRET);
      await ui.click('login.submit');
      await ui.waitFor('login.welcome');
      // 2. Trace the work; a secret typed later is paused around until it is off the screen.
      await context.tracing.start({ snapshots: true, screenshots: true });
      await ui.page.getByRole('link', { name: 'Signera' }).click();
      await withTracingPaused(tracing, async () => {
        await ui.fill('login.password', SECRET); // nested pause inside: must not cut a second chunk
        await ui.page.getByRole('link', { name: 'Klar' }).click();
        await ui.waitFor('login.welcome');
      });
      await ui.text('login.welcome');
      await context.tracing.stop({ path: join(dir, 'last.zip') });

      const files = (await readdir(dir)).sort();
      expect(files).toHaveLength(2); // one chunk cut by the (outermost) pause, plus the last
      for (const file of files) {
        const content = zipEntriesText(join(dir, file));
        expect(content).not.toContain(SECRET);
      }
      const last = zipEntriesText(join(dir, 'last.zip'));
      expect(last).toContain('Välkommen tillbaka'); // tracing resumed after the pause
    } finally {
      await context.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
