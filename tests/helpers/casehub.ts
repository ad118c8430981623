/**
 * Shared steps for the CaseHub browser tests: log in, reach the frames, register a case through
 * the UI the way a clerk does. Every wait is for a condition (an element, a popup, a close).
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { controlId, LAYOUTS, startCaseHub, type CaseHub, type LayoutName } from '../../src/fixtures/casehub/index.ts';
import { launchBrowser } from '../../src/ui/browser.ts';
import type { ControlKey } from '../../src/fixtures/casehub/layout.ts';
import { populationRegister } from '../../src/fixtures/population/register.ts';

export const DEMO_USER = { username: 'handlaggare', password: 'Kommun2026!' } as const;

export function mainFrame(page: Page): FrameLocator {
  return page.frameLocator('frame[name="main"]');
}

export function menuFrame(page: Page): FrameLocator {
  return page.frameLocator('frame[name="menu"]');
}

/** `#id` of a control in the given layout. */
export function byControl(layout: LayoutName, key: ControlKey): string {
  return `#${controlId(LAYOUTS[layout].names[key])}`;
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000); // fail a broken step fast instead of at the test timeout
  return context.newPage();
}

export async function login(page: Page, hub: CaseHub, user: { username: string; password: string } = DEMO_USER): Promise<void> {
  await submitLogin(page, hub, user);
  await mainFrame(page).getByRole('heading', { name: 'Välkommen till CaseHub' }).waitFor();
}

/** Fills and posts the login form without waiting for any particular answer. */
export async function submitLogin(page: Page, hub: CaseHub, user: { username: string; password: string }): Promise<void> {
  // Arriving from CaseHub's own root, as a person does: v3 warns about a login page opened without it.
  await page.goto(`${hub.url}/Login.aspx`, { referer: `${hub.url}/` });
  await page.getByLabel('Användarnamn').fill(user.username);
  await page.getByLabel('Lösenord').fill(user.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

export async function openMenu(page: Page, item: 'Nytt ärende' | 'Sök ärende' | 'Personsök'): Promise<void> {
  await menuFrame(page).getByRole('link', { name: item }).click();
}

/** A person from the synthetic register (the first one, unless told otherwise). */
export function syntheticPerson(index = 0): { personnummer: string; name: string } {
  const person = populationRegister()[index];
  if (!person) throw new Error(`The population register has no person at index ${index}.`);
  return person;
}

export interface BygglovInput {
  personnummer: string;
  fastighet: string;
  atgard: string;
  beskrivning?: string;
  externalRef?: string;
  file?: { name: string; mimeType: string; buffer: Buffer };
}

/** Chooses "Bygglov" and waits for the postback that brings the bygglov fields. */
export async function chooseCaseType(page: Page, layout: LayoutName, type: 'Bygglov' | 'Serveringstillstånd'): Promise<void> {
  const main = mainFrame(page);
  await main.locator(byControl(layout, 'caseType')).selectOption({ label: type });
  await main.locator(byControl(layout, type === 'Bygglov' ? 'fastighet' : 'restaurang')).waitFor();
}

/** Opens "Sök person", chooses the first hit and waits until the popup has closed and filled the name. */
export async function lookUpApplicant(page: Page, layout: LayoutName, personnummer: string): Promise<void> {
  const main = mainFrame(page);
  await main.locator(byControl(layout, 'personnummer')).fill(personnummer);
  const popupOpened = page.waitForEvent('popup');
  await main.getByRole('button', { name: 'Sök person' }).click();
  const popup = await popupOpened;
  const closed = popup.waitForEvent('close');
  // Choosing closes the popup; Playwright may report that while it waits after the click.
  await popup
    .getByRole('button', { name: 'Välj' })
    .first()
    .click()
    .catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
  await closed;
  await expect.poll(() => main.locator(byControl(layout, 'applicantName')).inputValue()).not.toBe('');
}

/** Registers a bygglov case through the UI (answering the confirm with OK) and returns the receipt's case number. */
export async function registerBygglov(page: Page, layout: LayoutName, input: BygglovInput): Promise<string> {
  const main = mainFrame(page);
  await openMenu(page, 'Nytt ärende');
  await chooseCaseType(page, layout, 'Bygglov');
  await lookUpApplicant(page, layout, input.personnummer);
  await main.locator(byControl(layout, 'fastighet')).fill(input.fastighet);
  await main.locator(byControl(layout, 'atgard')).selectOption({ label: input.atgard });
  if (input.beskrivning) await main.locator(byControl(layout, 'beskrivning')).fill(input.beskrivning);
  if (input.externalRef) await main.locator(byControl(layout, 'externalRef')).fill(input.externalRef);
  if (input.file) await main.locator(byControl(layout, 'attachment')).setInputFiles(input.file);
  page.once('dialog', (dialog) => void dialog.accept());
  await main.getByRole('button', { name: 'Registrera' }).click();
  await main.getByRole('heading', { name: 'Kvittens' }).waitFor();
  return readReceiptNumber(page);
}

/** Reads the case number from the receipt's unlabelled cell, by its shape. */
export async function readReceiptNumber(page: Page): Promise<string> {
  const cell = mainFrame(page)
    .locator('td')
    .filter({ hasText: /^(BN|ST) \d{4}-\d{6}$/ });
  return (await cell.textContent())?.trim() ?? '';
}

/**
 * For a describe block: one browser for the file, and per test a fresh CaseHub in `layout` with a
 * logged-in clerk's page. Registers the vitest hooks itself.
 */
export function useLoggedInCaseHub(layout: LayoutName): { hub(): CaseHub; page(): Page } {
  let browser: Browser;
  let hub: CaseHub;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    hub = await startCaseHub({ layout });
    page = await newPage(browser);
    await login(page, hub);
  });
  afterEach(async () => {
    await page.context().close();
    await hub.close();
  });
  return { hub: () => hub, page: () => page };
}
