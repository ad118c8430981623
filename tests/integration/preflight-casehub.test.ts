/**
 * `runPreflight` against CaseHub in real Chromium: v1 matches the map, v2 shows the drift the v1
 * selectors suffer (matched by their fallbacks), v3 too behind its CSRF warning, a wrong password fails the login without the
 * password showing anywhere. Each check leaves one audit record and no session behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLERK_ACCOUNT,
  ROBOT_ACCOUNTS,
  robotAccountsEnv,
  startCaseHub,
  type CaseHub,
  type LayoutName,
} from '../../src/fixtures/casehub/index.ts';
import { verifyAll } from '../../src/audit/trail.ts';
import { loadConfig } from '../../src/config/load.ts';
import { runPreflight, type PreflightReport } from '../../src/preflight/index.ts';
import { openStore } from '../../src/store/index.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';

let dir: string;
let hub: CaseHub | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kanslist-preflight-'));
});
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function check(layout: LayoutName, options: { password?: string; screens?: string[] } = {}): Promise<PreflightReport> {
  hub = await startCaseHub({ layout, users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS] });
  const env: NodeJS.ProcessEnv = { ...process.env, ...robotAccountsEnv(hub.url, 1), KANSLIST_VAR_DIR: join(dir, 'var') };
  if (options.password !== undefined) env.KANSLIST_CASEHUB_PASSWORD = options.password;
  const config = await loadConfig(REPO_ROOT, env);
  return runPreflight({ config, system: 'casehub', env, screens: options.screens, storeUrl: storeUrl() });
}

/** Sessions CaseHub still holds (its test view of its own state). */
async function activeSessions(): Promise<number> {
  const state = (await (await fetch(`${hub!.url}/__test/state`)).json()) as { counts: { activeSessions: number } };
  return state.counts.activeSessions;
}

function storeUrl(): string {
  return `sqlite:${join(dir, 'kanslist.db')}`;
}

function statusOf(report: PreflightReport, path: string): string | undefined {
  return report.targets.find((t) => t.path === path)?.status;
}

/** The data of every 'preflight' audit record in the test's store; the chains verified on the way. */
async function preflightRecords(): Promise<Record<string, unknown>[]> {
  const store = await openStore(storeUrl());
  try {
    expect((await verifyAll(store)).every((chain) => chain.result.ok)).toBe(true);
    const records = [];
    for (const runId of await store.audit.runIds()) records.push(...(await store.audit.records(runId)));
    return records.filter((r) => r.kind === 'preflight').map((r) => JSON.parse(r.data) as Record<string, unknown>);
  } finally {
    await store.close();
  }
}

describe('preflight against CaseHub', { timeout: 60_000 }, () => {
  it('v1: logs in, finds every checked target by its first strategy, records the check and logs out', async () => {
    const report = await check('v1');
    expect(report).toMatchObject({ system: 'casehub', baseUrl: hub!.url, login: 'ok', ok: true, drift: false });
    expect(report.counts).toMatchObject({ drift: 0, missing: 0, ambiguous: 0 });
    expect(statusOf(report, 'newCase.propertyDesignation')).toBe('ok'); // reached through the menu and the case-type postback
    expect(report.targets.find((t) => t.path === 'login.username')?.matched).toBe('css #ctl00_ContentPlaceHolder1_txtUserName (1 of 2)');
    // Screens that need a side effect, and targets of other states, are reported with why.
    expect(report.targets.find((t) => t.path === 'receipt.caseNumber')).toMatchObject({
      status: 'not-checked',
      detail: expect.stringContaining('never registers a case'),
    });
    expect(report.targets.find((t) => t.path === 'newCase.validationErrors')).toMatchObject({
      status: 'not-checked',
      detail: 'shows only when CaseHub rejected a registration',
    });
    expect(statusOf(report, 'search.noHits')).toBe('ok'); // the harmless search found nothing, so that label was seen
    expect(hub!.cases()).toHaveLength(0);
    expect(await activeSessions()).toBe(0);
    const [record, ...more] = await preflightRecords();
    expect(more).toHaveLength(0);
    expect(record).toMatchObject({ system: 'casehub', login: 'ok', ok: true, mapFile: 'selectors/casehub.ts' });
    expect(record!.targets).toHaveLength(report.targets.length);
    expect(record!.evidence).toEqual([]);
  });

  it('v2: reports the renumbered targets as drift, with the fallback that matched, and still passes', async () => {
    const report = await check('v2');
    expect(report).toMatchObject({ login: 'ok', ok: true, drift: true });
    expect(report.counts).toMatchObject({ missing: 0, ambiguous: 0 });
    expect(report.targets.find((t) => t.path === 'newCase.propertyDesignation')).toMatchObject({
      status: 'drift',
      matched: 'label "Fastighet" (exact) (3 of 3)',
      detail: expect.stringContaining('css #ctl00_ContentPlaceHolder1_txtFastighet'),
    });
    expect(report.targets.find((t) => t.path === 'login.username')).toMatchObject({
      status: 'drift',
      matched: 'label "Användarnamn" (2 of 2)',
    });
    expect(report.targets.find((t) => t.path === 'search.externalRef')).toMatchObject({
      status: 'drift',
      matched: 'label "E-tjänst-id" (3 of 3)',
    });
    // Targets that did not change stay ok: the menu links are the same in both releases.
    expect(statusOf(report, 'menu.newCase')).toBe('ok');
    expect(await activeSessions()).toBe(0);
  });

  it('v3: gets past the CSRF warning to each screen, reports the renamed controls as drift, and still passes', async () => {
    const report = await check('v3');
    expect(report).toMatchObject({ login: 'ok', ok: true, drift: true });
    expect(report.counts).toMatchObject({ missing: 0, ambiguous: 0 });
    expect(report.targets.find((t) => t.path === 'login.username')).toMatchObject({
      status: 'drift',
      matched: 'label "Användarnamn" (2 of 2)',
    });
    // The search answers by partial postback; the region and the outcome are the same on every release.
    expect(statusOf(report, 'search.answer')).toBe('ok');
    expect(statusOf(report, 'search.noHits')).toBe('ok');
    expect(report.targets.find((t) => t.path === 'csrf.continue')).toMatchObject({ status: 'not-checked' });
    expect(hub!.cases()).toHaveLength(0);
    expect(await activeSessions()).toBe(0); // logout got past its CSRF warning too
  });

  it('a wrong password: the login fails, nothing after it is checked, and the password is nowhere', async () => {
    const password = 'Fel-Losenord-4711';
    const report = await check('v1', { password, screens: ['login', 'menu', 'newCase'] });
    expect(report).toMatchObject({ login: 'failed', ok: false });
    expect(report.loginError).toContain('CASEHUB_LOGIN_REFUSED');
    expect(statusOf(report, 'login.username')).toBe('ok');
    expect(
      report.targets
        .filter((t) => t.screen !== 'login')
        .every((t) => t.status === 'not-checked' && t.detail === 'not checked: the login failed'),
    ).toBe(true);
    const records = await preflightRecords();
    expect(records).toHaveLength(1);
    expect(JSON.stringify(report)).not.toContain(password);
    expect(JSON.stringify(records)).not.toContain(password);
    expect(JSON.stringify(records)).not.toContain(ROBOT_ACCOUNTS[0]!.password);
    // Evidence of the refused login: a screenshot and the HTML, without the password typed.
    const [evidence, ...moreEvidence] = records[0]!.evidence as string[];
    expect(moreEvidence).toHaveLength(0);
    expect(evidence).toMatch(/login-failed$/);
    const files = readdirSync(resolve(REPO_ROOT, evidence!));
    expect(files).toContain('screenshot.png');
    for (const file of files) expect(readFileSync(join(resolve(REPO_ROOT, evidence!), file)).toString('latin1')).not.toContain(password);
  });
});
