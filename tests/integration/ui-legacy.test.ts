/**
 * Legacy-UI helpers against real Chromium: postback selects, dialogs, popups that write back,
 * and grids paged by postback links, also with records of varying length.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUi } from '../../src/ui/ui.ts';
import { defineSystem } from '../../src/ui/system.ts';
import type { UiDialogEvent, UiRecorder } from '../../src/ui/recorder.ts';
import { useBrowserPage } from '../helpers/browser-page.ts';
import type { Route } from '../helpers/static-server.ts';

const system = defineSystem({
  name: 'casehub',
  baseUrl: 'http://127.0.0.1:9',
  screens: {
    form: {
      caseType: [{ label: 'Ärendetyp' }],
      property: [{ label: 'Fastighet' }],
      save: [{ role: 'button', name: 'Spara' }],
      warn: [{ role: 'button', name: 'Kontrollera' }],
      result: [{ css: '#out' }],
    },
    person: {
      name: [{ label: 'Sökande' }],
      lookup: [{ role: 'link', name: 'Sök person' }],
      choose: [{ role: 'button', name: 'Välj' }],
    },
    cases: {
      grid: [{ css: '#ctl00_Main_gvCases' }],
      next: [{ role: 'link', name: 'Nästa', exact: true }],
    },
  },
});

function dialogRecorder() {
  const dialogs: UiDialogEvent[] = [];
  const recorder: UiRecorder = { action() {}, drift() {}, dialog: (e) => void dialogs.push(e) };
  return { recorder, dialogs };
}

const env = useBrowserPage();
const serve = env.serve;
let page: Page;
beforeEach(() => {
  page = env.page();
});

describe('postback select', () => {
  it('selects an option that posts back, then fills the field that appears after it', async () => {
    const form = (type: string) => `<form method="post" action="/form">
      <label>Ärendetyp <select name="typ" onchange="this.form.submit()">
        <option value="">--</option><option value="bygglov" ${type === 'bygglov' ? 'selected' : ''}>Bygglov</option>
      </select></label>
      ${type === 'bygglov' ? '<label>Fastighet <input name="fastighet"></label>' : ''}</form>`;
    const url = await serve({ '/form': (request) => form(request.form.get('typ') ?? '') });
    const ui = createUi({ page, system });
    await ui.goto(url + '/form');
    await ui.select('form.caseType', { label: 'Bygglov' }, { postback: true });
    await ui.fill('form.property', 'Kungsbacka Hede 1:12');
    expect(await ui.value('form.property')).toBe('Kungsbacka Hede 1:12');
    expect(await ui.value('form.caseType')).toBe('bygglov');
  });
});

describe('dialogs', () => {
  const routes: Record<string, Route> = {
    '/': `<button onclick="document.getElementById('out').textContent = confirm('Vill du spara ärendet?') ? 'sparat' : 'avbrutet'">Spara</button>
      <button onclick="alert('Observera: handläggare saknas'); document.getElementById('out').textContent = 'kontrollerat'">Kontrollera</button>
      <p id="out">-</p>`,
  };

  it('accepts an expected confirm and returns its message', async () => {
    const url = await serve(routes);
    const { recorder, dialogs } = dialogRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/');
    const message = await ui.expectDialog(/spara ärendet/, 'accept', () => ui.click('form.save'));
    expect(message).toBe('Vill du spara ärendet?');
    expect(await ui.text('form.result')).toBe('sparat');
    expect(dialogs).toEqual([expect.objectContaining({ type: 'confirm', expected: true, response: 'accept' })]);
  });

  it('dismisses an expected confirm when told to', async () => {
    const url = await serve(routes);
    const ui = createUi({ page, system });
    await ui.goto(url + '/');
    await ui.expectDialog('Vill du spara', 'dismiss', () => ui.click('form.save'));
    expect(await ui.text('form.result')).toBe('avbrutet');
  });

  it('records and answers an unexpected alert so the page goes on', async () => {
    const url = await serve(routes);
    const { recorder, dialogs } = dialogRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/');
    await ui.click('form.warn');
    expect(await ui.text('form.result')).toBe('kontrollerat');
    expect(dialogs).toEqual([
      expect.objectContaining({ type: 'alert', message: 'Observera: handläggare saknas', expected: false, response: 'accept' }),
    ]);
  });

  it('answers an unexpected confirm by the system policy', async () => {
    const url = await serve(routes);
    const dismissing = defineSystem({ ...system, name: 'casehub', dialogs: { unexpected: 'dismiss' } });
    const ui = createUi({ page, system: dismissing });
    await ui.goto(url + '/');
    await ui.click('form.save');
    expect(await ui.text('form.result')).toBe('avbrutet');
  });
});

describe('popup', () => {
  it('works in a lookup window that writes back into its opener and closes', async () => {
    const url = await serve({
      '/': `<label>Sökande <input id="applicant"></label>
        <a href="#" onclick="window.open('/lookup', 'lookup', 'width=400,height=300'); return false">Sök person</a>`,
      '/lookup': `<button onclick="window.opener.document.getElementById('applicant').value = 'Testperson Ett'; window.close()">Välj</button>`,
    });
    const ui = createUi({ page, system });
    await ui.goto(url + '/');
    const result = await ui.popup('person.lookup', async (lookup) => {
      await lookup.click('person.choose');
      return 'chosen';
    });
    expect(result).toBe('chosen');
    expect(await ui.value('person.name')).toBe('Testperson Ett');
    expect(page.context().pages()).toHaveLength(1);
  });
});

describe('readGrid', () => {
  const rowsPerPage = 3;
  const pages = 3;
  function gridPage(pageNumber: number): string {
    const rows = Array.from({ length: rowsPerPage }, (_, i) => {
      const n = (pageNumber - 1) * rowsPerPage + i + 1;
      const address = `Långgatan ${n}, 434 30 Kungsbacka`;
      return `<tr><td>BN 2026-${String(n).padStart(3, '0')}</td><td title="${address}">${address.slice(0, 12)}…</td><td>Öppet</td></tr>`;
    }).join('');
    const links = Array.from({ length: pages }, (_, i) => i + 1)
      .map((n) =>
        n === pageNumber ? `<td><span>${n}</span></td>` : `<td><a href="javascript:__doPostBack('gvCases','Page$${n}')">${n}</a></td>`,
      )
      .join('');
    const next = pageNumber < pages ? `<td><a href="javascript:__doPostBack('gvCases','Page$${pageNumber + 1}')">Nästa</a></td>` : '';
    return `<script>function __doPostBack(t, a) { var f = document.forms[0]; f.__EVENTTARGET.value = t; f.__EVENTARGUMENT.value = a; f.submit(); }</script>
      <form method="post" action="/cases"><input type="hidden" name="__EVENTTARGET"><input type="hidden" name="__EVENTARGUMENT">
      <input type="hidden" name="__VIEWSTATE" value="dDwtMTIzNDU2Nzg5Ozs+">
      <table id="ctl00_Main_gvCases"><tr><th>Ärende</th><th>Fastighet</th><th>Status</th></tr>${rows}
      <tr class="pager"><td colspan="3"><table id="pager"><tr>${links}${next}</tr></table></td></tr></table></form>`;
  }
  const routes: Record<string, Route> = {
    '/cases': (request) => gridPage(Number(/Page\$(\d+)/.exec(request.form.get('__EVENTARGUMENT') ?? '')?.[1] ?? 1)),
  };

  it('reads every page through numbered postback pager links, with full text from titles', async () => {
    const url = await serve(routes);
    const ui = createUi({ page, system });
    await ui.goto(url + '/cases');
    const records = await ui.readGrid('cases.grid', {
      columns: { Ärende: 'caseNumber', Fastighet: 'property' },
      nextPage: (n) => page.locator('#pager').getByRole('link', { name: String(n), exact: true }),
    });
    expect(records).toHaveLength(9);
    expect(records[0]).toEqual({ caseNumber: 'BN 2026-001', property: 'Långgatan 1, 434 30 Kungsbacka' });
    expect(records.map((r) => r.caseNumber)).toEqual(Array.from({ length: 9 }, (_, i) => `BN 2026-00${i + 1}`));
  });

  it('follows a "next" target until it is gone, with raw headers as keys', async () => {
    const url = await serve(routes);
    const ui = createUi({ page, system });
    await ui.goto(url + '/cases');
    const records = await ui.readGrid('cases.grid', { nextPage: 'cases.next' });
    expect(records).toHaveLength(9);
    expect(records[8]).toEqual({ Ärende: 'BN 2026-009', Fastighet: 'Långgatan 9, 434 30 Kungsbacka', Status: 'Öppet' });
  });

  it('stops at maxPages', async () => {
    const url = await serve(routes);
    const ui = createUi({ page, system });
    await ui.goto(url + '/cases');
    expect(await ui.readGrid('cases.grid', { nextPage: 'cases.next', maxPages: 2 })).toHaveLength(6);
  });

  describe('with records of varying length (recordStart)', () => {
    // A RadGrid-like grid: each case row (rgRow/rgAltRow) is followed by its notes, one row each.
    const cases: Array<{ page: number; number: string; applicant: string; notes: string[] }> = [
      { page: 1, number: 'BN 2026-101', applicant: 'Anna Andersson', notes: [] },
      { page: 1, number: 'BN 2026-102', applicant: 'Bo Berg', notes: ['Komplettering begärd', 'Komplettering inkommen'] },
      { page: 2, number: 'BN 2026-103', applicant: 'Cecilia Ceder', notes: ['Grannehörande'] },
    ];
    function notesPage(pageNumber: number): string {
      const rows = cases
        .filter((c) => c.page === pageNumber)
        .map((c, i) => {
          const notes = c.notes.map((note) => `<tr class="rgDetailRow"><td colspan="2">${note}</td></tr>`).join('');
          return `<tr class="${i % 2 === 0 ? 'rgRow' : 'rgAltRow'}"><td>${c.number}</td><td>${c.applicant}</td></tr>${notes}`;
        })
        .join('');
      const next = pageNumber < 2 ? ` <a href="javascript:__doPostBack('gvCases','Page$${pageNumber + 1}')">Nästa</a>` : '';
      // As a RadGrid renders it: the pager in <tfoot>, before <tbody> in the markup, read after it.
      return `<script>function __doPostBack(t, a) { var f = document.forms[0]; f.__EVENTTARGET.value = t; f.__EVENTARGUMENT.value = a; f.submit(); }</script>
        <form method="post" action="/notes"><input type="hidden" name="__EVENTTARGET"><input type="hidden" name="__EVENTARGUMENT">
        <table id="ctl00_Main_gvCases"><thead><tr><th>Ärende</th><th>Sökande</th></tr></thead>
        <tfoot><tr class="rgPager"><td colspan="2">Sida ${pageNumber} av 2${next}</td></tr></tfoot><tbody>${rows}</tbody></table></form>`;
    }
    const notesRoutes: Record<string, Route> = {
      '/notes': (request) => notesPage(Number(/Page\$(\d+)/.exec(request.form.get('__EVENTARGUMENT') ?? '')?.[1] ?? 1)),
    };

    it('reads records of 1, 3 and 2 rows across a pager postback; a note a record lacks is empty, not the pager', async () => {
      const url = await serve(notesRoutes);
      const ui = createUi({ page, system });
      await ui.goto(url + '/notes');
      const records = await ui.readGrid('cases.grid', {
        recordStart: 'tr.rgRow, tr.rgAltRow',
        fields: { caseNumber: 'Ärende', applicant: 'Sökande', firstNote: 2, secondNote: 3 },
        nextPage: 'cases.next',
      });
      expect(records).toEqual([
        { caseNumber: 'BN 2026-101', applicant: 'Anna Andersson', firstNote: '', secondNote: '' },
        { caseNumber: 'BN 2026-102', applicant: 'Bo Berg', firstNote: 'Komplettering begärd', secondNote: 'Komplettering inkommen' },
        { caseNumber: 'BN 2026-103', applicant: 'Cecilia Ceder', firstNote: 'Grannehörande', secondNote: '' },
      ]);
    });

    it('refuses a recordStart that is not a CSS selector, naming the grid', async () => {
      const url = await serve(notesRoutes);
      const ui = createUi({ page, system });
      await ui.goto(url + '/notes');
      await expect(ui.readGrid('cases.grid', { recordStart: 'tr[' })).rejects.toMatchObject({
        code: 'KANSLIST_GRID_OPTIONS_INVALID',
        message: expect.stringContaining('"cases.grid"'),
      });
    });
  });
});
