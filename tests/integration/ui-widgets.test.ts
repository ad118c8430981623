/**
 * Modern widgets through ctx.ui alone, in real Chromium against the widgets fixture: typing key by
 * key, frames by selector (nested, without names), rich-text editors, autocomplete, counting.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WIDGET_PAGES } from '../../src/fixtures/widgets/index.ts';
import { createUi } from '../../src/ui/ui.ts';
import { defineSystem } from '../../src/ui/system.ts';
import { AmbiguousTargetError, BusinessRuleError, ConfigError, TargetNotFoundError, TransientUiError } from '../../src/errors.ts';
import type { UiActionEvent, UiRecorder } from '../../src/ui/recorder.ts';
import { useBrowserPage } from '../helpers/browser-page.ts';

const system = defineSystem({
  name: 'widgets',
  baseUrl: 'http://127.0.0.1:9',
  screens: {
    newCase: {
      municipality: [{ label: 'Kommun' }],
      municipalitySecret: { strategies: [{ label: 'Kommun' }], sensitive: true },
      municipalityId: [{ css: '#kommunId' }],
      options: [{ role: 'option' }],
      listItems: [{ css: '#kommun-list li' }],
    },
    addresses: {
      address: [{ css: '.address' }],
      single: [{ css: '#single' }],
      drifted: [{ css: '#gone' }, { css: '.address' }],
      none: [{ css: '#none' }],
    },
    nested: {
      caseNumber: { frame: ['main', { css: '.panel iframe' }], strategies: [{ label: 'Diarienummer' }] },
      search: { frame: ['main', { css: '.panel iframe' }], strategies: [{ role: 'button', name: 'Sök' }] },
      result: { frame: ['main', { css: '.panel iframe' }], strategies: [{ css: '#out' }] },
      missing: { frame: ['main', { css: '.panel iframe' }], strategies: [{ css: '#nothing' }] },
    },
    editor: {
      body: { frame: { css: '#cke_Content iframe' }, strategies: [{ css: 'body[contenteditable]' }] },
      summary: [{ css: '#summary' }],
      content: [{ css: '#Content' }],
      toolbar: [{ css: '.cke_top' }],
    },
  },
});

function memoryRecorder() {
  const actions: UiActionEvent[] = [];
  const recorder: UiRecorder = { action: (e) => void actions.push(e), drift() {}, dialog() {} };
  return { recorder, actions };
}

const env = useBrowserPage();
let page: Page;
let url: string;
beforeEach(async () => {
  page = env.page();
  url = await env.serve({ ...WIDGET_PAGES });
});

describe('ui.type', () => {
  it('types key by key so a widget that ignores fill reacts, and records it like fill', async () => {
    const { recorder, actions } = memoryRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/autocomplete');
    await ui.fill('newCase.municipality', 'Sol');
    expect(await ui.isPresent('newCase.options', { timeoutMs: 400 })).toBe(false); // fill sends no key events
    await ui.fill('newCase.municipality', '');
    await ui.type('newCase.municipality', 'Sol', { delay: 10 });
    await page.getByRole('option', { name: 'Solna' }).waitFor();
    expect(await page.inputValue('#kommun')).toBe('Sol');
    expect(actions.at(-1)).toMatchObject({ target: 'newCase.municipality', action: 'type', value: 'Sol', strategy: 'label "Kommun"' });
  });

  it('masks the typed value of a sensitive target', async () => {
    const { recorder, actions } = memoryRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/autocomplete');
    await ui.type('newCase.municipalitySecret', 'Hemligt');
    expect(await page.inputValue('#kommun')).toBe('Hemligt');
    expect(actions.at(-1)).toMatchObject({ action: 'type', value: '•••' });
    expect(JSON.stringify(actions)).not.toContain('Hemligt');
  });
});

describe('frames by selector', () => {
  it('reaches a frame without name or id inside a named frame', async () => {
    const { recorder, actions } = memoryRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/nested');
    await ui.fill('nested.caseNumber', 'KS 2026/17');
    await ui.click('nested.search');
    expect(await ui.text('nested.result')).toBe('Sökt: KS 2026/17');
    expect(actions.map((a) => a.action)).toEqual(['goto', 'fill', 'click', 'read']);
    expect(
      await ui
        .frame(['main', { css: '.panel iframe' }])
        .locator('#out')
        .innerText(),
    ).toBe('Sökt: KS 2026/17');
  });

  it('names the frame readably when a target is missing', async () => {
    const ui = createUi({ page, system });
    await ui.goto(url + '/nested');
    await expect(ui.click('nested.missing', { timeoutMs: 300 })).rejects.toThrow('in frame "main > css .panel iframe"');
  });

  it('rejects a malformed frame step when the map is defined', () => {
    expect(() =>
      defineSystem({
        name: 'bad',
        baseUrl: 'http://127.0.0.1:9',
        screens: { s: { t: { frame: [{ css: '' }], strategies: [{ css: 'x' }] } } },
      }),
    ).toThrow(/frame step/);
  });
});

describe('rich-text editors', () => {
  it('fills the contenteditable body of an iframe without name or id, and the editor sees it', async () => {
    const { recorder, actions } = memoryRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/editor');
    expect(await ui.readRichText('editor.body')).toBe('Utkast');
    await ui.fillRichText('editor.body', 'Beslut fattat.\nSkickas till sökanden.');
    expect(await ui.readRichText('editor.body')).toBe('Beslut fattat.\nSkickas till sökanden.');
    // The editor's own input handler ran: the form field it posts holds the new text.
    expect(await page.inputValue('#Content')).toContain('Skickas till sökanden.');
    expect(await page.inputValue('#Content')).not.toContain('Utkast');
    expect(actions.find((a) => a.action === 'fill')).toMatchObject({
      target: 'editor.body',
      value: 'Beslut fattat.\nSkickas till sökanden.',
    });
  });

  it('fills an inline contenteditable div', async () => {
    const ui = createUi({ page, system });
    await ui.goto(url + '/editor');
    await ui.fillRichText('editor.summary', 'Kort sammanfattning');
    expect(await ui.readRichText('editor.summary')).toBe('Kort sammanfattning');
  });

  it('fails, naming the target and not the text, when the element is not editable', async () => {
    const ui = createUi({ page, system });
    await ui.goto(url + '/editor');
    const error = await ui.fillRichText('editor.toolbar', 'Hemlig text', { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(String(error)).toContain('editor.toolbar');
    expect(String(error)).not.toContain('Hemlig text');
  });
});

describe('ui.choose (autocomplete)', () => {
  it('types, waits for the list, chooses the option and checks the hidden id', async () => {
    const { recorder, actions } = memoryRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/autocomplete');
    const id = await ui.choose('newCase.municipality', {
      type: 'Sol',
      option: 'Solna',
      valueTarget: 'newCase.municipalityId',
      expectValue: '0184',
    });
    expect(id).toBe('0184');
    expect(await ui.value('newCase.municipality')).toBe('Solna');
    expect(actions.filter((a) => a.action === 'choose')).toEqual([
      expect.objectContaining({ target: 'newCase.municipality', value: 'Sol → Solna' }),
    ]);
  });

  it('takes the options target from the map and returns the kept value without an expectation', async () => {
    const ui = createUi({ page, system });
    await ui.goto(url + '/autocomplete');
    expect(
      await ui.choose('newCase.municipality', {
        type: 'sö',
        option: 'Sölvesborg',
        options: 'newCase.listItems',
        valueTarget: 'newCase.municipalityId',
      }),
    ).toBe('1083');
  });

  it('never guesses between two options with the same text', async () => {
    const ui = createUi({ page, system });
    await ui.goto(url + '/autocomplete');
    const error = await ui
      .choose('newCase.municipality', { type: 'Br', option: 'Bro', valueTarget: 'newCase.municipalityId' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusinessRuleError);
    expect(error).toMatchObject({ code: 'KANSLIST_OPTION_AMBIGUOUS' });
    expect(String(error)).toContain('newCase.municipality');
    expect(await page.inputValue('#kommunId')).toBe('');
  });

  it('says so when options show but none matches', async () => {
    const ui = createUi({ page, system });
    await ui.goto(url + '/autocomplete');
    const error = await ui.choose('newCase.municipality', { type: 'Sol', option: 'Solberga', timeoutMs: 3_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KANSLIST_OPTION_NOT_FOUND' });
    expect(String(error)).toContain('newCase.municipality');
  });

  it('is a transient error when no list shows at all', async () => {
    const ui = createUi({ page, system });
    await ui.goto(url + '/autocomplete');
    const error = await ui.choose('newCase.municipality', { type: 'Xyz', option: 'Xyzby', timeoutMs: 1_500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientUiError);
    expect(error).toMatchObject({ code: 'KANSLIST_OPTIONS_NOT_SHOWN' });
  });
});

describe('wait bounds', () => {
  const timed = (systemMs: number | undefined, targetMs: number | undefined) =>
    defineSystem({
      name: 'timed',
      baseUrl: 'http://127.0.0.1:9',
      ...(systemMs === undefined ? {} : { timeoutMs: systemMs }),
      screens: { save: { receipt: { strategies: [{ css: '#receipt' }], ...(targetMs === undefined ? {} : { timeoutMs: targetMs }) } } },
    });

  it("takes the system map's bound", async () => {
    const ui = createUi({ page, system: timed(300, undefined) });
    await ui.goto(url + '/slow?after=never', { timeoutMs: 10_000 });
    const error = await ui.text('save.receipt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetNotFoundError);
    expect(String(error)).toContain('within 300 ms');
  });

  it("lets a target's bound win over the system's, and a call's over both", async () => {
    const ui = createUi({ page, system: timed(300, 10_000) });
    await ui.goto(url + '/slow', { timeoutMs: 10_000 });
    expect(await ui.text('save.receipt')).toBe('Ärendet är sparat');
    await ui.goto(url + '/slow?after=never', { timeoutMs: 10_000 });
    await expect(ui.text('save.receipt', { timeoutMs: 50 })).rejects.toThrow('within 50 ms');
  });

  it("lets the runner's explicit bound win over the map's", async () => {
    const ui = createUi({ page, system: timed(300, undefined), timeoutMs: 10_000 });
    await ui.goto(url + '/slow', { timeoutMs: 10_000 });
    expect(await ui.text('save.receipt')).toBe('Ärendet är sparat');
  });

  it('rejects a bound that is not a whole number of milliseconds', () => {
    expect(() => timed(0, undefined)).toThrow(ConfigError);
    expect(() => timed(undefined, 1.5)).toThrow(/save, target receipt, timeoutMs/);
  });
});

describe('several matches', () => {
  it('counts matches now, and isPresent only asks', async () => {
    const ui = createUi({ page, system });
    await ui.goto(url + '/addresses');
    expect(await ui.count('addresses.address')).toBe(2);
    expect(await ui.count('addresses.single')).toBe(1);
    expect(await ui.count('addresses.none')).toBe(0);
    expect(await ui.isPresent('addresses.address')).toBe(true);
    expect(await ui.isPresent('addresses.none')).toBe(false);
  });

  it('reports drift when a later strategy is the one counted', async () => {
    const drifts: unknown[] = [];
    const ui = createUi({ page, system, recorder: { action() {}, drift: (e) => void drifts.push(e), dialog() {} } });
    await ui.goto(url + '/addresses');
    expect(await ui.count('addresses.drifted')).toBe(2);
    expect(drifts).toEqual([expect.objectContaining({ target: 'addresses.drifted', matchedIndex: 1 })]);
  });

  it('still never guesses when acting, and acts on the n-th match only when asked', async () => {
    const { recorder, actions } = memoryRecorder();
    const ui = createUi({ page, system, recorder });
    await ui.goto(url + '/addresses');
    await expect(ui.value('addresses.address')).rejects.toBeInstanceOf(AmbiguousTargetError);
    await ui.fill('addresses.address', 'Nygatan 3', { nth: 1 });
    expect(await ui.value('addresses.address', { nth: 0 })).toBe('Storgatan 1');
    expect(await ui.value('addresses.address', { nth: 1 })).toBe('Nygatan 3');
    expect(actions.find((a) => a.action === 'fill')).toMatchObject({ strategy: 'css .address, match 2 of 2', value: 'Nygatan 3' });
  });

  it('is not found when fewer elements match than the n-th asked for', async () => {
    const ui = createUi({ page, system });
    await ui.goto(url + '/addresses');
    await expect(ui.value('addresses.address', { nth: 2, timeoutMs: 300 })).rejects.toBeInstanceOf(TargetNotFoundError);
  });
});
