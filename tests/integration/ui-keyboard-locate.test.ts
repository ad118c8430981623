/**
 * Keys, inserted text and the raw-Locator escape hatch, in real Chromium: each lands on the
 * recorder like any ui action, never with a secret's value, and tracing pauses while a secret is
 * typed — also when the bot types through `ui.locate`'s Locator or `ui.keyboard`.
 */
import { beforeEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUi, type TracingPause, type Ui } from '../../src/ui/ui.ts';
import { defineSystem } from '../../src/ui/system.ts';
import type { UiActionEvent, UiRecorder } from '../../src/ui/recorder.ts';
import { useBrowserPage } from '../helpers/browser-page.ts';

const system = defineSystem({
  name: 'keys',
  baseUrl: 'http://127.0.0.1:9',
  screens: {
    form: {
      note: [{ label: 'Anteckning' }],
      password: { strategies: [{ label: 'Lösenord' }], sensitive: true },
      personnummer: { strategies: [{ label: 'Personnummer' }], personal: true },
      submitted: [{ css: '#submitted' }],
    },
  },
});

// Enter in any field submits (the form has a submit button); the page says so (no navigation, so the test waits for the text).
const PAGE = `<!doctype html><meta charset="utf-8">
<form id="f" onsubmit="event.preventDefault(); document.getElementById('submitted').textContent = 'skickad'">
  <label>Anteckning <input id="note" value="gammal text"></label>
  <label>Lösenord <input id="pw" type="password"></label>
  <label>Personnummer <input id="pnr"></label>
  <button>Spara</button>
</form>
<p id="submitted"></p>`;

const SECRET = 'Hemligt-Losen-77';
const PERSONNUMMER = '19121212-1212';

const env = useBrowserPage();
let page: Page;
let ui: Ui<typeof system.screens>;
let actions: UiActionEvent[];
let tracing: { paused: number; resumed: number };

beforeEach(async () => {
  page = env.page();
  await page.setContent(PAGE);
  actions = [];
  tracing = { paused: 0, resumed: 0 };
  const pause: TracingPause = {
    pause: () => Promise.resolve(void tracing.paused++),
    resume: () => Promise.resolve(void tracing.resumed++),
  };
  const recorder: UiRecorder = { action: (e) => void actions.push(e), drift() {}, dialog() {} };
  ui = createUi({ page, system, recorder, tracing: pause, timeoutMs: 5_000 });
});

const recorded = () => actions.map(({ target, action, value, personal }) => ({ target, action, value, personal }));

it('presses chords on a target and keys on the focused element, recording the keys', async () => {
  await ui.press('form.note', 'Control+A');
  await ui.press('form.note', 'Delete');
  expect(await ui.value('form.note')).toBe('');
  await ui.keyboard.press('Enter'); // the note field still has focus
  await ui.waitFor('form.submitted');
  expect(await ui.text('form.submitted')).toBe('skickad');
  expect(
    recorded()
      .filter((a) => a.action !== 'read')
      .slice(0, 3),
  ).toEqual([
    { target: 'form.note', action: 'press', value: 'Control+A', personal: undefined },
    { target: 'form.note', action: 'press', value: 'Delete', personal: undefined },
    { target: '(keyboard)', action: 'press', value: 'Enter', personal: undefined },
  ]);
});

it('inserts text into a target or the focused field; a secret is never recorded and is typed untraced', async () => {
  await ui.insertText('form.password', SECRET);
  expect(await page.inputValue('#pw')).toBe(SECRET);
  expect(tracing).toMatchObject({ paused: 1, resumed: 1 });
  await ui.insertText('form.personnummer', PERSONNUMMER);
  await ui.click('form.note');
  await ui.keyboard.insertText(' tillägg');
  await page.focus('#pw');
  await ui.keyboard.insertText('-mer', { sensitive: true });
  expect(await page.inputValue('#pw')).toBe(`${SECRET}-mer`);
  expect(tracing).toMatchObject({ paused: 2, resumed: 2 });
  expect(recorded()).toEqual([
    { target: 'form.password', action: 'fill', value: '•••', personal: undefined },
    { target: 'form.personnummer', action: 'fill', value: PERSONNUMMER, personal: true },
    { target: 'form.note', action: 'click', value: undefined, personal: undefined },
    // Without a target Kanslist cannot tell what the focused field holds: never the text.
    { target: '(keyboard)', action: 'type', value: '•••', personal: undefined },
    { target: '(keyboard)', action: 'type', value: '•••', personal: undefined },
  ]);
  expect(JSON.stringify(actions)).not.toContain(SECRET);
});

it('records that a bot reached for a raw Locator, and what it did with it, values masked as for ui.fill', async () => {
  const password = await ui.locate('form.password');
  await password.fill(SECRET);
  await password.press('Tab');
  expect(await page.inputValue('#pw')).toBe(SECRET);
  expect(tracing).toMatchObject({ paused: 1, resumed: 1 }); // only the fill types text
  const pnr = await ui.locate('form.personnummer');
  await pnr.pressSequentially(PERSONNUMMER);
  expect(await pnr.inputValue()).toBe(PERSONNUMMER); // reads are the Locator's own, not recorded
  expect(actions.map(({ target, strategy, action, value, personal }) => ({ target, strategy, action, value, personal }))).toEqual([
    { target: 'form.password', strategy: 'label "Lösenord"', action: 'locate', value: undefined, personal: undefined },
    { target: 'form.password', strategy: 'label "Lösenord" (ui.locate)', action: 'fill', value: '•••', personal: undefined },
    { target: 'form.password', strategy: 'label "Lösenord" (ui.locate)', action: 'press', value: '•••', personal: undefined },
    { target: 'form.personnummer', strategy: 'label "Personnummer"', action: 'locate', value: undefined, personal: true },
    { target: 'form.personnummer', strategy: 'label "Personnummer" (ui.locate)', action: 'type', value: PERSONNUMMER, personal: true },
  ]);
  expect(JSON.stringify(actions)).not.toContain(SECRET);
});
