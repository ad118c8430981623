/**
 * The baseline: a plain Playwright script doing exactly the clicks the building-permit bot does
 * (bots/bygglov-registrering.ts with the v1 strategies of selectors/casehub.ts), without Kanslist's
 * target resolution, error-page watching, audit recorder, store, leases or heartbeats.
 *
 * It is written the way a competent Playwright author would write it: idiomatic auto-waiting
 * locators, a wait for an element of the next screen after each postback, no retries (the
 * benchmark runs it with no faults). Workers share an in-memory index for work distribution.
 * With `letterDir` it also writes the bot's receipt letter after each registration, with the bot's
 * own letter code: the same work per item, so what is left between the two is the framework's.
 */
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { MEASURES } from '../bots/bygglov-registrering.ts';
import { bygglovKvittensFileName, makeBygglovKvittens } from '../reports/letters/bygglov-kvittens.ts';
import { writeLetter } from '../src/report/letters/write-letter.ts';
import { parsePersonnummer } from '../src/identity/index.ts';
import { launchBrowser } from '../src/ui/browser.ts';

export interface PlainApplication {
  applicationId: string;
  personnummer: string;
  propertyDesignation: string;
  measure: string;
  description: string;
  /** Absolute path of the PDF attachment. */
  attachment: string;
  submittedAt: Date;
}

export interface PlainItemResult {
  applicationId: string;
  caseNumber: string;
  /** From the start of the item's first click to the receipt number read. */
  durationMs: number;
}

export interface PlainRunOptions {
  baseUrl: string;
  xlsxPath: string;
  /** One robot account per worker (CaseHub allows one session per user). */
  accounts: readonly { username: string; password: string }[];
  concurrency: number;
  /** Timeout of every wait. @default 15000 */
  timeoutMs?: number;
  /** Write the bot's receipt letter for each registered application into this folder. @default no letters */
  letterDir?: string | undefined;
}

/** What the bot's letter says about the sender, as the demo configuration has it. */
const LETTER_SETTINGS = { organisation: 'Exempel kommun', timeZone: 'Europe/Stockholm', language: 'sv' } as const;

export interface PlainRunResult {
  items: PlainItemResult[];
  /** Epoch ms: the browser is up and the workers start (log in, then items). */
  workStartedAt: number;
  /** Epoch ms: the last item's receipt was read. */
  workEndedAt: number;
  browserVersion: string;
}

/** The bot's own mapping of the e-service's measures to CaseHub's code list. */

/** v1 control ids: the first strategy of each target in selectors/casehub.ts. */
const ID = {
  username: '#ctl00_ContentPlaceHolder1_txtUserName',
  password: '#ctl00_ContentPlaceHolder1_txtPassword',
  login: '#ctl00_ContentPlaceHolder1_btnLogin',
  caseType: '#ctl00_ContentPlaceHolder1_ddlArendetyp',
  personnummer: '#ctl00_ContentPlaceHolder1_txtPersonnummer',
  lookupPerson: '#ctl00_ContentPlaceHolder1_btnSokPerson',
  applicantName: '#ctl00_ContentPlaceHolder1_txtNamn',
  applicantAddress: '#ctl00_ContentPlaceHolder1_txtAdress',
  propertyDesignation: '#ctl00_ContentPlaceHolder1_txtFastighet',
  measure: '#ctl00_ContentPlaceHolder1_ddlAtgard',
  description: '#ctl00_ContentPlaceHolder1_txtBeskrivning',
  externalRef: '#ctl00_ContentPlaceHolder1_txtExternRef',
  attachment: '#ctl00_ContentPlaceHolder1_fuBilaga',
  register: '#ctl00_ContentPlaceHolder1_btnRegistrera',
  receiptNumber: "xpath=//td[normalize-space(.)='Ärendenummer:']/following-sibling::td[1]",
  personNotFound: '#lblIngenPerson',
  validationErrors: '#ctl00_ContentPlaceHolder1_ValidationSummary1 li',
} as const;

export async function runPlainScript(options: PlainRunOptions): Promise<PlainRunResult> {
  const applications = await readApplications(options.xlsxPath);
  const browser = await launchBrowser();
  try {
    const workStartedAt = Date.now();
    const items: PlainItemResult[] = [];
    let next = 0; // the shared work index: JavaScript is single-threaded, so `next++` is a claim
    const claim = () => (next < applications.length ? applications[next++] : undefined);
    const workers = Array.from({ length: options.concurrency }, (_, i) => {
      const account = options.accounts[i];
      if (!account) throw new Error(`Worker ${i + 1} has no robot account; pass one account per worker.`);
      return runWorker(browser, options, account, claim, items);
    });
    await Promise.all(workers);
    return { items, workStartedAt, workEndedAt: Date.now(), browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
}

async function runWorker(
  browser: Browser,
  options: PlainRunOptions,
  account: { username: string; password: string },
  claim: () => PlainApplication | undefined,
  results: PlainItemResult[],
): Promise<void> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'sv-SE' });
  try {
    const page = await openLoggedIn(context, options, account);
    for (let application = claim(); application; application = claim()) {
      const started = Date.now();
      const caseNumber = await registerApplication(page, application, options.letterDir);
      results.push({ applicationId: application.applicationId, caseNumber, durationMs: Date.now() - started });
    }
  } finally {
    await context.close();
  }
}

export async function openLoggedIn(
  context: BrowserContext,
  options: PlainRunOptions,
  account: { username: string; password: string },
): Promise<Page> {
  context.setDefaultTimeout(options.timeoutMs ?? 15_000);
  context.setDefaultNavigationTimeout(options.timeoutMs ?? 15_000);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept()); // the only dialog is "Vill du registrera ärendet?"
  await page.goto(new URL('/Login.aspx', options.baseUrl).href, { waitUntil: 'domcontentloaded' });
  await page.locator(ID.username).fill(account.username);
  await page.locator(ID.password).fill(account.password);
  await page.locator(ID.login).click();
  await menu(page).getByRole('link', { name: 'Nytt ärende' }).waitFor();
  return page;
}

/** The bot's process(), click for click, with the same two business checks (person not found, registration rejected). */
export async function registerApplication(page: Page, application: PlainApplication, letterDir?: string): Promise<string> {
  const main = mainFrame(page);
  // 1. A fresh "Nytt ärende" form of the building-permit type (the select posts back).
  await menu(page).getByRole('link', { name: 'Nytt ärende' }).click();
  await main.locator(ID.caseType).selectOption({ label: 'Bygglov' });
  await main.locator(ID.propertyDesignation).waitFor({ state: 'attached' }); // only there after the postback
  // 2. The applicant, through the lookup popup that fills name and address.
  await main.locator(ID.personnummer).fill(parsePersonnummer(application.personnummer).normalized);
  const opening = page.waitForEvent('popup');
  await main.locator(ID.lookupPerson).click();
  const popup = await opening;
  const closed = popup.isClosed() ? Promise.resolve() : popup.waitForEvent('close');
  // The bot's business check: a person the register does not know is a case for a clerk.
  await popup.waitForLoadState('domcontentloaded');
  if ((await popup.locator(ID.personNotFound).count()) > 0)
    throw new Error(`${application.applicationId}: the person is not in the register`);
  // "Välj" closes the popup; Playwright may report that while it waits after the click.
  await popup
    .getByRole('button', { name: 'Välj' })
    .click()
    .catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
  await closed;
  const applicantName = await main.locator(ID.applicantName).inputValue();
  if (!applicantName) throw new Error(`${application.applicationId}: the lookup filled no name`);
  const applicantAddress = letterDir === undefined ? '' : await main.locator(ID.applicantAddress).inputValue();
  // 3. The application, its e-service id and its PDF.
  await main.locator(ID.propertyDesignation).fill(application.propertyDesignation);
  await main.locator(ID.measure).selectOption({ label: MEASURES[application.measure] ?? application.measure });
  await main.locator(ID.description).fill(application.description);
  await main.locator(ID.externalRef).fill(application.applicationId);
  await main.locator(ID.attachment).setInputFiles(application.attachment);
  // 4. Register (the confirm is accepted by the page's dialog handler), then read the receipt.
  await main.locator(ID.register).click();
  // The bot's business check: CaseHub answers either the receipt or its list of what it rejected.
  await main.getByRole('heading', { name: 'Kvittens' }).or(main.locator(ID.validationErrors)).first().waitFor();
  if ((await main.locator(ID.validationErrors).count()) > 0)
    throw new Error(`${application.applicationId}: CaseHub rejected the application`);
  const caseNumber = (await main.locator(ID.receiptNumber).innerText()).trim();
  if (letterDir !== undefined) {
    const facts = {
      applicationId: application.applicationId,
      submittedAt: application.submittedAt,
      caseNumber,
      applicantName,
      applicantAddress,
      propertyDesignation: application.propertyDesignation,
      measure: MEASURES[application.measure] ?? application.measure,
    };
    await writeLetter(letterDir, bygglovKvittensFileName(application.applicationId), await makeBygglovKvittens(facts, LETTER_SETTINGS));
  }
  return caseNumber;
}

function mainFrame(page: Page): FrameLocator {
  return page.frameLocator('frame[name="main"]');
}

function menu(page: Page): FrameLocator {
  return page.frameLocator('frame[name="menu"]');
}

/** Reads the e-service export with exceljs directly (sheet "Ansökningar", headers in row 1). */
export async function readApplications(xlsxPath: string): Promise<PlainApplication[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.getWorksheet('Ansökningar');
  if (!sheet) throw new Error(`${xlsxPath} has no sheet "Ansökningar"`);
  const column = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, index) => column.set(cell.text, index));
  const text = (row: ExcelJS.Row, header: string): string => {
    const index = column.get(header);
    if (index === undefined) throw new Error(`${xlsxPath} has no column "${header}"`);
    return String(row.getCell(index).text ?? '').trim();
  };
  const applications: PlainApplication[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    applications.push({
      applicationId: text(row, 'Ärende-ID'),
      personnummer: text(row, 'Personnummer'),
      propertyDesignation: text(row, 'Fastighetsbeteckning'),
      measure: text(row, 'Åtgärd'),
      description: text(row, 'Beskrivning'),
      attachment: join(dirname(xlsxPath), 'bilagor', text(row, 'Bilaga')),
      submittedAt: dateCell(row.getCell(column.get('Inkommen') ?? 0).value),
    });
  });
  return applications;
}

function dateCell(value: ExcelJS.CellValue): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') return new Date(value);
  throw new Error('The column "Inkommen" holds no date');
}
