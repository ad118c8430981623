/**
 * The statuses a healthy CaseHub cannot show, from variants of its system map: a target whose
 * every strategy misses, one whose strategy matches several elements, and a screen whose
 * navigation breaks. Real Chromium against CaseHub v1; only the new-case screen is checked.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCaseHub, type CaseHub } from '../../src/fixtures/casehub/index.ts';
import casehub from '../../selectors/casehub.ts';
import { checkSystem } from '../../src/preflight/check-system.ts';
import { launchBrowser } from '../../src/ui/browser.ts';
import { defineSystem, type ScreensDefinition, type System } from '../../src/ui/system.ts';
import { DEMO_USER } from '../helpers/casehub.ts';

let browser: Browser;
let hub: CaseHub;

beforeAll(async () => {
  browser = await launchBrowser();
}, 30_000);
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  hub = await startCaseHub({ layout: 'v1' });
});
afterEach(async () => {
  await hub.close();
});

/** CaseHub's map with extra targets on the new-case screen and, optionally, other navigation. */
function variant(newCaseTargets: ScreensDefinition[string], navigation: Record<string, unknown> = {}): System {
  return defineSystem({
    ...casehub,
    screens: { ...casehub.screens, newCase: { ...casehub.screens.newCase, ...newCaseTargets } },
    navigation: { ...casehub.navigation, ...navigation },
  });
}

function check(system: System, options: { navigationTimeoutMs?: number; evidenceDir?: string; onEvidence?: (dir: string) => void } = {}) {
  return checkSystem({ system, baseUrl: hub.url, credentials: DEMO_USER, browser, screens: ['newCase'], timeoutMs: 500, ...options });
}

describe('preflight of map variants', { timeout: 60_000 }, () => {
  it('reports a target whose every strategy misses as missing, listing them, and fails', async () => {
    const evidenceDir = mkdtempSync(join(tmpdir(), 'kanslist-preflight-evidence-'));
    const kept: string[] = [];
    const report = await check(
      variant({ oldField: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtGammal' }, { label: 'Gammalt fält' }] } }),
      {
        evidenceDir,
        onEvidence: (dir) => kept.push(dir),
      },
    );
    // One piece of evidence for the screen: a screenshot as the check saw it.
    expect(kept).toEqual([join(evidenceDir, 'screen-newCase')]);
    expect(existsSync(join(evidenceDir, 'screen-newCase', 'screenshot.png'))).toBe(true);
    rmSync(evidenceDir, { recursive: true, force: true });
    expect(report).toMatchObject({ login: 'ok', ok: false, drift: false, counts: { missing: 1, ambiguous: 0 } });
    expect(report.targets.find((t) => t.path === 'newCase.oldField')).toEqual({
      path: 'newCase.oldField',
      screen: 'newCase',
      status: 'missing',
      detail: 'no strategy matched within 500 ms; tried 1. css #ctl00_ContentPlaceHolder1_txtGammal; 2. label "Gammalt fält"',
    });
    // The rest of the screen was still checked.
    expect(report.targets.find((t) => t.path === 'newCase.register')?.status).toBe('ok');
  });

  it('reports a strategy that matches several elements as ambiguous, naming it and the count', async () => {
    const report = await check(
      variant({ anyButton: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_btnGammal' }, { role: 'button' }] } }),
    );
    expect(report).toMatchObject({ ok: false, counts: { ambiguous: 1, missing: 0 } });
    const target = report.targets.find((t) => t.path === 'newCase.anyButton');
    expect(target).toMatchObject({ status: 'ambiguous', matched: 'role button (2 of 2)' });
    expect(target?.detail).toMatch(/^\d+ elements match; a strategy must match exactly one$/);
  });

  it('reports every target of a screen its navigation cannot reach as missing, saying why', async () => {
    const broken = variant(
      {},
      {
        newCase: { reach: async ({ ui }: { ui: { click(path: string): Promise<void> } }) => ui.click('search.submit') },
      },
    );
    const report = await check(broken, { navigationTimeoutMs: 1_000 });
    expect(report.ok).toBe(false);
    const newCase = report.targets.filter((t) => t.screen === 'newCase');
    expect(newCase.length).toBeGreaterThan(5);
    for (const target of newCase) {
      expect(target.status).toBe('missing');
      expect(target.detail).toMatch(
        /^screen "newCase" could not be reached: KANSLIST_TARGET_NOT_FOUND: Target "search.submit" was not found/,
      );
    }
  });
});
