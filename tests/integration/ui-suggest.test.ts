/**
 * The proposal for a drifted target, in real Chromium: the most stable attribute that singles out
 * the element the fallback matched, checked on the live page; none when nothing does, and none
 * that would carry a person's identity number into logs and reports. Reported with the drift.
 */
import { beforeEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUi } from '../../src/ui/ui.ts';
import { defineSystem } from '../../src/ui/system.ts';
import type { UiDriftEvent } from '../../src/ui/recorder.ts';
import { useBrowserPage } from '../helpers/browser-page.ts';

// Every first strategy is what an older release had; the fallbacks are what still matches.
const system = defineSystem({
  name: 'suggest',
  baseUrl: 'http://127.0.0.1:9',
  screens: {
    form: {
      byId: [{ css: '#oldName' }, { label: 'Namn' }],
      byName: [{ css: '#oldOrg' }, { label: 'Organisation' }],
      byData: [{ css: '#oldSave' }, { text: 'Spara utkast' }],
      byRole: [{ css: '#oldSend' }, { css: 'form button.primary' }],
      twins: [{ css: '#oldRow' }, { css: 'td.first' }],
      person: { personal: true, strategies: [{ css: '#oldPerson' }, { css: 'td.person a' }] },
      pnrLink: [{ css: '#oldPnr' }, { css: 'td.pnr a' }],
    },
  },
});

const PAGE = `<!doctype html><meta charset="utf-8">
<form>
  <label>Namn <input id="applicantName"></label>
  <label>Organisation <input name="orgnr"></label><input name="orgnr" type="hidden">
  <span data-action="save-draft">Spara utkast</span>
  <button class="primary" id=":r1f:">Skicka in</button>
</form>
<table><tr><td class="first">1</td><td class="person"><a href="#">Anna Andersson</a></td><td class="pnr"><a href="#">19121212-1212</a></td></tr><tr><td>1</td></tr></table>`;

const env = useBrowserPage();
let page: Page;
beforeEach(async () => {
  page = env.page();
  await page.setContent(PAGE);
});

it('proposes id, name, data-*, role and name in that order, checked unique on the page, and none when nothing is', async () => {
  const drifts: UiDriftEvent[] = [];
  const ui = createUi({ page, system, recorder: { action() {}, drift: (e) => void drifts.push(e), dialog() {} }, timeoutMs: 2_000 });
  for (const target of ['form.byId', 'form.byName', 'form.byData', 'form.byRole', 'form.twins', 'form.person', 'form.pnrLink'] as const)
    await ui.isPresent(target);
  await ui.isPresent('form.byId'); // found once per target and page, reported with every drift
  const suggested = Object.fromEntries(drifts.map((d) => [d.target, d.suggested ?? null]));
  expect(suggested).toEqual({
    'form.byId': "{ css: '#applicantName' }",
    // Two elements share the name: the label is the first candidate that singles it out.
    'form.byName': "{ label: 'Organisation', exact: true }",
    'form.byData': `{ css: '[data-action="save-draft"]' }`,
    // An id made up per render (React's :r1f:) is passed over.
    'form.byRole': "{ role: 'button', name: 'Skicka in', exact: true }",
    // A cell with nothing of its own but its text: no proposal, never a position.
    'form.twins': null,
    // A personal target's own text may be the person's (here a name): not offered.
    'form.person': null,
    // A link whose text is a personnummer: not offered, it would land in logs and reports.
    'form.pnrLink': null,
  });
  expect(drifts.filter((d) => d.target === 'form.byId').map((d) => d.suggested)).toEqual([
    "{ css: '#applicantName' }",
    "{ css: '#applicantName' }",
  ]);
});

it('proposes nothing for a target used as several elements (counted, or acted on with nth)', async () => {
  const drifts: UiDriftEvent[] = [];
  const ui = createUi({ page, system, recorder: { action() {}, drift: (e) => void drifts.push(e), dialog() {} }, timeoutMs: 2_000 });
  expect(await ui.count('form.byId')).toBe(1);
  expect(await ui.text('form.byData', { nth: 0 })).toBe('Spara utkast');
  expect(drifts.map((d) => [d.target, d.suggested])).toEqual([
    ['form.byId', undefined],
    ['form.byData', undefined],
  ]);
});
