import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/ui/browser.ts';
import { startCaseHub, type CaseHub, type CaseHubOptions } from '../../src/fixtures/casehub/index.ts';
import { byControl, chooseCaseType, login, lookUpApplicant, mainFrame, newPage, openMenu, syntheticPerson } from '../helpers/casehub.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

describe('CaseHub fault injection', { timeout: 30_000 }, () => {
  const hubs: CaseHub[] = [];
  async function hubWith(options: CaseHubOptions = {}): Promise<CaseHub> {
    const hub = await startCaseHub(options);
    hubs.push(hub);
    return hub;
  }
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((hub) => hub.close()));
  });

  it('answers with an ASP.NET 500 page while error500Rate is 1, and normally once faults are cleared', async () => {
    const hub = await hubWith();
    const page = await newPage(browser);
    await login(page, hub);
    hub.setFaults({ error500Rate: 1 });
    const failed = page.waitForResponse((r) => r.url().endsWith('/Sok.aspx'));
    await openMenu(page, 'Sök ärende');
    expect((await failed).status()).toBe(500);
    await mainFrame(page).getByText("Server Error in '/' Application.").waitFor();
    hub.setFaults({});
    await openMenu(page, 'Sök ärende');
    await mainFrame(page).getByRole('heading', { name: 'Sök ärende' }).waitFor();
    await page.context().close();
  });

  it('shows the busy page while busyRate is 1, set live through the test API', async () => {
    const hub = await hubWith();
    const page = await newPage(browser);
    await login(page, hub);
    const set = await fetch(`${hub.url}/__test/faults`, { method: 'POST', body: JSON.stringify({ busyRate: 1 }) });
    expect(set.status).toBe(200);
    await openMenu(page, 'Nytt ärende');
    await mainFrame(page).getByText('Systemet är upptaget, försök igen senare').waitFor();
    const state = (await (await fetch(`${hub.url}/__test/state`)).json()) as { faults: unknown };
    expect(state.faults).toEqual({ busyRate: 1 }); // the test API itself is never faulted
    await page.context().close();
  });

  it('raises the operations notice once, on the first page after login', async () => {
    const hub = await hubWith({ faults: { noticeAlertRate: 1 } });
    const page = await newPage(browser);
    const messages: string[] = [];
    page.on('dialog', (dialog) => {
      messages.push(dialog.message());
      void dialog.accept();
    });
    await login(page, hub);
    await expect.poll(() => messages).toEqual([expect.stringMatching(/^Driftinformation: /)]);
    await page.frame({ name: 'main' })?.goto(`${hub.url}/Start.aspx`);
    await mainFrame(page).getByRole('heading', { name: 'Välkommen till CaseHub' }).waitFor();
    expect(messages).toHaveLength(1);
    await page.context().close();
  });

  it('still answers every request under latency and jitter', async () => {
    const hub = await hubWith({ faults: { latencyMs: 50, jitterMs: 50 } });
    const page = await newPage(browser);
    await login(page, hub);
    await openMenu(page, 'Personsök');
    await mainFrame(page).getByRole('heading', { name: 'Personsök' }).waitFor();
    await page.context().close();
  });

  it('fails the same requests for the same seed', async () => {
    const faults = { error500Rate: 0.3, busyRate: 0.3 };
    const statuses = async (hub: CaseHub): Promise<number[]> => {
      const seen: number[] = [];
      for (let i = 0; i < 30; i++) {
        const response = await fetch(`${hub.url}/Login.aspx`);
        seen.push(response.status);
        await response.arrayBuffer();
      }
      return seen;
    };
    const first = await statuses(await hubWith({ seed: 7, faults }));
    const second = await statuses(await hubWith({ seed: 7, faults }));
    expect(second).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500, 503]));
  });

  it('rejects impossible fault settings with a clear error', async () => {
    const hub = await hubWith();
    expect(() => hub.setFaults({ error500Rate: 2 })).toThrow(/error500Rate.*0 to 1/);
    const answer = await fetch(`${hub.url}/__test/faults`, { method: 'POST', body: '{"latencyMs":-5}' });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: string }).error).toMatch(/latencyMs/);
  });

  it('registers nothing when the Registrera post meets a 500 (the fault strikes before the page runs)', async () => {
    const hub = await hubWith();
    const page = await newPage(browser);
    await login(page, hub);
    await openMenu(page, 'Nytt ärende');
    await chooseCaseType(page, 'v1', 'Bygglov');
    await lookUpApplicant(page, 'v1', syntheticPerson(0).personnummer);
    await mainFrame(page).locator(byControl('v1', 'fastighet')).fill('Tallen 1:1');
    await mainFrame(page).locator(byControl('v1', 'atgard')).selectOption({ label: 'Nybyggnad' });
    hub.setFaults({ error500Rate: 1 });
    page.once('dialog', (dialog) => void dialog.accept());
    await mainFrame(page).getByRole('button', { name: 'Registrera' }).click();
    await mainFrame(page).getByText("Server Error in '/' Application.").waitFor();
    expect(hub.cases()).toEqual([]);
    await page.context().close();
  });
});
