/**
 * `kanslist check casehub --json` as an operator or a scheduler runs it: exit 0 with the report
 * when the map matches, exit 1 when the login fails. One child process per exit code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLERK_ACCOUNT, ROBOT_ACCOUNTS, robotAccountsEnv, startCaseHub, type CaseHub } from '../../src/fixtures/casehub/index.ts';
import type { PreflightReport } from '../../src/preflight/index.ts';
import { plainEnv, runCli } from '../helpers/cli.ts';

let hub: CaseHub;
let dir: string;

beforeAll(async () => {
  hub = await startCaseHub({ layout: 'v1', users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS] });
  dir = mkdtempSync(join(tmpdir(), 'kanslist-check-cli-'));
});
afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('kanslist check casehub --json: exit 0 with the report, exit 1 when the login is refused', { timeout: 150_000 }, async () => {
  const env = plainEnv({
    ...robotAccountsEnv(hub.url, 1),
    KANSLIST_VAR_DIR: join(dir, 'var'),
    KANSLIST_STORE: `sqlite:${join(dir, 'kanslist.db')}`,
  });
  const passed = await runCli(['check', 'casehub', '--screens', 'login,menu', '--json'], { env });
  expect(passed.code, passed.stderr).toBe(0);
  const report = JSON.parse(passed.stdout) as PreflightReport;
  expect(report).toMatchObject({ system: 'casehub', login: 'ok', ok: true, counts: { ok: 5, missing: 0 } });
  expect(report.targets.map((t) => t.screen)).not.toContain('newCase');

  const password = 'Fel-Losenord-0815';
  const refused = await runCli(['check', 'casehub', '--screens', 'login', '--json'], {
    env: { ...env, KANSLIST_CASEHUB_PASSWORD: password },
  });
  expect(refused.code).toBe(1);
  expect(JSON.parse(refused.stdout)).toMatchObject({ login: 'failed', ok: false });
  expect(refused.stdout + refused.stderr).not.toContain(password);
});
