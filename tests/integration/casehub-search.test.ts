import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../src/ui/browser.ts';
import { startCaseHub, type CaseHub, type LayoutName } from '../../src/fixtures/casehub/index.ts';
import { byControl, login, mainFrame, newPage, openMenu, registerBygglov, syntheticPerson } from '../helpers/casehub.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

const HISTORIC_CASES = 25;

describe.each<LayoutName>(['v1', 'v2'])('CaseHub search (%s)', { timeout: 30_000 }, (layout) => {
  let hub: CaseHub;
  let page: Page;
  beforeEach(async () => {
    hub = await startCaseHub({ layout, historicCases: HISTORIC_CASES });
    page = await newPage(browser);
    await login(page, hub);
  });
  afterEach(async () => {
    await page.context().close();
    await hub.close();
  });

  const grid = (): string => byControl(layout, 'grid');
  const caseRows = () => mainFrame(page).locator(`${grid()} > tbody > tr:has(a[href^="/Arende.aspx"])`);

  async function search(criteria: { pnr?: string; dnr?: string; ref?: string } = {}): Promise<void> {
    const main = mainFrame(page);
    await openMenu(page, 'Sök ärende');
    await main.locator(byControl(layout, 'searchPnr')).fill(criteria.pnr ?? '');
    await main.locator(byControl(layout, 'searchCaseNumber')).fill(criteria.dnr ?? '');
    await main.locator(byControl(layout, 'searchExternalRef')).fill(criteria.ref ?? '');
    await main.getByRole('button', { name: 'Sök', exact: true }).click();
    await main.locator('#lblAntal').or(main.locator('#lblInga')).waitFor();
  }

  it('pages through results with pager postbacks at the same URL', async () => {
    const main = mainFrame(page);
    await search();
    expect(await main.locator('#lblAntal').textContent()).toBe(String(HISTORIC_CASES));
    expect(await caseRows().count()).toBe(10);
    const firstPage = await caseRows().first().locator('a').textContent();
    const pageTwo = main.locator(`${grid()} tr.pager a`, { hasText: /^2$/ });
    expect(await pageTwo.getAttribute('href')).toBe(
      `javascript:__doPostBack('${hub.layout === 'v1' ? 'ctl00$ContentPlaceHolder1$gvResults' : 'ctl00$MainContent$ctl03$gvArenden'}','Page$2')`,
    );
    const urlBefore = page.frame({ name: 'main' })?.url();
    await pageTwo.click();
    await main.locator(`${grid()} tr.pager span`, { hasText: /^2$/ }).waitFor();
    expect(page.frame({ name: 'main' })?.url()).toBe(urlBefore);
    expect(await caseRows().first().locator('a').textContent()).not.toBe(firstPage);
    await main.locator(`${grid()} tr.pager a`, { hasText: /^3$/ }).click();
    await main.locator(`${grid()} tr.pager span`, { hasText: /^3$/ }).waitFor();
    expect(await caseRows().count()).toBe(HISTORIC_CASES - 20);
  });

  it('finds cases by personnummer in any accepted form, and by case number', async () => {
    const person = syntheticPerson(0);
    const shortForm = person.personnummer.slice(2).replace('-', '');
    await search({ pnr: shortForm });
    const expected = hub.cases().filter((c) => c.personnummer === person.personnummer);
    expect(await caseRows().count()).toBe(Math.min(10, expected.length));
    const pnrColumn = await mainFrame(page)
      .locator(`${grid()} > tbody > tr > td:nth-child(${columnIndex('Personnummer')})`)
      .allTextContents();
    expect(new Set(pnrColumn)).toEqual(new Set([person.personnummer]));
    const wanted = hub.cases()[4]?.caseNumber ?? '';
    await search({ dnr: wanted });
    expect(await caseRows().count()).toBe(1);
    expect(await caseRows().first().locator('a').textContent()).toBe(wanted);
  });

  it('truncates long cells with an ellipsis and keeps the full text in the title', async () => {
    const ref = 'E-TJANST-BYGGLOV-2026-000987654';
    await registerBygglov(page, layout, {
      personnummer: syntheticPerson(5).personnummer,
      fastighet: 'Björken 2:7',
      atgard: 'Nybyggnad',
      externalRef: ref,
    });
    await search({ ref });
    expect(await caseRows().count()).toBe(1);
    const cell = caseRows()
      .first()
      .locator(`td:nth-child(${columnIndex('Extern referens')})`);
    expect(await cell.getAttribute('title')).toBe(ref);
    const shown = (await cell.textContent()) ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect(ref.startsWith(shown.slice(0, -1))).toBe(true);
  });

  it('orders the grid columns as the layout says', async () => {
    await search();
    const headers = await mainFrame(page).locator(`${grid()} > tbody > tr > th`).allTextContents();
    expect(headers).toEqual(
      layout === 'v1'
        ? ['Ärendenummer', 'Typ', 'Sökande', 'Personnummer', 'Extern referens', 'Status', 'Registrerad']
        : ['Ärendenummer', 'Registrerad', 'Status', 'Typ', 'Personnummer', 'Sökande', 'Extern referens'],
    );
  });

  it('opens a case from the grid, adds a note with å ä ö and changes its status', async () => {
    const main = mainFrame(page);
    const target = hub.cases()[0]?.caseNumber ?? '';
    await search({ dnr: target });
    await caseRows().first().getByRole('link', { name: target }).click();
    await main.locator('#lblArendenummer', { hasText: target }).waitFor();
    await main.locator(byControl(layout, 'noteText')).fill('Åsa Öberg ringde om ärendet – vill ha besked före årsskiftet');
    await main.getByRole('button', { name: 'Lägg till anteckning' }).click();
    await main.locator('#tblAnteckningar').getByText('Åsa Öberg ringde').waitFor();
    await main.locator(byControl(layout, 'status')).selectOption({ label: 'Beslutat' });
    await main.getByRole('button', { name: 'Spara status' }).click();
    await main.locator('#tblArende tr', { hasText: 'Status' }).getByText('Beslutat').waitFor();
    const stored = hub.cases().find((c) => c.caseNumber === target);
    expect(stored?.status).toBe('Beslutat');
    expect(stored?.notes.map((n) => n.text)).toEqual(['Åsa Öberg ringde om ärendet – vill ha besked före årsskiftet']);
  });

  function columnIndex(header: string): number {
    const order =
      layout === 'v1'
        ? ['Ärendenummer', 'Typ', 'Sökande', 'Personnummer', 'Extern referens', 'Status', 'Registrerad']
        : ['Ärendenummer', 'Registrerad', 'Status', 'Typ', 'Personnummer', 'Sökande', 'Extern referens'];
    return order.indexOf(header) + 1;
  }
});
