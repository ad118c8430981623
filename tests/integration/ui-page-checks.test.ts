/**
 * The check before every action, against real Chromium: the in-page probe answers as Playwright's
 * engines would; error pages scoped to screens (`notOn`), fatal error pages, error pages inside a
 * frame addressed by a selector; interstitials passed by their handler and recorded.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FatalBotError, KanslistError, SessionExpiredError, TransientUiError } from '../../src/errors.ts';
import { createUi } from '../../src/ui/ui.ts';
import { defineSystem } from '../../src/ui/system.ts';
import { probeFrame, type PageCheck } from '../../src/ui/probe.ts';
import type { UiActionEvent, UiInterstitialEvent, UiRecorder } from '../../src/ui/recorder.ts';
import { useBrowserPage } from '../helpers/browser-page.ts';

const system = defineSystem({
  name: 'casehub',
  baseUrl: 'http://127.0.0.1:9',
  pageErrors: {
    loginShown: { strategies: [{ css: '#login-form' }], kind: 'session', notOn: ['login'] },
    denied: { strategies: [{ text: 'Behörighet saknas' }], kind: 'fatal' },
    editorError: { strategies: [{ css: '.fel' }], kind: 'transient', frame: { css: 'iframe.editor' } },
  },
  interstitials: {
    csrfResume: {
      shows: { css: '#csrf-warning' },
      pass: async ({ ui }) => ui.waitForPostback(() => ui.click('csrf.resume')),
      maxPerAction: 2,
    },
  },
  screens: {
    login: { username: [{ css: '#user' }] },
    newCase: { property: [{ css: '#fastighet' }], save: [{ role: 'button', name: 'Spara' }] },
    csrf: { resume: [{ role: 'button', name: 'Fortsätt' }] },
  },
});

function memoryRecorder() {
  const actions: UiActionEvent[] = [];
  const interstitials: UiInterstitialEvent[] = [];
  const recorder: UiRecorder = {
    action: (e) => void actions.push(e),
    drift() {},
    dialog() {},
    interstitial: (e) => void interstitials.push(e),
  };
  return { recorder, actions, interstitials };
}

/** The KanslistError `work` rejects with (anything else, or success, fails the test). */
async function thrown(work: Promise<unknown>): Promise<KanslistError> {
  const error = await work.then(
    () => new Error('expected an error'),
    (reason: unknown) => reason,
  );
  if (error instanceof KanslistError) return error;
  throw error;
}

const env = useBrowserPage();
let page: Page;
beforeEach(() => {
  page = env.page();
});

describe('the in-page probe', () => {
  it('answers css, xpath and non-exact text as Playwright counts them, in one evaluation', async () => {
    const url = await env.serve({
      '/': `<html><head><title>Behörighet saknas</title></head><body>
        <p class="a">Server  Error in '/' <b>Application.</b></p><p class="a">two</p>
        <input type="submit" value="Systemet är upptaget"><script>var s = 'Sessionen har gått ut';</script></body></html>`,
    });
    await page.goto(url + '/');
    const checks: PageCheck[] = [
      { css: 'p.a' },
      { css: '#none' },
      { xpath: '//p/b' },
      { text: "server error in '/' application." },
      { text: 'Systemet är upptaget' },
      { text: 'Sessionen har gått ut' },
      { text: 'Behörighet saknas' },
    ];
    const answer = await probeFrame(page, { here: checks, top: [] });
    expect(answer?.here).toEqual([2, 0, 1, 1, 1, 0, 0]);
    // The same questions asked of Playwright's engines.
    expect(await page.locator('p.a').count()).toBe(2);
    expect(await page.locator('xpath=//p/b').count()).toBe(1);
    for (const [text, shown] of [
      ["server error in '/' application.", true],
      ['Systemet är upptaget', true],
      ['Sessionen har gått ut', false],
      ['Behörighet saknas', false],
    ] as const) {
      expect((await page.getByText(text).count()) > 0).toBe(shown);
    }
  });

  it('leaves to Playwright what only its engines understand, and documents with shadow roots', async () => {
    const url = await env.serve({
      '/': '<p>one</p><div id="host"></div><script>document.getElementById("host").attachShadow({ mode: "open" }).innerHTML = "<p>two</p>";</script>',
    });
    await page.goto(url + '/');
    expect((await probeFrame(page, { here: [{ css: 'p' }], top: [] }))?.here).toEqual([null]);
    const plain = await env.serve({ '/': '<p>one</p>' });
    await page.goto(plain + '/');
    expect((await probeFrame(page, { here: [{ css: 'p:has-text("one")' }, { css: 'p' }], top: [] }))?.here).toEqual([null, 1]);
  });
});

describe('error pages with a scope and a kind', () => {
  it('does not take the login form for an ended session on the login screen, and does elsewhere', async () => {
    const url = await env.serve({ '/': '<form id="login-form"><input id="user"></form>' });
    const ui = createUi({ page, system, timeoutMs: 2_000 });
    await ui.goto(url + '/');
    await ui.fill('login.username', 'robot1');
    expect(await page.inputValue('#user')).toBe('robot1');
    const error = await thrown(ui.fill('newCase.property', 'Varberg 2:3'));
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error.message).toContain('"loginShown"');
  });

  it('stops the run on a fatal page, naming it, even when the target is there too', async () => {
    const url = await env.serve({ '/': '<input id="fastighet">' });
    const ui = createUi({ page, system, timeoutMs: 2_000 });
    await ui.goto(url + '/');
    await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<p>Behörighet saknas för ärendet</p>')`);
    const error = await thrown(ui.fill('newCase.property', 'Varberg 2:3'));
    expect(error).toBeInstanceOf(FatalBotError);
    expect(error).toMatchObject({ code: 'KANSLIST_PAGE_FATAL', params: { page: 'denied' } });
    expect(error.message).toContain('"denied"');
  });

  it('sees an error page inside a frame addressed by a selector while waiting for a target outside it', async () => {
    const url = await env.serve({ '/': '<p>Ärende</p>', '/editor': '<p class="fel">Ett fel har uppstått</p>' });
    const ui = createUi({ page, system, timeoutMs: 5_000 });
    await ui.goto(url + '/');
    await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<iframe class="editor" src="/editor"></iframe>')`);
    await page.frameLocator('iframe.editor').locator('.fel').waitFor();
    const error = await thrown(ui.fill('newCase.property', 'Varberg 2:3'));
    expect(error).toBeInstanceOf(TransientUiError);
    expect(error).toMatchObject({ code: 'KANSLIST_PAGE_ERROR_EDITOR_ERROR' });
    expect(error.where).toContain('frame "css iframe.editor"');
  });
});

describe('interstitials', () => {
  const warning = '<form method="post" action="/resume"><p id="csrf-warning">Sidan har gått ut.</p><button>Fortsätt</button></form>';

  it('passes a CSRF resume page by its handler, records it, and goes on to the target', async () => {
    const url = await env.serve({ '/': warning, '/resume': '<input id="fastighet">' });
    const { recorder, actions, interstitials } = memoryRecorder();
    const ui = createUi({ page, system, recorder, timeoutMs: 5_000 });
    await ui.goto(url + '/');
    await ui.fill('newCase.property', 'Varberg 2:3');
    expect(await page.inputValue('#fastighet')).toBe('Varberg 2:3');
    expect(interstitials).toEqual([expect.objectContaining({ name: 'csrfResume', target: 'newCase.property' })]);
    expect(actions.map((a) => `${a.action} ${a.target}`)).toEqual(['goto (page)', 'click csrf.resume', 'fill newCase.property']);
  });

  it('fails the action naming the interstitial when it keeps coming back', async () => {
    const url = await env.serve({ '/': warning, '/resume': warning });
    const { recorder, interstitials } = memoryRecorder();
    const ui = createUi({ page, system, recorder, timeoutMs: 5_000 });
    await ui.goto(url + '/');
    const error = await thrown(ui.fill('newCase.property', 'Varberg 2:3'));
    expect(error).toBeInstanceOf(TransientUiError);
    expect(error).toMatchObject({ code: 'KANSLIST_INTERSTITIAL_REPEATED', params: { interstitial: 'csrfResume' } });
    expect(interstitials).toHaveLength(2);
  });
});

describe('defineSystem validates the new fields, naming them', () => {
  const base = { name: 'casehub', baseUrl: 'http://127.0.0.1:9', screens: { login: { username: [{ css: '#user' }] } } };

  it.each([
    [{ pageErrors: { denied: { strategies: [{ css: '#x' }], kind: 'stop' } } }, 'pageErrors.denied.kind'],
    [{ pageErrors: { loginShown: { strategies: [{ css: '#x' }], kind: 'session', notOn: ['logon'] } } }, 'pageErrors.loginShown.notOn'],
    [{ pageErrors: { oops: { strategies: [{ css: '#x' }], kind: 'transient', frame: [] } } }, 'pageErrors.oops.frame'],
    [{ interstitials: { notice: { shows: { css: '#x' } } } }, 'interstitials.notice.pass'],
    [{ interstitials: { notice: { shows: [], pass: (): Promise<void> => Promise.resolve() } } }, 'interstitials.notice.shows'],
    [
      { interstitials: { notice: { shows: { css: '#x' }, pass: (): Promise<void> => Promise.resolve(), maxPerAction: 0 } } },
      'interstitials.notice.maxPerAction',
    ],
  ])('%j names %s', (extra, field) => {
    expect(() => defineSystem({ ...base, ...extra } as never)).toThrow(field);
  });
});
