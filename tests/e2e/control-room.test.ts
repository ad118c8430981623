/**
 * The control room in real Chromium over a store filled by real runs against CaseHub: a clerk
 * corrects a rejected application and sends it back, and the next run registers it exactly once;
 * a clerk closes another with a note; an operator pauses a schedule; an auditor's person lookup is
 * itself on the trail; the reports download; every page passes axe-core without a serious or
 * critical violation, in each role that sees it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { parsePersonnummer } from '../../src/identity/index.ts';
import { listDecisions, readState } from '../../src/schedule/ledger-queries.ts';
import { robotAccountsEnv } from '../../src/fixtures/casehub/index.ts';
import { hashPassword, startControlRoom, type RunningControlRoom } from '../../src/serve/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { launchBrowser } from '../../src/ui/browser.ts';
import { BOT, createHarness, type Harness } from '../helpers/run-harness.ts';

const RUN_HOOK_TIMEOUT_MS = 240_000;
const PASSWORD = 'correct horse battery staple';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The one check digit that makes a mistyped personnummer valid again: what the clerk finds in the source document. */
function withRightCheckDigit(typed: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = typed.slice(0, -1) + String(digit);
    try {
      parsePersonnummer(candidate);
      return candidate;
    } catch {
      // not this digit
    }
  }
  throw new Error('no check digit makes the number valid');
}

describe('control room in Chromium over real runs', () => {
  let h: Harness;
  let store: Store;
  let room: RunningControlRoom;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    h = await createHarness({ count: 4, errorShare: 0.5, seed: 2 });
    await h.run({ concurrency: 2 });
    store = await openStore(h.storeUrl);
    const hash = await hashPassword(PASSWORD);
    const users = [
      { username: 'klara', roles: ['clerk'], bots: [BOT] },
      { username: 'olle', roles: ['operator'], bots: [] },
      { username: 'agnes', roles: ['auditor'], bots: [] },
      { username: 'vera', roles: ['viewer'], bots: [] },
      { username: 'ada', roles: ['admin'], bots: [] },
    ];
    for (const u of users) await store.users.add({ ...u, displayName: u.username, passwordHash: hash, source: 'local' });
    room = await startControlRoom({
      config: h.config,
      store,
      storeUrl: h.storeUrl,
      log: createLogger({ level: 'error', console: false }),
      auditKey: null,
      version: 'test',
      port: 0,
      loginAttemptsPerMinute: 1000,
    });
    browser = await launchBrowser();
  }, RUN_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await room?.close();
    await store?.close();
    await h?.close();
  });

  async function loggedIn(username: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: options.bypassCSP ?? false });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${room.url}/login`);
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  const application = (error: 'invalid-personnummer' | 'missing-property-designation') =>
    h.input.applications.find((a) => a.error === error)!;

  it(
    'lets a clerk correct a rejected application and send it back; the next run registers it exactly once',
    async () => {
      const wrong = application('invalid-personnummer');
      const page = await loggedIn('klara');
      expect(new URL(page.url()).pathname).toBe('/review');
      const row = page.getByRole('row').filter({ hasText: wrong.applicationId });
      await expect.poll(() => row.textContent()).toMatch(/kontrollsiffra/);
      await row.getByRole('link', { name: wrong.applicationId }).click();
      await page.getByLabel('Personnummer').fill(withRightCheckDigit(wrong.personnummer));
      await page.getByRole('button', { name: 'Rätta och skicka tillbaka till roboten' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain(`${wrong.applicationId} ligger åter i robotens kö`);

      const item = (await store.queue.list({ bot: BOT })).find((i) => i.key === wrong.applicationId)!;
      expect(item.status).toBe('pending');
      expect((item.payload as { personnummer: string }).personnummer).toBe(withRightCheckDigit(wrong.personnummer));
      expect(h.hub.countsByExternalRef()[wrong.applicationId]).toBeUndefined();

      await h.run({ concurrency: 2 });
      const after = await store.queue.get(item.id);
      expect(after!.status).toBe('done');
      expect(h.hub.countsByExternalRef()[wrong.applicationId]).toBe(1);
      // The other applications were not registered again.
      for (const a of h.input.applications.filter((x) => x.error === null)) expect(h.hub.countsByExternalRef()[a.applicationId]).toBe(1);
    },
    RUN_HOOK_TIMEOUT_MS,
  );

  it("rejects a correction the bot's own validate refuses, keeping the item in review", async () => {
    const missing = application('missing-property-designation');
    const page = await loggedIn('klara');
    await page.getByRole('link', { name: missing.applicationId }).click();
    await page.getByLabel('Personnummer').fill('19121212-1213');
    await page.getByRole('button', { name: 'Rätta och skicka tillbaka till roboten' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Rättelsen godtogs inte/);
    expect(await page.getByRole('alert').textContent()).not.toContain('19121212');
    expect((await store.queue.list({ bot: BOT })).find((i) => i.key === missing.applicationId)!.status).toBe('review');
  });

  it('lets a clerk mark an application handled, with the note kept and on the trail', async () => {
    const missing = application('missing-property-designation');
    const page = await loggedIn('klara');
    await page.getByRole('link', { name: missing.applicationId }).click();
    await page.getByLabel('Anteckning').nth(1).fill('Registrerad för hand i CaseHub, fastighet enligt ritningen.');
    await page.getByRole('button', { name: 'Markera som hanterad' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('markerad som hanterad');
    const item = (await store.queue.list({ bot: BOT })).find((i) => i.key === missing.applicationId)!;
    expect(item.status).toBe('handled');
    expect(item.output).toEqual({ handledNote: 'Registrerad för hand i CaseHub, fastighet enligt ritningen.' });
    const actions = await trailActions();
    expect(actions).toContainEqual(expect.objectContaining({ person: 'klara', roles: ['clerk'], action: 'review.handled' }));
  });

  it('lets an operator pause a schedule with a note, which every scheduler then reads', async () => {
    const page = await loggedIn('olle');
    await page.getByRole('link', { name: 'Scheman' }).click();
    await page.getByLabel('Anteckning').first().fill('CaseHub uppgraderas');
    await page.getByRole('button', { name: 'Pausa' }).first().click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('permit-intake är pausat');
    expect(await page.textContent('main')).toContain('Pausat av olle (control room) — CaseHub uppgraderas');
    const state = await readState(store, 'permit-intake');
    expect(state).toMatchObject({ paused: true, pauseNote: 'CaseHub uppgraderas' });
    expect(await trailActions()).toContainEqual(
      expect.objectContaining({ person: 'olle', action: 'schedule.pause', schedule: 'permit-intake', note: 'CaseHub uppgraderas' }),
    );
  });

  it(
    'lets an operator resume the schedule and run it now; the fire runs in a process of its own and its decision shows',
    async () => {
      const page = await loggedIn('olle');
      await page.goto(`${room.url}/schedules`);
      await page.getByLabel('Anteckning').first().fill('Uppgraderingen klar');
      await page.getByRole('button', { name: 'Återuppta' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('permit-intake är återupptaget');
      // The fired run logs in to CaseHub with the robot accounts the server was started with.
      const saved = { ...process.env };
      Object.assign(process.env, robotAccountsEnv(h.hub.url));
      try {
        await page.getByLabel('Anteckning').nth(1).fill('Extra körning efter uppgraderingen');
        await page.getByRole('button', { name: 'Kör nu' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('permit-intake startar');
      } finally {
        process.env = saved;
      }
      // Settled: a fire that ran has ended; a fire the schedule's rules skip (a weekend, the night) is settled at once.
      const manual = async () =>
        (await listDecisions(store, { schedule: 'permit-intake', limit: 20 })).find(
          (d) => d.trigger === 'manual' && (d.decision !== 'fired' || d.outcome !== null),
        );
      // A child process that loads the project and may start a browser: generous on a busy machine (a limit, not a wait).
      await expect.poll(manual, { timeout: 180_000, interval: 1000 }).toBeDefined();
      const decision = (await manual())!;
      // A manual fire keeps the schedule's windows and calendar, as `kanslist schedule fire` does.
      if (decision.decision === 'fired') expect(decision.outcome).toBe('finished');
      else {
        expect(decision.decision).toBe('skipped');
        expect(decision.reason).toMatch(/outside-window|calendar|holiday|closed/);
      }
      expect(await trailActions()).toContainEqual(
        expect.objectContaining({ person: 'olle', action: 'schedule.fire', note: 'Extra körning efter uppgraderingen' }),
      );
      await page.reload();
      expect(await page.textContent('main')).toContain(`${decision.decision}`);
    },
    RUN_HOOK_TIMEOUT_MS,
  );

  it("records an auditor's person lookup on the trail before showing it, so the next lookup shows who looked and why", async () => {
    const person = withRightCheckDigit(application('invalid-personnummer').personnummer);
    const page = await loggedIn('agnes');
    await page.getByRole('link', { name: 'Granskningsspår' }).click();
    await page.getByLabel('Personnummer').fill(person);
    await page.getByLabel(/Skäl till sökningen/).fill('Registerutdrag KS 2026/123');
    await page.getByRole('button', { name: 'Sök' }).click();
    await expect.poll(() => page.locator('#lookup-result').textContent()).toMatch(/\d+ poster rör den här personen/);
    const table = await page.locator('main table').textContent();
    expect(table).toContain('control.action');
    expect(table).toContain('(agnes)');
    expect(table).toContain('ui.action');
    // The number is shown masked, never in clear.
    expect(await page.locator('#lookup-result').textContent()).not.toContain(person.slice(0, 8));
  });

  it('lets a manager download the time-saved report and an operator the run report', async () => {
    const viewer = await loggedIn('vera');
    await viewer.getByRole('link', { name: 'Sparad tid' }).click();
    expect(await viewer.locator('#hours-freed').textContent()).toMatch(/^\d+,\d\sh$/);
    const [pdf] = await Promise.all([viewer.waitForEvent('download'), viewer.getByRole('link', { name: 'PDF' }).click()]);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const operator = await loggedIn('olle');
    await operator.getByRole('link', { name: 'Körningar' }).click();
    await operator.getByRole('row').nth(1).getByRole('link').click();
    expect(await operator.locator('#chain').textContent()).toMatch(/Obrutet/);
    const [xlsx] = await Promise.all([operator.waitForEvent('download'), operator.getByRole('link', { name: 'XLSX' }).click()]);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('switches a person to German and keeps the choice', async () => {
    const page = await loggedIn('vera');
    await page.getByLabel('Språk').selectOption('de');
    await page.getByRole('button', { name: 'Byt' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Übersicht');
    expect((await store.users.get('vera'))!.language).toBe('de');
  });

  it(
    'has no serious or critical axe-core violation on any page, in each role that sees it',
    async () => {
      const itemId =
        (await store.queue.list({ bot: BOT })).find((i) => i.status === 'review')?.id ?? (await store.queue.list({ bot: BOT }))[0]!.id;
      const runId = (await store.runs.list({ limit: 1 }))[0]!.id;
      const visits: Array<[string, string[]]> = [
        ['olle', ['/', '/runs', `/runs/${runId}`, '/queues', '/review', `/review/${itemId}`, '/schedules', '/time-saved', '/account']],
        ['agnes', ['/audit', '/audit?verify=1']],
        ['klara', ['/review']],
        ['ada', ['/users']],
      ];
      const anonymous = await browser.newContext({ bypassCSP: true });
      contexts.push(anonymous);
      const pages: Array<[Page, string]> = [[await anonymous.newPage(), '/login']];
      const violations: string[] = [];
      for (const [page, url] of pages) violations.push(...(await axeViolations(page, url)));
      for (const [username, urls] of visits) {
        const page = await loggedIn(username, { bypassCSP: true });
        for (const url of urls) violations.push(...(await axeViolations(page, url)));
      }
      expect(violations).toEqual([]);
    },
    RUN_HOOK_TIMEOUT_MS,
  );

  async function axeViolations(page: Page, url: string): Promise<string[]> {
    await page.goto(room.url + url);
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }
      ).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    return result
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${url}: ${v.id} (${v.impact}, ${v.nodes} nodes)`);
  }

  async function trailActions(): Promise<Array<Record<string, unknown>>> {
    const chains = await store.audit.runIds();
    const rows = (await Promise.all(chains.filter((c) => c.startsWith('control-room:')).map((c) => store.audit.records(c)))).flat();
    return rows.filter((r) => r.kind === 'control.action').map((r) => JSON.parse(r.data) as Record<string, unknown>);
  }
});
