import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { controlId, LAYOUTS, type LayoutName } from '../../src/fixtures/casehub/index.ts';
import { byControl, mainFrame, openMenu, registerBygglov, syntheticPerson } from '../helpers/casehub.ts';
import { useLoggedInCaseHub } from '../helpers/casehub.ts';

// v3 shares v1's labels and receipt; its own pages (search, case) are in casehub-v3.test.ts.
describe.each<LayoutName>(['v1', 'v2', 'v3'])('CaseHub layout %s', { timeout: 30_000 }, (layout) => {
  const casehub = useLoggedInCaseHub(layout);
  let page: Page;
  beforeEach(() => {
    page = casehub.page();
  });

  it('keeps <label for> right, so unchanged label texts find the same fields in both layouts', async () => {
    const main = mainFrame(page);
    await openMenu(page, 'Nytt ärende');
    await main.getByLabel('Ärendetyp').selectOption({ label: 'Bygglov' });
    const fastighetLabel = layout === 'v2' ? 'Fastighet' : 'Fastighetsbeteckning';
    await main.getByLabel(fastighetLabel, { exact: true }).fill('Tallen 9:9');
    expect(await main.locator(byControl(layout, 'fastighet')).inputValue()).toBe('Tallen 9:9');
    expect(await main.getByLabel('Personnummer').getAttribute('id')).toBe(controlId(LAYOUTS[layout].names.personnummer));
    expect(await main.getByLabel('Personnummer').getAttribute('name')).toBe(LAYOUTS[layout].names.personnummer);
  });

  it('puts labels before the field in v1 and v3, after it in v2', async () => {
    const main = mainFrame(page);
    await openMenu(page, 'Nytt ärende');
    const id = controlId(LAYOUTS[layout].names.personnummer);
    const labelAfterField = main.locator(`td:has(#${id}) + td label[for="${id}"]`);
    const labelBeforeField = main.locator(`td:has(label[for="${id}"]) + td #${id}`);
    await main.locator(`#${id}`).waitFor();
    const after = LAYOUTS[layout].labelPlacement === 'after';
    expect(await labelAfterField.count()).toBe(after ? 1 : 0);
    expect(await labelBeforeField.count()).toBe(after ? 0 : 1);
  });

  it('places the receipt number in an unlabelled cell: beside its text in v1 and v3, a row below in v2', async () => {
    const caseNumber = await registerBygglov(page, layout, {
      personnummer: syntheticPerson(0).personnummer,
      fastighet: 'Eken 4:1',
      atgard: 'Skylt',
    });
    const cell = mainFrame(page).locator('td', { hasText: caseNumber });
    expect(await cell.getAttribute('id')).toBeNull();
    const rowText = await cell.locator('xpath=..').textContent();
    const previousRowText = await cell.locator('xpath=../preceding-sibling::tr[1]').textContent();
    if (LAYOUTS[layout].receiptStyle === 'sameRow') expect(rowText).toContain('Ärendenummer:');
    else expect(previousRowText).toContain('Ärendet har fått följande nummer:');
  });

  it('offers Personsök from the menu as a plain page without "Välj"', async () => {
    const main = mainFrame(page);
    await openMenu(page, 'Personsök');
    const person = syntheticPerson(7);
    await main.locator(byControl(layout, 'personQuery')).fill(person.personnummer);
    await main.getByRole('button', { name: 'Sök', exact: true }).click();
    await main.locator(byControl(layout, 'personResults')).getByText(person.name).waitFor();
    expect(await main.getByRole('button', { name: 'Välj' }).count()).toBe(0);
  });
});

describe('CaseHub layout switch', { timeout: 30_000 }, () => {
  const casehub = useLoggedInCaseHub('v1');
  it('renders the new layout after a live switch and rejects a post from a form of the old one', async () => {
    const hub = casehub.hub();
    const page = casehub.page();
    const main = mainFrame(page);
    await openMenu(page, 'Sök ärende');
    await main.locator(byControl('v1', 'searchButton')).waitFor();
    const switched = await fetch(`${hub.url}/__test/layout`, { method: 'POST', body: JSON.stringify({ layout: 'v2' }) });
    expect(switched.status).toBe(200);
    expect(hub.layout).toBe('v2');
    await main.locator(byControl('v1', 'searchButton')).click();
    await main.getByText('Validation of viewstate MAC failed.').waitFor();
    await openMenu(page, 'Sök ärende');
    await main.locator(byControl('v2', 'searchButton')).waitFor();
    expect(await main.getByLabel('Diarienummer').count()).toBe(1);
  });
});
