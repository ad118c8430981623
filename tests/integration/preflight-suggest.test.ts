/**
 * Drift that heals: `kanslist check casehub --write-patch` against CaseHub v2 (renumbered ids,
 * reworded labels) proposes a stable first strategy per drifted target as a patch to the map;
 * applied to a copy of the map with `patch -p1`, the next check on v2 finds no drift. The patch is
 * only written, never applied by Kanslist: the map the check read is unchanged. A target the check
 * cannot reach (the receipt) gets the proposal an earlier run found when its fallback matched.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLERK_ACCOUNT, ROBOT_ACCOUNTS, robotAccountsEnv, startCaseHub, type CaseHub } from '../../src/fixtures/casehub/index.ts';
import type { PreflightReport } from '../../src/preflight/index.ts';
import { openAuditTrail } from '../../src/audit/trail.ts';
import { openStore } from '../../src/store/index.ts';
import { plainEnv, runCli } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';

let hub: CaseHub;
let project: string;
let runId: string;
const RECEIPT_SUGGESTION = "{ css: '#lblArendenummer' }";

beforeAll(async () => {
  hub = await startCaseHub({ layout: 'v2', users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS] });
  // An organisation's project of its own, with Kanslist as its dependency and a copy of the map.
  project = mkdtempSync(join(tmpdir(), 'kanslist-suggest-'));
  mkdirSync(join(project, 'selectors'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(REPO_ROOT, join(project, 'node_modules', 'kanslist'), 'dir');
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(project, 'kanslist.config.ts'),
    "import { defineConfig } from 'kanslist';\n\nexport default defineConfig({ organisation: 'Testkommun' });\n",
  );
  copyFileSync(join(REPO_ROOT, 'selectors', 'casehub.ts'), join(project, 'selectors', 'casehub.ts'));
  // A run before the check saw the receipt drift (a screen a check cannot reach) and found a proposal.
  mkdirSync(join(project, 'var'));
  const store = await openStore(`sqlite:${join(project, 'var', 'kanslist.db')}`);
  try {
    const run = await store.runs.create({ bot: 'bygglov-registrering', botVersion: 'v', trigger: 'cli', host: 'test', pid: 1 });
    runId = run.id;
    const drift = { system: 'casehub', target: 'receipt.caseNumber', failedStrategy: 'xpath …', matchedStrategy: 'text …' };
    await store.runs.recordDrift({ runId: run.id, itemId: null, ...drift, at: Date.now() });
    const trail = await openAuditTrail(store, { runId: run.id, bot: 'bygglov-registrering', botVersion: 'v', host: 'test' });
    await trail.append({ kind: 'ui.drift', data: { ...drift, suggested: RECEIPT_SUGGESTION } });
    await trail.close();
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await hub?.close();
  rmSync(project, { recursive: true, force: true });
});

it('check --write-patch on v2 writes a patch that, applied, leaves no drift', { timeout: 150_000 }, async () => {
  const env = plainEnv({ ...robotAccountsEnv(hub.url, 1) });
  const map = join(project, 'selectors', 'casehub.ts');
  const original = readFileSync(map, 'utf8');
  const screens = ['--screens', 'login,menu,newCase,search,receipt'];

  const suggested = await runCli(['check', 'casehub', ...screens, '--write-patch', 'heal.patch', '--json'], { env, cwd: project });
  expect(suggested.code, suggested.stderr).toBe(0);
  const report = JSON.parse(suggested.stdout) as PreflightReport;
  expect(report.drift).toBe(true);
  // The renumbered fields get their new id; never a position in the page.
  expect(report.targets.find((t) => t.path === 'login.username')).toMatchObject({
    status: 'drift',
    suggested: "{ css: '#ctl00_MainContent_ctl02_txtAnvandare' }",
  });
  expect(report.targets.find((t) => t.path === 'newCase.propertyDesignation')?.suggested).toBe(
    "{ css: '#ctl00_MainContent_ctl04_txtFastBet' }",
  );
  const drifted = report.targets.filter((t) => t.status === 'drift');
  expect(drifted.every((t) => t.suggested !== undefined && !/nth|:nth-child/.test(t.suggested))).toBe(true);
  // What the check could not reach, a run saw: its proposal joins the patch, and says where it came from.
  expect(report.targets.find((t) => t.path === 'receipt.caseNumber')).toMatchObject({
    status: 'not-checked',
    suggested: RECEIPT_SUGGESTION,
    suggestedBy: `run ${runId}`,
  });
  expect(suggested.stderr).toContain(`receipt.caseNumber was not checked`);
  expect(report.patch).toMatchObject({ file: 'selectors/casehub.ts', unplaced: [] });
  expect(readFileSync(map, 'utf8')).toBe(original); // suggested, not applied

  const patch = readFileSync(join(project, 'heal.patch'), 'utf8');
  expect(patch).toBe(report.patch!.diff);
  expect(patch).toMatch(/^--- a\/selectors\/casehub\.ts\n\+\+\+ b\/selectors\/casehub\.ts\n@@ /);
  // The old strategies are kept after the new first one.
  expect(patch).toContain(
    "+      username: [{ css: '#ctl00_MainContent_ctl02_txtAnvandare' }, { css: '#ctl00_ContentPlaceHolder1_txtUserName' }, { label: 'Användarnamn' }],",
  );
  expect(patch.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'))).toHaveLength(drifted.length + 1);
  expect(patch).toContain(`strategies: [${RECEIPT_SUGGESTION}, { xpath: `);

  execFileSync('patch', ['-p1', '--forward', '-i', 'heal.patch'], { cwd: project });
  const healed = await runCli(['check', 'casehub', ...screens, '--json'], { env, cwd: project });
  expect(healed.code, healed.stderr).toBe(0);
  const after = JSON.parse(healed.stdout) as PreflightReport;
  expect(after).toMatchObject({ ok: true, drift: false, counts: { drift: 0, missing: 0, ambiguous: 0 } });
  expect(after.targets.filter((t) => t.status === 'ok').length).toBe(
    report.targets.filter((t) => t.status === 'ok' || t.status === 'drift').length,
  );
});
