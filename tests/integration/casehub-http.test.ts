/**
 * CaseHub at the HTTP level, without a browser: what bytes it accepts, what the view state
 * demands, and what the test API reports. This is what a bot that skipped the browser would meet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCaseHub, type CaseHub } from '../../src/fixtures/casehub/index.ts';
import { DEMO_USER } from '../helpers/casehub.ts';

let hub: CaseHub;
beforeEach(async () => {
  hub = await startCaseHub({ historicCases: 2 });
});
afterEach(async () => {
  await hub.close();
});

function hiddenFields(html: string): { vs: string; ev: string } {
  const value = (name: string): string => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? '';
  return { vs: value('__VIEWSTATE'), ev: value('__EVENTVALIDATION') };
}

async function getPage(path: string, cookie = ''): Promise<string> {
  const response = await fetch(`${hub.url}${path}`, { headers: { cookie } });
  return Buffer.from(await response.arrayBuffer()).toString('latin1');
}

/** Posts a form body whose values are already percent-encoded bytes. */
async function post(path: string, pairs: [string, string][], cookie = ''): Promise<Response> {
  const body = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&');
  return fetch(`${hub.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
}

async function logIn(): Promise<string> {
  const { vs, ev } = hiddenFields(await getPage('/Login.aspx'));
  const response = await post('/Login.aspx', [
    ['__VIEWSTATE', encodeURIComponent(vs)],
    ['__EVENTVALIDATION', encodeURIComponent(ev)],
    ['ctl00$ContentPlaceHolder1$txtUserName', DEMO_USER.username],
    ['ctl00$ContentPlaceHolder1$txtPassword', encodeURIComponent(DEMO_USER.password)],
    ['ctl00$ContentPlaceHolder1$btnLogin', 'Logga+in'],
  ]);
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/Default.aspx');
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function addNote(cookie: string, encodedText: string): Promise<Response> {
  const { vs, ev } = hiddenFields(await getPage('/Arende.aspx?id=1', cookie));
  return post(
    '/Arende.aspx?id=1',
    [
      ['__VIEWSTATE', encodeURIComponent(vs)],
      ['__EVENTVALIDATION', encodeURIComponent(ev)],
      ['ctl00$ContentPlaceHolder1$txtAnteckning', encodedText],
      ['ctl00$ContentPlaceHolder1$btnLaggTillAnteckning', 'x'],
    ],
    cookie,
  );
}

describe('CaseHub over plain HTTP', () => {
  it('decodes latin1 form bytes, and garbles UTF-8 bytes the way the legacy system does', async () => {
    const cookie = await logIn();
    expect(cookie).toMatch(/^ASP\.NET_SessionId=[a-z0-5]{24}$/);
    expect((await addNote(cookie, '%C5sa+%D6berg')).status).toBe(200);
    expect((await addNote(cookie, '%C3%85sa')).status).toBe(200);
    const notes = hub.cases()[0]?.notes.map((n) => n.text);
    expect(notes).toEqual(['Åsa Öberg', 'Ã…sa']);
    expect(await getPage('/Arende.aspx?id=1', cookie)).toContain('Åsa Öberg');
  });

  it('rejects a post without view state', async () => {
    const cookie = await logIn();
    const response = await post(
      '/Arende.aspx?id=1',
      [
        ['ctl00$ContentPlaceHolder1$txtAnteckning', 'x'],
        ['ctl00$ContentPlaceHolder1$btnLaggTillAnteckning', 'x'],
      ],
      cookie,
    );
    expect(response.status).toBe(500);
    expect(Buffer.from(await response.arrayBuffer()).toString('latin1')).toContain('Validation of viewstate MAC failed.');
    expect(hub.cases()[0]?.notes).toEqual([]);
  });

  it('redirects to the login page without a session cookie', async () => {
    const response = await fetch(`${hub.url}/Sok.aspx`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/Login.aspx');
  });

  it('reports and resets state through the test API', async () => {
    const state = (await (await fetch(`${hub.url}/__test/state`)).json()) as {
      counts: Record<string, number>;
      countsByExternalRef: Record<string, number>;
    };
    expect(state.counts['cases']).toBe(2);
    expect(state.countsByExternalRef).toEqual({ 'HIST-0001': 1, 'HIST-0002': 1 });
    const cookie = await logIn();
    await addNote(cookie, 'en+anteckning');
    expect((await fetch(`${hub.url}/__test/reset`, { method: 'POST' })).status).toBe(200);
    expect(hub.cases().map((c) => c.notes.length)).toEqual([0, 0]); // history is seeded again, notes are gone
    const afterReset = await fetch(`${hub.url}/Sok.aspx`, { redirect: 'manual', headers: { cookie } });
    expect(afterReset.headers.get('location')).toBe('/Login.aspx'); // sessions are gone too
    expect((await fetch(`${hub.url}/__test/nope`)).status).toBe(404);
    expect((await fetch(`${hub.url}/__test/layout`, { method: 'POST', body: '{"layout":"v4"}' })).status).toBe(400);
    expect((await fetch(`${hub.url}/__test/layout`, { method: 'POST', body: '{"layout":"v3"}' })).status).toBe(200);
    expect(hub.layout).toBe('v3');
  });

  it('closes promptly even with a request waiting on simulated latency', async () => {
    hub.setFaults({ latencyMs: 60_000 });
    const pending = fetch(`${hub.url}/Login.aspx`).catch((error: unknown) => error);
    await expect
      .poll(async () => ((await (await fetch(`${hub.url}/__test/state`)).json()) as { faults: { latencyMs?: number } }).faults.latencyMs)
      .toBe(60_000);
    await hub.close();
    expect(await pending).toBeInstanceOf(Error);
    await hub.close(); // safe twice
  });
});

describe('the CSRF warning of v3', () => {
  async function page(path: string, referer?: string): Promise<string> {
    const response = await fetch(`${hub.url}${path}`, { headers: referer === undefined ? {} : { referer } });
    return Buffer.from(await response.arrayBuffer()).toString('latin1');
  }

  it("answers a page opened without CaseHub's own Referer with the warning, whose Fortsätt asks for the same page", async () => {
    hub.setLayout('v3');
    for (const referer of [undefined, 'https://elsewhere.example/Login.aspx', 'not a url']) {
      const html = await page('/Arende.aspx?id=1&tab=2', referer);
      expect(html, String(referer)).toContain('id="csrfWarning"');
      expect(html).toMatch(/<form method="get" action="\/Arende.aspx">/);
      expect(html).toContain('<input type="hidden" name="id" value="1" />');
      expect(html).toContain('<input type="hidden" name="tab" value="2" />');
    }
    const own = await page('/Login.aspx', `${hub.url}/Login.aspx`);
    expect(own).not.toContain('csrfWarning');
    expect(own).toContain('Logga in');
  });

  it('is not shown by v1', async () => {
    expect(await page('/Login.aspx')).not.toContain('csrfWarning');
  });
});
