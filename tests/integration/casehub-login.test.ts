import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/ui/browser.ts';
import { startCaseHub, type CaseHub, type LayoutName } from '../../src/fixtures/casehub/index.ts';
import { DEMO_USER, login, mainFrame, newPage, openMenu, submitLogin } from '../helpers/casehub.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

// Sessions do not depend on the layout, so only the frameset test runs in both; the other layout
// differences are covered in casehub-layouts.test.ts.
describe('CaseHub login and sessions', { timeout: 30_000 }, () => {
  async function withHub<T>(run: (hub: CaseHub) => Promise<T>, options: Parameters<typeof startCaseHub>[0] = {}): Promise<T> {
    const hub = await startCaseHub(options);
    try {
      return await run(hub);
    } finally {
      await hub.close();
    }
  }

  it.each<LayoutName>(['v1', 'v2'])('serves ISO-8859-1 pages and shows banner, menu and main frames after login (%s)', (layout) =>
    withHub(
      async (hub) => {
        const page = await newPage(browser);
        const response = await page.goto(`${hub.url}/Login.aspx`);
        expect(response?.headers()['content-type']).toBe('text/html; charset=ISO-8859-1');
        expect(await page.locator('input[name="__VIEWSTATE"]').count()).toBe(1);
        expect(await page.locator('input[name="__EVENTVALIDATION"]').count()).toBe(1);
        await login(page, hub);
        expect(
          page
            .frames()
            .map((f) => f.name())
            .filter(Boolean)
            .sort(),
        ).toEqual(['banner', 'main', 'menu']);
        expect(await page.frameLocator('frame[name="banner"]').locator('#lblAnvandare').textContent()).toBe(DEMO_USER.username);
        await page.context().close();
      },
      { layout },
    ),
  );

  it('shows an error page for a wrong password and starts no session', () =>
    withHub(async (hub) => {
      const page = await newPage(browser);
      await submitLogin(page, hub, { username: DEMO_USER.username, password: 'fel' });
      await page.getByRole('heading', { name: 'Inloggningen misslyckades' }).waitFor();
      expect(await page.locator('#loginError').textContent()).toContain('Felaktigt användarnamn eller lösenord');
      const state = (await (await fetch(`${hub.url}/__test/state`)).json()) as { counts: { activeSessions: number } };
      expect(state.counts.activeSessions).toBe(0);
      await page.context().close();
    }));

  it('rejects a post whose view state was tampered with', () =>
    withHub(async (hub) => {
      const page = await newPage(browser);
      await page.goto(`${hub.url}/Login.aspx`);
      await page.locator('#__VIEWSTATE').evaluate((el) => {
        (el as HTMLInputElement).value = 'dGFtcGVyZWQ=';
      });
      await page.getByLabel('Användarnamn').fill(DEMO_USER.username);
      await page.getByLabel('Lösenord').fill(DEMO_USER.password);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/Login.aspx') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Logga in' }).click(),
      ]);
      expect(response.status()).toBe(500);
      await page.getByText('Validation of viewstate MAC failed.').waitFor();
      await page.context().close();
    }));

  it('ends the old session when the same user logs in elsewhere', () =>
    withHub(async (hub) => {
      const first = await newPage(browser);
      const second = await newPage(browser);
      await login(first, hub);
      await login(second, hub);
      await openMenu(first, 'Sök ärende');
      await mainFrame(first).getByRole('heading', { name: 'Sessionen har avslutats' }).waitFor();
      await openMenu(second, 'Sök ärende');
      await mainFrame(second).getByRole('heading', { name: 'Sök ärende' }).waitFor();
      await first.context().close();
      await second.context().close();
    }));

  it('expires a session that was idle longer than the timeout', async () => {
    let now = Date.parse('2026-11-23T08:00:00Z');
    await withHub(
      async (hub) => {
        const page = await newPage(browser);
        await login(page, hub);
        now += 20 * 60 * 1000 + 1; // the default idle timeout is 20 minutes
        await openMenu(page, 'Nytt ärende');
        await mainFrame(page).getByRole('heading', { name: 'Sessionen har gått ut' }).waitFor();
        await page.context().close();
      },
      { clock: () => now },
    );
  });

  it('expires every session through the test API', () =>
    withHub(async (hub) => {
      const page = await newPage(browser);
      await login(page, hub);
      const answer = await fetch(`${hub.url}/__test/expire-sessions`, { method: 'POST' });
      expect(answer.status).toBe(200);
      await openMenu(page, 'Personsök');
      await mainFrame(page).getByText('Sessionen har gått ut på grund av inaktivitet').waitFor();
      await mainFrame(page).getByRole('link', { name: 'Logga in igen' }).click();
      await page.getByLabel('Användarnamn').waitFor();
      await page.context().close();
    }));

  it('logs out from the banner; the old cookie then leads back to the login page', () =>
    withHub(async (hub) => {
      const page = await newPage(browser);
      await login(page, hub);
      await page.frameLocator('frame[name="banner"]').getByRole('link', { name: 'Logga ut' }).click();
      await page.getByRole('heading', { name: 'Du är utloggad' }).waitFor();
      await page.goto(`${hub.url}/Default.aspx`);
      await page.getByLabel('Användarnamn').waitFor();
      expect(page.url()).toBe(`${hub.url}/Login.aspx`);
      await page.context().close();
    }));
});
