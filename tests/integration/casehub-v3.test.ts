/**
 * CaseHub v3 ("modernised") through ctx.ui alone, in real Chromium: partial postbacks (search
 * grid, paging, tab strip) awaited by region and response, a grid with two rows per case read
 * with columns by header per language, by RegExp and by position, rich text in an iframe without
 * name or id, and an autocomplete that only answers to keys. One CaseHub and one browser for the
 * file. The example map (selectors/casehub.ts) expects full postbacks on search, so v3 gets the
 * map below; it is also what the docs show for partial postbacks.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startCaseHub, type CaseHub } from '../../src/fixtures/casehub/index.ts';
import { launchBrowser } from '../../src/ui/browser.ts';
import { defineSystem } from '../../src/ui/system.ts';
import { createUi, type Ui } from '../../src/ui/ui.ts';
import type { UiActionEvent, UiRecorder } from '../../src/ui/recorder.ts';
import { DEMO_USER, syntheticPerson } from '../helpers/casehub.ts';

const system = defineSystem({
  name: 'casehub-v3',
  baseUrl: 'http://127.0.0.1:9',
  timeoutMs: 10_000,
  pageErrors: {
    serverError: { strategies: [{ text: "Server Error in '/' Application." }], kind: 'transient' },
    expired: { strategies: [{ css: '#sessionMessage' }], kind: 'session' },
  },
  // Every page opened by URL (no Referer from CaseHub) shows v3's CSRF warning first.
  interstitials: {
    csrf: { shows: { css: '#csrfWarning' }, pass: async ({ ui }) => ui.waitForPostback(() => ui.click('csrf.continue')) },
  },
  screens: {
    csrf: { continue: [{ role: 'button', name: 'Fortsätt' }] },
    login: {
      username: [{ label: 'Användarnamn' }],
      password: { strategies: [{ label: 'Lösenord' }], sensitive: true },
      submit: [{ role: 'button', name: 'Logga in' }],
    },
    search: {
      personnummer: { personal: true, strategies: [{ label: 'Personnummer' }] },
      submit: [{ role: 'button', name: 'Sök', exact: true }],
      results: [{ css: '#ctl00_cphMain_ucSearch_upResults' }],
      grid: [{ css: '#ctl00_cphMain_ucSearch_upResults table.grid' }],
      hitCount: [{ css: '#lblAntal' }],
      nextPage: { onlyWhen: 'the grid has a page after this one', strategies: [{ css: 'tr.pager td:has(> span) + td > a' }] },
      currentPage: [{ css: 'tr.pager span' }],
    },
    case: {
      tabs: [{ css: '#ctl00_cphMain_ucCase_upTabs' }],
      notesTab: [{ role: 'tab', name: 'Anteckningar' }],
      officerTab: [{ role: 'tab', name: 'Handläggare' }],
      selectedTab: [{ css: '[role=tab][aria-selected=true]' }],
      noteEditor: { frame: { css: '.cke_contents iframe' }, strategies: [{ css: 'body[contenteditable]' }] },
      saveNote: [{ role: 'button', name: 'Spara anteckning' }],
      notes: [{ css: '#tblAnteckningar' }],
      officer: [{ label: 'Ny handläggare' }],
      officerOptions: [{ role: 'option' }],
      officerId: [{ css: 'input[type=hidden][name$="hfOfficerId"]' }],
      saveOfficer: [{ role: 'button', name: 'Spara handläggare' }],
      currentOfficer: [{ css: '#lblHandlaggare' }],
      validation: [{ css: '.validation li' }],
    },
  },
});

let browser: Browser;
let hub: CaseHub;
let context: BrowserContext;
let ui: Ui<typeof system.screens>;
let actions: UiActionEvent[];
let navigations: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  hub = await startCaseHub({ layout: 'v3', historicCases: 40 });
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext();
  actions = [];
  navigations = [];
  const recorder: UiRecorder = {
    action: (e) => void actions.push(e),
    drift() {},
    dialog() {},
    navigation: (e) => void navigations.push(e.url),
  };
  ui = createUi({ page: await context.newPage(), system, recorder });
  await ui.goto(`${hub.url}/Login.aspx`);
  await ui.fill('login.username', DEMO_USER.username);
  await ui.fill('login.password', DEMO_USER.password);
  await ui.waitForPostback(() => ui.click('login.submit'));
});

const fields = {
  caseNumber: { sv: 'Ärendenummer', en: 'Case number' },
  status: /^Status$/,
  address: 'Adress',
  externalRef: 6, // the second row's second cell: positions run across both rows of a record
};

function casesOf(personnummer: string) {
  return hub.cases().filter((c) => c.personnummer === personnummer);
}

describe('CaseHub v3 search: an AJAX grid with two rows per case', () => {
  it('searches and pages by partial postbacks and reads every case once, with its detail row', async () => {
    const person = syntheticPerson(0);
    const expected = casesOf(person.personnummer);
    expect(expected.length).toBeGreaterThan(10); // more than one grid page
    await ui.goto(`${hub.url}/Sok.aspx`);
    await ui.waitFor('search.results'); // past the CSRF warning: the search page itself is loaded
    const loaded = navigations.length;
    await ui.fill('search.personnummer', person.personnummer);
    const records = await ui.readGrid('search.grid', {
      trigger: () => ui.click('search.submit'),
      rowsPerRecord: 2,
      fields,
      nextPage: 'search.nextPage',
    });
    expect(records).toHaveLength(expected.length);
    expect(new Set(records.map((r) => r.caseNumber))).toEqual(new Set(expected.map((c) => c.caseNumber)));
    const first = expected.find((c) => c.caseNumber === records[0]?.caseNumber);
    expect(records[0]).toEqual({
      caseNumber: first?.caseNumber,
      status: 'Registrerad',
      address: first?.applicantAddress,
      externalRef: first?.externalRef,
    });
    expect(navigations).toHaveLength(loaded); // search and paging never reloaded the page
  });

  it('reads the rows of a new search, not the stale ones still shown when it starts', async () => {
    await ui.goto(`${hub.url}/Sok.aspx`);
    const [one, other] = [
      syntheticPerson(0),
      hub
        .cases()
        .map((c) => c.personnummer)
        .find((p) => p !== syntheticPerson(0).personnummer) ?? '',
    ];
    await ui.fill('search.personnummer', one.personnummer);
    await ui.readGrid('search.grid', { trigger: () => ui.click('search.submit'), rowsPerRecord: 2, fields, maxPages: 1 });
    await ui.fill('search.personnummer', other);
    hub.setFaults({ latencyMs: 300 }); // the old rows stay on screen while the answer is on its way
    try {
      const records = await ui.readGrid('search.grid', { trigger: () => ui.click('search.submit'), rowsPerRecord: 2, fields });
      expect(new Set(records.map((r) => r.caseNumber))).toEqual(new Set(casesOf(other).map((c) => c.caseNumber)));
    } finally {
      hub.setFaults({});
    }
  });

  it('waits for the updated region and its response, and says so when no update comes', async () => {
    await ui.goto(`${hub.url}/Sok.aspx`);
    await ui.fill('search.personnummer', syntheticPerson(0).personnummer);
    await ui.waitForPostback(() => ui.click('search.submit'), { update: 'search.results', response: /\/Sok\.aspx$/ });
    expect(await ui.text('search.hitCount')).toBe(String(casesOf(syntheticPerson(0).personnummer).length));
    expect(await ui.text('search.currentPage')).toBe('1');
    hub.setFaults({ latencyMs: 300 }); // page 1 stays on screen while the answer is on its way
    try {
      await ui.waitForPostback(() => ui.click('search.nextPage'), { response: /\/Sok\.aspx$/ });
    } finally {
      hub.setFaults({});
    }
    expect(await ui.text('search.currentPage')).toBe('2'); // the page's handler applied the answer before the wait ended
    const quick = createUi({ page: ui.page, system, timeoutMs: 500 });
    const error = await quick.waitForPostback(async () => {}, { update: 'search.results' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TransientUiError', code: 'KANSLIST_PARTIAL_POSTBACK_TIMEOUT' });
    expect(String(error)).toContain('search.results');
  });
  it('reports the error page a failed partial postback shows, not a timeout', async () => {
    await ui.goto(`${hub.url}/Sok.aspx`);
    await ui.fill('search.personnummer', syntheticPerson(0).personnummer);
    hub.setFaults({ error500Rate: 1 });
    try {
      const error = await ui.waitForPostback(() => ui.click('search.submit'), { update: 'search.results' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TransientUiError', code: 'KANSLIST_PAGE_ERROR_SERVER_ERROR' });
    } finally {
      hub.setFaults({});
    }
  });
});

describe('CaseHub v3 case page: tabs, rich text and autocomplete', () => {
  it('switches tabs by partial postback and saves a note written in the nameless editor iframe', async () => {
    await ui.goto(`${hub.url}/Arende.aspx?id=1`);
    expect(await ui.text('case.selectedTab')).toBe('Uppgifter');
    hub.setFaults({ latencyMs: 300 }); // the old tab stays on screen while the answer is on its way
    try {
      await ui.waitForPostback(() => ui.click('case.notesTab'), { update: 'case.tabs' });
    } finally {
      hub.setFaults({});
    }
    expect(await ui.text('case.selectedTab')).toBe('Anteckningar');
    await ui.fillRichText('case.noteEditor', 'Beslut fattat.\nSkickas till sökanden.');
    await ui.waitForPostback(() => ui.click('case.saveNote'), { update: 'case.tabs', response: /Arende\.aspx/ });
    expect(await ui.text('case.notes')).toContain('Skickas till sökanden.');
    expect(hub.cases()[0]?.notes.at(-1)?.text).toBe('Beslut fattat.\nSkickas till sökanden.');
    expect(actions.find((a) => a.action === 'fill' && a.target === 'case.noteEditor')).toBeDefined();
  });

  it('chooses the officer in the autocomplete, which fill alone does not', async () => {
    await ui.goto(`${hub.url}/Arende.aspx?id=2`);
    await ui.waitForPostback(() => ui.click('case.officerTab'), { update: 'case.tabs' });
    await ui.fill('case.officer', 'Anna Bergström');
    await ui.waitForPostback(() => ui.click('case.saveOfficer'), { update: 'case.tabs' });
    expect(await ui.text('case.validation')).toBe('Välj en handläggare i listan.');
    const kept = await ui.choose('case.officer', {
      type: 'Anna B',
      option: 'Anna Bergström',
      options: 'case.officerOptions',
      valueTarget: 'case.officerId',
      expectValue: 'H102',
    });
    expect(kept).toBe('H102');
    await ui.waitForPostback(() => ui.click('case.saveOfficer'), { update: 'case.tabs' });
    expect(await ui.text('case.currentOfficer')).toBe('Anna Bergström');
    expect(hub.cases()[1]?.officer).toBe('Anna Bergström');
  });
});
