/**
 * Promise 4, end to end: a full run with known robot passwords (registered as secrets) and the
 * applicants' personal numbers, tracing on and debug logs; then every artifact the run left is
 * searched. Secrets: nowhere — log files, every database row, trace archives, HTML evidence, audit
 * exports, and the raw bytes of every other file. Personal numbers (every form): not in the logs,
 * not in HTML evidence. They are allowed in the database (the items' payloads need them), in the
 * audit export with --personal only, and in traces: personal targets are typed while tracing, and
 * traces are evidence under the same access rules.
 * Screenshots: the masked regions exist (Playwright paints masks #FF00FF).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROBOT_ACCOUNTS } from '../../src/fixtures/casehub/index.ts';
import casehub from '../../selectors/casehub.ts';
import { createLogger } from '../../src/log/logger.ts';
import { launchBrowser } from '../../src/ui/browser.ts';
import { captureEvidence, maskLocators } from '../../src/ui/evidence.ts';
import { createUi } from '../../src/ui/ui.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { cliEnv, createHarness, type Harness } from '../helpers/run-harness.ts';
import { identityNumberForms, runCli } from '../helpers/cli.ts';
import { zipEntriesText } from '../helpers/zip.ts';

const SECRETS = ROBOT_ACCOUNTS.map((a) => a.password);

let h: Harness;
let summary: RunSummary;
let varDir: string;
let personalForms: string[];

beforeAll(async () => {
  // Some 500 pages and busy answers, so that system exceptions leave screenshots and HTML behind.
  // Rates are per request, and a login now checks every frame it loads for an error page: higher
  // rates can fail every attempt of every item, leaving no completed registration to search.
  h = await createHarness({ count: 8, errorShare: 0.25, seed: 23, faults: { error500Rate: 0.06, busyRate: 0.03 } });
  varDir = join(h.dir, 'var');
  // Rows with a wrong check digit too: a typo of a real number is still personal data.
  personalForms = h.input.applications.flatMap((a) => identityNumberForms(a.personnummer));
  const log = createLogger({ dir: join(varDir, 'logs'), console: false, level: 'debug' });
  try {
    summary = await h.run({ trace: 'on', log, concurrency: 2 });
  } finally {
    await log.flush();
  }
}, 180_000);
afterAll(() => h?.close());

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function hits(text: string, needles: string[]): string[] {
  return needles.filter((n) => text.includes(n));
}

describe('redaction: every artifact of a full run', () => {
  it('ran the bot, with traces and evidence to search', () => {
    expect(summary.outcomes.done).toBeGreaterThan(0);
    const files = filesUnder(varDir);
    expect(files.some((f) => f.endsWith('.zip'))).toBe(true);
    expect(files.some((f) => /[\\/]logs[\\/]kanslist-\d{4}-\d{2}-\d{2}\.log$/.test(f))).toBe(true);
  });

  it('log files hold no secret and no personal number in any form', () => {
    const logs = filesUnder(join(varDir, 'logs'));
    const text = logs.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).toContain('fill newCase.personnummer'); // debug lines of screen actions are there
    expect(hits(text, SECRETS)).toEqual([]);
    expect(hits(text, personalForms)).toEqual([]);
  });

  it('the database holds no secret in any row of any table', () => {
    const db = new Database(join(varDir, 'kanslist.db'), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      expect(tables.length).toBeGreaterThan(0);
      const dump = tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
      expect(dump).toContain(h.input.applications[0]!.applicationId); // the dump really has the items
      expect(hits(dump, SECRETS)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('trace archives hold no secret (tracing starts after login and pauses while secrets are typed)', () => {
    const traces = filesUnder(join(varDir, 'runs')).filter((f) => f.endsWith('.zip'));
    expect(traces.length).toBeGreaterThan(0);
    for (const trace of traces) {
      const text = zipEntriesText(trace);
      expect(text.length, trace).toBeGreaterThan(0);
      expect(hits(text, SECRETS), trace).toEqual([]);
    }
  });

  it('HTML evidence holds no secret and no personal number in any form', () => {
    const html = filesUnder(join(varDir, 'runs')).filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(0); // the faults left evidence behind
    for (const file of html) {
      const text = readFileSync(file, 'utf8');
      expect(hits(text, SECRETS), file).toEqual([]);
      expect(hits(text, personalForms), file).toEqual([]);
    }
  });

  it('no other file holds a secret, not even in its raw bytes', () => {
    for (const file of filesUnder(varDir).filter((f) => !/\.(zip|xlsx|png)$/.test(f))) {
      expect(hits(readFileSync(file).toString('latin1'), SECRETS), file).toEqual([]);
    }
  });

  it('the audit export (jsonl and xlsx) holds no secret and, without --personal, no personal number', async () => {
    const exported: string[] = [];
    for (const format of ['jsonl', 'xlsx'] as const) {
      const out = join(h.dir, `audit.${format}`);
      const result = await runCli(['audit', 'export', summary.runId, '--format', format, '--out', out, '--db', h.storeUrl], {
        env: cliEnv(h),
      });
      expect(result.code, result.stderr).toBe(0);
      const text = format === 'xlsx' ? zipEntriesText(out) : readFileSync(out, 'utf8');
      exported.push(text);
    }
    const text = exported.join('\n');
    expect(text.length).toBeGreaterThan(0);
    expect(hits(text, SECRETS)).toEqual([]);
    expect(hits(text, personalForms)).toEqual([]);
  });
});

describe('redaction: evidence captured on the real CaseHub screens', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    h.hub.setFaults({}); // these screens are about masking, not about faults
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(() => browser?.close());

  it('masks the password in the screenshot and keeps it out of the HTML', async () => {
    await fillLogin(createUi({ page, system: casehub, timeoutMs: 10_000 }));
    const mask = await maskLocators(page, casehub);
    const evidence = await captureEvidence(page, join(h.dir, 'evidence-login'), { mask });
    await expectMasked(evidence.screenshot, mask);
    for (const file of evidence.html ?? []) expect(hits(readFileSync(file, 'utf8'), SECRETS), file).toEqual([]);
  });

  it('masks the applicant in the screenshot and keeps their number and name out of the HTML', async () => {
    const ui = createUi({ page, system: casehub, timeoutMs: 10_000 });
    const applicant = h.input.applications.find((a) => a.error === null)!;
    await fillLogin(ui);
    await ui.click('login.submit');
    await ui.waitFor('menu.newCase');
    await ui.waitForPostback(() => ui.click('menu.newCase'), { frame: 'main' });
    await ui.fill('newCase.personnummer', applicant.personnummer);
    await ui.popup('newCase.lookupPerson', (popup) => popup.click('personPopup.choose'));
    // The case type posts the form back: the server renders the applicant into value attributes.
    await ui.select('newCase.caseType', { label: 'Bygglov' }, { postback: true });
    const main = page.frame({ name: 'main' })!;
    expect(await main.content()).toContain(`value="${applicant.name}"`); // so the HTML really had them to hide
    const mask = await maskLocators(page, casehub);
    expect(mask.length).toBeGreaterThanOrEqual(3); // personnummer, name, address
    const evidence = await captureEvidence(page, join(h.dir, 'evidence-applicant'), { mask });
    await expectMasked(evidence.screenshot, mask);
    expect(evidence.html?.length).toBeGreaterThan(0);
    for (const file of evidence.html ?? []) {
      const text = readFileSync(file, 'utf8');
      expect(hits(text, identityNumberForms(applicant.personnummer)), file).toEqual([]);
      expect(text, file).not.toContain(applicant.name);
      expect(text).not.toContain('data-kanslist-redact'); // marks are not left in the evidence
    }
    // ...nor in the live page, which the bot goes on working in.
    expect(await page.frameLocator('frame[name="main"]').locator('[data-kanslist-redact]').count()).toBe(0);
  });

  async function fillLogin(ui: ReturnType<typeof createUi<typeof casehub.screens>>): Promise<void> {
    await ui.goto(new URL('/Login.aspx', h.hub.url).href);
    await ui.fill('login.username', ROBOT_ACCOUNTS[0]!.username);
    await ui.fill('login.password', ROBOT_ACCOUNTS[0]!.password);
  }

  /** The centre of every masked element is painted in the mask colour in the PNG. */
  async function expectMasked(screenshot: string | undefined, mask: Locator[]): Promise<void> {
    expect(screenshot).toBeDefined();
    const centres: { x: number; y: number }[] = [];
    for (const locator of mask) {
      for (const element of await locator.all()) {
        const box = await element.boundingBox();
        if (box) centres.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
      }
    }
    expect(centres.length).toBeGreaterThan(0);
    const { pinkPixels, pinkAt } = await maskColour(readFileSync(screenshot!), centres);
    expect(pinkPixels).toBeGreaterThan(0);
    expect(pinkAt).toEqual(centres.map(() => true));
  }

  /** Decodes the PNG in a browser page (no PNG library needed) and looks for #FF00FF. */
  async function maskColour(png: Buffer, points: { x: number; y: number }[]): Promise<{ pinkPixels: number; pinkAt: boolean[] }> {
    const decoder = await page.context().newPage();
    try {
      return await decoder.evaluate(
        async ({ base64, points }) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const g = canvas.getContext('2d')!;
          g.drawImage(image, 0, 0);
          const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
          const pink = (i: number) => data[i]! > 235 && data[i + 1]! < 25 && data[i + 2]! > 235;
          let pinkPixels = 0;
          for (let i = 0; i < data.length; i += 4) if (pink(i)) pinkPixels++;
          const pinkAt = points.map((p) => pink((Math.round(p.y) * canvas.width + Math.round(p.x)) * 4));
          return { pinkPixels, pinkAt };
        },
        { base64: png.toString('base64'), points },
      );
    } finally {
      await decoder.close();
    }
  }
});

describe('redaction: `kanslist run` operator output', () => {
  it('writes the log file at the --log-level given (over KANSLIST_LOG_LEVEL), flushed at exit, and prints no secret or number', async () => {
    const dir = mkdtempSync(join(h.dir, 'cli-'));
    const env = {
      ...cliEnv(h),
      KANSLIST_VAR_DIR: join(dir, 'var'),
      KANSLIST_STORE: `sqlite:${join(dir, 'kanslist.db')}`,
      KANSLIST_LOG_LEVEL: 'warn',
    };
    const result = await runCli(['run', 'bygglov-registrering', '--input', h.input.xlsxPath, '--trace', 'off', '--log-level', 'debug'], {
      env,
    });
    expect(result.stdout).toMatch(/ET-|done|klar/i); // the summary was printed
    const logs = filesUnder(join(dir, 'var', 'logs'));
    expect(logs).toHaveLength(1);
    const text = readFileSync(logs[0]!, 'utf8');
    expect(text).toContain('"level":"debug"');
    for (const output of [text, result.stdout, result.stderr]) {
      expect(hits(output, SECRETS)).toEqual([]);
      expect(hits(output, personalForms)).toEqual([]);
    }
  });
});
