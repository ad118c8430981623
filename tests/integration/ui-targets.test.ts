/**
 * Target resolution against real Chromium: fallback with drift, ambiguity, not found, error pages,
 * frames, and what the recorder receives.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AmbiguousTargetError, SessionExpiredError, TargetNotFoundError, TransientUiError } from '../../src/errors.ts';
import { createUi } from '../../src/ui/ui.ts';
import { defineSystem } from '../../src/ui/system.ts';
import type { UiActionEvent, UiDriftEvent, UiRecorder } from '../../src/ui/recorder.ts';
import { useBrowserPage } from '../helpers/browser-page.ts';
import type { Route } from '../helpers/static-server.ts';

const system = defineSystem({
  name: 'casehub',
  baseUrl: 'http://127.0.0.1:9',
  pageErrors: {
    serverError: { strategies: [{ text: "Server Error in '/' Application" }], kind: 'transient' },
    expired: { strategies: [{ text: 'Sessionen har gått ut' }], kind: 'session' },
  },
  screens: {
    newCase: {
      property: {
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtFastighet' }, { label: 'Fastighetsbeteckning' }, { label: 'Fastighet' }],
      },
      save: [{ role: 'button', name: 'Spara' }, { css: '.btn' }],
      anyButton: [{ css: '.btn' }],
      missing: [{ css: '#nothing' }, { label: 'Finns inte' }],
    },
    login: {
      username: [{ label: 'Användarnamn' }],
      password: { strategies: [{ label: 'Lösenord' }], sensitive: true },
      personnummer: { strategies: [{ label: 'Personnummer' }], personal: true },
    },
    framed: {
      name: { frame: 'main', strategies: [{ label: 'Namn' }] },
      search: { frame: 'main > inner', strategies: [{ role: 'button', name: 'Sök' }] },
      result: { frame: 'main > inner', strategies: [{ css: '#result' }] },
    },
  },
});

function memoryRecorder() {
  const actions: UiActionEvent[] = [];
  const drifts: UiDriftEvent[] = [];
  const recorder: UiRecorder = { action: (e) => void actions.push(e), drift: (e) => void drifts.push(e), dialog() {} };
  return { recorder, actions, drifts };
}

const env = useBrowserPage();
const serve = env.serve;
let page: Page;
beforeEach(() => {
  page = env.page();
});

/** A menu frame and a main frame; /expired is CaseHub's "session expired" message. */
const EXPIRY_FRAMESET: Record<string, Route> = {
  '/': '<frameset rows="20%,80%"><frame name="menu" src="/menu"><frame name="main" src="/main"></frameset>',
  '/menu': '<a href="/expired" target="main">Nytt ärende</a>',
  '/main': '<p>Välkommen</p>',
  '/expired': '<p>Sessionen har gått ut. Logga in igen.</p>',
};

describe('target resolution', () => {
  it('falls back to a later strategy and reports drift', async () => {
    const url = await serve({ '/': '<label>Fastighet <input id="ctl00_Main_txtFastighet"></label>' });
    const { recorder, drifts, actions } = memoryRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/');
    await ui.fill('newCase.property', 'Kungsbacka Hede 1:12');

    expect(await page.inputValue('#ctl00_Main_txtFastighet')).toBe('Kungsbacka Hede 1:12');
    expect(drifts).toEqual([
      expect.objectContaining({
        target: 'newCase.property',
        failedStrategy: 'css #ctl00_ContentPlaceHolder1_txtFastighet',
        matchedStrategy: 'label "Fastighet"',
        matchedIndex: 2,
      }),
    ]);
    expect(actions.at(-1)).toMatchObject({
      target: 'newCase.property',
      action: 'fill',
      strategy: 'label "Fastighet"',
      value: 'Kungsbacka Hede 1:12',
    });
  });

  it('reports no drift when the first strategy matches', async () => {
    const url = await serve({ '/': '<label>Fastighet <input id="ctl00_ContentPlaceHolder1_txtFastighet"></label><button>Spara</button>' });
    const { recorder, drifts, actions } = memoryRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/');
    await ui.fill('newCase.property', 'Varberg 2:3');
    await ui.click('newCase.save');
    expect(drifts).toEqual([]);
    expect(actions.map((a) => a.strategy)).toEqual(['url', 'css #ctl00_ContentPlaceHolder1_txtFastighet', 'role button "Spara"']);
  });

  it('never guesses between several matches', async () => {
    const url = await serve({ '/': '<button class="btn">Ny</button><button class="btn">Ta bort</button>' });
    const ui = createUi({ page, system });
    await ui.goto(url + '/');
    const error = await ui.click('newCase.anyButton').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousTargetError);
    expect((error as Error).message).toContain('matched 2 elements with strategy css .btn');
  });

  it('names every strategy tried when nothing matches', async () => {
    const url = await serve({ '/': '<p>Tom sida</p>' });
    const ui = createUi({ page, system, timeoutMs: 300 });
    await ui.goto(url + '/', { timeoutMs: 30_000 }); // the page's own load may be slow on a busy machine; the target's bound is what is tested
    const error = await ui.click('newCase.missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetNotFoundError);
    expect((error as Error).message).toContain('css #nothing');
    expect((error as Error).message).toContain('label "Finns inte"');
    expect(await ui.isPresent('newCase.missing')).toBe(false);
  });

  it('fails fast with a transient error when the system shows its error page', async () => {
    const url = await serve({
      '/': '<a href="/save">Spara</a>',
      '/save': () => ({ status: 500, body: "<h1>Server Error in '/' Application.</h1><p>Runtime Error</p>" }),
    });
    const ui = createUi({ page, system, timeoutMs: 60_000 });
    await ui.goto(url + '/');
    await page.click('a');
    const error = await ui.fill('newCase.property', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientUiError);
    expect(error).toMatchObject({ code: 'KANSLIST_PAGE_ERROR_SERVER_ERROR' });
  });

  it('recognises an expired session shown inside the target frame', async () => {
    const url = await serve(EXPIRY_FRAMESET);
    const ui = createUi({ page, system, timeoutMs: 60_000 });
    await ui.goto(url + '/');
    await page.frameLocator('frame[name="menu"]').getByRole('link').click();
    await expect(ui.fill('framed.name', 'x')).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('lets isPresent answer false beside an error page in another frame, and still stop on one in its own', async () => {
    const url = await serve(EXPIRY_FRAMESET);
    const ui = createUi({ page, system, timeoutMs: 60_000 });
    await ui.goto(url + '/', { timeoutMs: 30_000 });
    await page.frame({ name: 'menu' })!.goto(url + '/expired');
    // Only asking: the menu frame's message is not the answer to "is the name field there?".
    expect(await ui.isPresent('framed.name')).toBe(false);
    // Acting: a miss is explained by the error page in any frame.
    await expect(ui.fill('framed.name', 'x', { timeoutMs: 200 })).rejects.toBeInstanceOf(SessionExpiredError);
    await page.frame({ name: 'main' })!.goto(url + '/expired');
    await expect(ui.isPresent('framed.name')).rejects.toBeInstanceOf(SessionExpiredError);
  });
});

describe('frames', () => {
  const routes: Record<string, Route> = {
    '/': '<frameset cols="25%,75%"><frame name="menu" src="/menu"><frame name="main" src="/main"></frameset>',
    '/menu': '<a href="/main" target="main">Nytt ärende</a>',
    '/main': '<label>Namn <input></label><iframe name="inner" src="/inner"></iframe>',
    '/inner': '<button onclick="document.getElementById(\'result\').textContent = \'3 träffar\'">Sök</button><p id="result"></p>',
  };

  it('fills a target inside a frameset frame', async () => {
    const url = await serve(routes);
    const ui = createUi({ page, system });
    await ui.goto(url + '/');
    await ui.fill('framed.name', 'Testperson Ett');
    expect(await ui.value('framed.name')).toBe('Testperson Ett');
  });

  it('clicks and reads inside an iframe nested in a frame', async () => {
    const url = await serve(routes);
    const ui = createUi({ page, system });
    await ui.goto(url + '/');
    await ui.click('framed.search');
    await ui.waitFor('framed.result');
    expect(await ui.text('framed.result')).toBe('3 träffar');
  });
});

describe('recording', () => {
  it('records a sensitive value as ••• and flags personal values', async () => {
    const url = await serve({
      '/': '<label>Användarnamn <input></label><label>Lösenord <input type="password"></label><label>Personnummer <input></label>',
    });
    const { recorder, actions } = memoryRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/');
    await ui.fill('login.username', 'robot01');
    await ui.fill('login.password', 'hemligt-Lösen-42');
    await ui.fill('login.personnummer', 'synthetic-id');

    expect(await ui.value('login.password')).toBe('hemligt-Lösen-42');
    const fills = actions.filter((a) => a.action === 'fill');
    expect(fills.map((a) => a.value)).toEqual(['robot01', '•••', 'synthetic-id']);
    expect(fills[2]).toMatchObject({ personal: true });
    expect(JSON.stringify(actions)).not.toContain('hemligt');
  });
});
