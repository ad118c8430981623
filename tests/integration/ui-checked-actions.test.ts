/**
 * The checks before an action ridden on the action's own selector (src/ui/checked-locator.ts), and
 * the check after a postback made by the top document for every frame inside it, in real Chromium:
 * they must answer as the full path does (an error page wins, never guess, drift reported) and
 * never make an action twice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KanslistError } from '../../src/errors.ts';
import { checkedTarget, isChecksRefusal } from '../../src/ui/checked-locator.ts';
import { probeFrame } from '../../src/ui/probe.ts';
import type { UiActionEvent, UiDriftEvent, UiRecorder } from '../../src/ui/recorder.ts';
import { defineSystem } from '../../src/ui/system.ts';
import { createUi } from '../../src/ui/ui.ts';
import { useBrowserPage } from '../helpers/browser-page.ts';

const system = defineSystem({
  name: 'casehub',
  baseUrl: 'http://127.0.0.1:9',
  pageErrors: {
    serverError: { strategies: [{ text: "Server Error in '/' Application." }], kind: 'transient' },
    busy: { strategies: [{ css: '#busyMessage' }], kind: 'transient' },
  },
  interstitials: {
    notice: { shows: { css: '#notice' }, pass: async ({ ui }) => ui.click('notice.close') },
  },
  screens: {
    newCase: {
      save: [{ css: '#btnSpara' }, { role: 'button', name: 'Spara' }],
      field: [{ css: 'input.f' }],
      inFrame: { strategies: [{ css: '#inner' }], frame: 'main' },
      byRole: [{ role: 'button', name: 'Spara' }],
    },
    notice: { close: [{ css: '#notice button' }] },
  },
});

const withFramedError = defineSystem({
  name: 'framed',
  baseUrl: 'http://127.0.0.1:9',
  pageErrors: { editorError: { strategies: [{ css: '.fel' }], kind: 'transient', frame: 'editor' } },
  screens: { newCase: { save: [{ css: '#btnSpara' }] } },
});

function memoryRecorder() {
  const actions: UiActionEvent[] = [];
  const drifts: UiDriftEvent[] = [];
  const recorder: UiRecorder = { action: (e) => void actions.push(e), drift: (e) => void drifts.push(e), dialog() {} };
  return { recorder, actions, drifts };
}

async function thrown(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => new Error('expected an error'),
    (reason: unknown) => reason,
  );
}

/** A page whose save button counts its clicks in `#clicks`. */
const COUNTER = `<p id="clicks">0</p><script>
  function count() { const p = document.getElementById('clicks'); p.textContent = String(Number(p.textContent) + 1); }
</script>`;

const env = useBrowserPage();
let page: Page;
beforeEach(() => {
  page = env.page();
});

describe('the checked locator', () => {
  it('matches the one element of the first strategy, and refuses several, none, a shown error page or interstitial', async () => {
    const url = await env.serve({ '/': '<button id="btnSpara">Spara</button><input class="f"><input class="f">' });
    await page.goto(url + '/');
    const save = checkedTarget(page, system, 'newCase.save', true)!;
    expect(save.description).toBe('css #btnSpara');
    expect(await save.locator.count()).toBe(1);
    const refusal = (locator: typeof save.locator) =>
      locator.count().then(
        () => 'counted',
        (error: unknown) => isChecksRefusal(error),
      );
    expect(await refusal(checkedTarget(page, system, 'newCase.field', true)!.locator)).toBe(true); // two inputs: never a guess
    await page.evaluate(`document.getElementById('btnSpara').remove()`);
    expect(await refusal(save.locator)).toBe(true); // none: the full path waits, falls back, reports drift
    await page.evaluate(
      `document.body.insertAdjacentHTML('beforeend', '<button id="btnSpara">Spara</button><div id="notice"><button>OK</button></div>')`,
    );
    expect(await refusal(save.locator)).toBe(true); // an interstitial to pass first
    expect(await checkedTarget(page, system, 'newCase.save', false)!.locator.count()).toBe(1); // not looked for while one is passed
    await page.evaluate(
      `document.getElementById('notice').remove(); document.body.insertAdjacentHTML('beforeend', '<h1>Server Error in \\'/\\' Application.</h1>')`,
    );
    expect(await refusal(save.locator)).toBe(true); // an error page wins
  });

  it('looks at the top document for a target in a frame', async () => {
    const url = await env.serve({
      '/': '<frameset rows="20%,80%"><frame name="menu" src="/menu"><frame name="main" src="/main"></frameset>',
      '/menu': '<p>Meny</p>',
      '/main': '<p id="inner">Ärende</p>',
    });
    await page.goto(url + '/');
    await page.frameLocator('frame[name="main"]').locator('#inner').waitFor();
    const inner = checkedTarget(page, system, 'newCase.inFrame', true)!;
    expect(await inner.locator.count()).toBe(1);
    // The busy page is declared without a frame: the top document shows it over the frames' heads.
    await page.evaluate(`document.documentElement.insertAdjacentHTML('afterbegin', '<p id="busyMessage">Upptaget</p>')`);
    const error = await inner.locator.count().catch((e: unknown) => e);
    expect(isChecksRefusal(error)).toBe(true);
  });

  it('is not offered where only Playwright can answer: a first strategy by role, an error page in a third frame', () => {
    expect(checkedTarget(page, system, 'newCase.byRole', true)).toBeUndefined();
    expect(checkedTarget(page, withFramedError, 'newCase.save', true)).toBeUndefined();
  });
});

describe('actions on the checked locator', () => {
  it('clicks once when the checks refuse and the full path finds the target by a fallback, and reports the drift', async () => {
    const url = await env.serve({ '/': `${COUNTER}<button onclick="count()">Spara</button>` });
    const { recorder, actions, drifts } = memoryRecorder();
    const ui = createUi({ page, system, recorder, timeoutMs: 5_000 });
    await ui.goto(url + '/');
    await ui.click('newCase.save');
    expect(await page.textContent('#clicks')).toBe('1');
    expect(drifts).toEqual([expect.objectContaining({ target: 'newCase.save', failedStrategy: 'css #btnSpara' })]);
    expect(actions.at(-1)).toMatchObject({ action: 'click', target: 'newCase.save', strategy: 'role button "Spara"' });
  });

  it('clicks once on the first strategy, recorded with it', async () => {
    const url = await env.serve({ '/': `${COUNTER}<button id="btnSpara" onclick="count()">Spara</button>` });
    const { recorder, actions, drifts } = memoryRecorder();
    const ui = createUi({ page, system, recorder, timeoutMs: 5_000 });
    await ui.goto(url + '/');
    await ui.click('newCase.save');
    expect(await page.textContent('#clicks')).toBe('1');
    expect(drifts).toEqual([]);
    expect(actions.at(-1)).toMatchObject({ action: 'click', target: 'newCase.save', strategy: 'css #btnSpara' });
  });

  it('still never guesses: two matches of the first strategy are ambiguous', async () => {
    const url = await env.serve({ '/': '<input class="f"><input class="f">' });
    const ui = createUi({ page, system, timeoutMs: 2_000 });
    await ui.goto(url + '/');
    const error = await thrown(ui.fill('newCase.field', 'x'));
    expect(error).toBeInstanceOf(KanslistError);
    expect(error).toMatchObject({ code: 'KANSLIST_TARGET_AMBIGUOUS' });
    expect(await page.locator('input.f').first().inputValue()).toBe('');
  });
});

describe('the check of every frame after a postback', () => {
  it('finds an error page in a frame inside a frame, in one evaluation of the top document', async () => {
    const url = await env.serve({
      '/': '<iframe name="outer" src="/outer"></iframe>',
      '/outer': '<iframe name="inner" src="/inner"></iframe>',
      '/inner': '<h1>Server Error in \'/\' Application.</h1><p id="busyMessage"></p>',
    });
    await page.goto(url + '/');
    await page.frameLocator('iframe[name="outer"]').frameLocator('iframe[name="inner"]').locator('h1').waitFor();
    const answer = await probeFrame(page, {
      here: [],
      top: [],
      inside: [{ text: "server error in '/' application." }, { css: 'p' }, { css: '#none' }],
    });
    expect(answer?.inside).toEqual([1, 1, 0]);
    const error = await thrown(createUi({ page, system }).assertNoPageError());
    expect(error).toMatchObject({ code: 'KANSLIST_PAGE_ERROR_SERVER_ERROR' });
  });

  it('asks a frame of another origin itself, and still finds its error page', async () => {
    const url = await env.serve({ '/': `<iframe name="other"></iframe>`, '/err': '<p id="busyMessage">Upptaget</p>' });
    await page.goto(url + '/');
    // localhost and 127.0.0.1 are different origins: the top document cannot read that frame.
    await page
      .locator('iframe')
      .evaluate((frame, src) => ((frame as HTMLIFrameElement).src = src), url.replace('127.0.0.1', 'localhost') + '/err');
    await page.frameLocator('iframe').locator('#busyMessage').waitFor();
    expect((await probeFrame(page, { here: [], top: [], inside: [{ css: '#busyMessage' }] }))?.inside).toBeNull();
    const error = await thrown(createUi({ page, system }).assertNoPageError());
    expect(error).toMatchObject({ code: 'KANSLIST_PAGE_ERROR_BUSY' });
  });
});
