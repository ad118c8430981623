/** Evidence: a masked full-page screenshot and the HTML of the page and of every frame. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../src/ui/browser.ts';
import { captureEvidence, maskLocators } from '../../src/ui/evidence.ts';
import { createUi } from '../../src/ui/ui.ts';
import { defineSystem } from '../../src/ui/system.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';

const system = defineSystem({
  name: 'casehub',
  baseUrl: 'http://127.0.0.1:9',
  screens: {
    login: {
      username: { frame: 'main', strategies: [{ label: 'Användarnamn' }] },
      password: { frame: 'main', strategies: [{ label: 'Lösenord' }], sensitive: true },
    },
    applicant: {
      personnummer: { frame: 'main', strategies: [{ label: 'Personnummer' }], personal: true },
    },
  },
});

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: StaticServer;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  dir = await mkdtemp(join(tmpdir(), 'kanslist-evidence-'));
  server = await startStaticServer({
    '/': '<frameset rows="15%,85%"><frame name="menu" src="/menu"><frame name="main" src="/login"></frameset>',
    '/menu': '<p>CaseHub</p>',
    '/login': '<label>Användarnamn <input></label><label>Lösenord <input type="password"></label>',
  });
});
afterEach(async () => {
  await context.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('captureEvidence', () => {
  it('writes a masked screenshot and the HTML of the page and each frame, without the secret', async () => {
    const ui = createUi({ page, system });
    await ui.goto(server.url + '/');
    await ui.fill('login.username', 'robot01');
    await ui.fill('login.password', 'hemligt-Lösen-42');

    const mask = await maskLocators(page, system);
    expect(mask).toHaveLength(1); // the password is on screen; the personnummer field is not
    const evidence = await captureEvidence(page, dir, { mask });

    expect(evidence.screenshot).toBe(join(dir, 'screenshot.png'));
    const png = await readFile(evidence.screenshot as string);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect((await readdir(dir)).sort()).toEqual(['frame-main.html', 'frame-menu.html', 'page.html', 'screenshot.png']);
    expect(await readFile(join(dir, 'frame-main.html'), 'utf8')).toContain('Lösenord');
    for (const file of evidence.html ?? []) expect(await readFile(file, 'utf8')).not.toContain('hemligt');
  });

  it('never throws, even when the page is gone', async () => {
    await page.goto(server.url + '/');
    await page.close();
    const evidence = await captureEvidence(page, dir, { mask: [] });
    expect(evidence.screenshot).toBeUndefined();
  });
});
