/**
 * `kanslist vault rotate casehub` against CaseHub with password expiry on, in real Chromium: the
 * rotation is killed with SIGKILL at each of its steps (held there by the test hook
 * KANSLIST_TEST_HOLD_ROTATION, so the kill lands exactly), and every time the next rotation or
 * check logs in; a run's session (in process) repairs the vault the same way and stops at once on
 * an expired password. No password ever shows in var/ (logs, evidence), the audit store or the output.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROBOT_ACCOUNTS, startCaseHub, type CaseHub } from '../../src/fixtures/casehub/index.ts';
import { PasswordExpiredError } from '../../src/errors.ts';
import { loadSystemMap } from '../../src/preflight/load-system.ts';
import { Session } from '../../src/runner/session.ts';
import { openStore } from '../../src/store/index.ts';
import { launchBrowser } from '../../src/ui/browser.ts';
import { NO_RECORDER } from '../../src/ui/recorder.ts';
import { openVault, RobotAccount } from '../../src/vault/index.ts';
import { plainEnv, runCli, startCli, type CliResult } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';

const ROBOT = ROBOT_ACCOUNTS[0]!;

describe('kanslist vault rotate, killed at every step', () => {
  let hub: CaseHub;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const outputs: CliResult[] = [];
  /** Every password the robot had or was about to get, read from the vault as the test goes. */
  const passwords = new Set<string>([ROBOT.password]);

  const vault = () => openVault({ env, varDir: join(dir, 'var') });
  const vaultNames = () =>
    vault()
      .list()
      .map((entry) => entry.name);
  const remember = (): void => {
    for (const name of ['casehub.password', 'casehub.password.pending']) {
      const value = vault().get(name);
      if (value !== undefined) passwords.add(value);
    }
  };
  const cli = async (args: string[], extra: Record<string, string> = {}): Promise<CliResult> => {
    const result = await runCli(args, { env: { ...env, ...extra } });
    outputs.push(result);
    return result;
  };
  /** Starts a rotation held at `step`, kills it there with SIGKILL, and notes what it left. */
  const killAt = async (step: string): Promise<void> => {
    const started = startCli(['vault', 'rotate', 'casehub'], { env: { ...env, KANSLIST_TEST_HOLD_ROTATION: step } });
    await started.waitForLine(new RegExp(`rotation held at ${step}`));
    started.child.kill('SIGKILL');
    const ended = await started.exited;
    outputs.push(ended);
    expect(ended.signal).toBe('SIGKILL');
    remember();
  };

  beforeAll(async () => {
    hub = await startCaseHub({ users: [{ ...ROBOT }], expiredPasswords: [ROBOT.username] });
    dir = mkdtempSync(join(tmpdir(), 'kanslist-rotate-'));
    env = plainEnv({
      KANSLIST_VAR_DIR: join(dir, 'var'),
      KANSLIST_VAULT_KEY: randomBytes(32).toString('base64'),
      KANSLIST_STORE: `sqlite:${join(dir, 'var', 'kanslist.db')}`,
      KANSLIST_CASEHUB_URL: hub.url,
    });
    expect((await runCli(['vault', 'set', 'casehub.username'], { env, input: ROBOT.username })).code).toBe(0);
    expect((await runCli(['vault', 'set', 'casehub.password'], { env, input: ROBOT.password })).code).toBe(0);
  });
  afterAll(async () => {
    await hub?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('killed before the change: the old password still works and the next rotation completes', async () => {
    await killAt('before-change');
    expect(vaultNames()).toContain('casehub.password.pending');
    expect(hub.expiredPasswords()).toEqual([ROBOT.username]);
    const next = await cli(['vault', 'rotate', 'casehub']);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain('(the password has expired)');
    expect(next.stdout).toContain('Rotated the password of casehub robot account 1.');
    remember();
    expect(hub.expiredPasswords()).toEqual([]);
    expect(vaultNames()).not.toContain('casehub.password.pending');
  });

  it('killed after the change, before the promotion: the next login uses the pending password and repairs the vault', async () => {
    hub.expirePassword(ROBOT.username);
    await killAt('after-change');
    // CaseHub has the new password; the vault still calls the old one current.
    expect(vaultNames()).toContain('casehub.password.pending');
    const check = await cli(['check', 'casehub', '--screens', 'menu']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('login ok');
    expect(vaultNames()).not.toContain('casehub.password.pending');
  });

  it('killed after the promotion: the new password is current and logs in; a rotation before expiry works too', async () => {
    hub.expirePassword(ROBOT.username);
    await killAt('after-promotion');
    expect(vaultNames()).not.toContain('casehub.password.pending');
    expect(hub.expiredPasswords()).toEqual([]);
    const check = await cli(['check', 'casehub', '--screens', 'menu']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('login ok');
    // Not expired: the map opens the change page from a logged-in session.
    const before = vault().get('casehub.password');
    const early = await cli(['vault', 'rotate', 'casehub']);
    expect(early.code, early.stderr).toBe(0);
    expect(early.stdout).not.toContain('expired');
    remember();
    expect(vault().get('casehub.password')).not.toBe(before);
  });

  it("the runner's login path: a refused password falls back to the pending one and repairs; an expired one stops at once", async () => {
    const { system } = await loadSystemMap('casehub', join(REPO_ROOT, 'selectors'));
    const current = vault().get('casehub.password')!;
    const browser = await launchBrowser({ env });
    try {
      const open = (credentials: RobotAccount) =>
        Session.open({
          browser,
          system,
          baseUrl: hub.url,
          credentials,
          recorder: NO_RECORDER,
          trace: 'off',
          timeoutMs: 10_000,
          evidenceDir: () => join(dir, 'var', 'evidence'),
        });
      // As a run finds it after a crash between the change and the promotion: the vault's current
      // password is the old one, the system's is pending.
      const promoted: string[] = [];
      const crashed = new RobotAccount(ROBOT.username, ROBOT.password, current, () => promoted.push('promoted'));
      const session = await open(crashed);
      await session.close();
      expect(promoted).toEqual(['promoted']);
      expect(crashed.password).toBe(current);
      // An expired password is a typed, fatal error on the first try: no second login, no loop.
      hub.expirePassword(ROBOT.username);
      const expired = new RobotAccount(ROBOT.username, current, undefined, () => promoted.push('wrong'));
      const error = await open(expired).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PasswordExpiredError);
      expect((error as PasswordExpiredError).code).toBe('CASEHUB_PASSWORD_EXPIRED');
      expect(promoted).toEqual(['promoted']);
    } finally {
      await browser.close();
    }
  });

  it('every rotation is on the audit trail, without a password', async () => {
    const store = await openStore(`sqlite:${join(dir, 'var', 'kanslist.db')}`);
    try {
      const chains = (await store.audit.runIds()).filter((id) => id.startsWith('rotation:casehub:1:'));
      const records = (await Promise.all(chains.map((id) => store.audit.records(id)))).flat();
      const data = records.filter((r) => r.kind === 'vault.rotation').map((r) => JSON.parse(r.data) as Record<string, unknown>);
      expect(data.filter((d) => d.phase === 'started')).toHaveLength(5);
      expect(data.filter((d) => d.outcome === 'rotated').map((d) => [d.system, d.account, d.wasExpired, d.stage])).toEqual([
        ['casehub', 1, true, 'promoted'],
        ['casehub', 1, false, 'promoted'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('no password is in var/ (logs, evidence, traces, the audit store), stdout or stderr', () => {
    // Four rotations made a new password each (the first killed before any change).
    expect(passwords.size).toBeGreaterThanOrEqual(4);
    const files = listFiles(join(dir, 'var')).filter((file) => !file.endsWith('vault.json'));
    expect(files.some((file) => file.includes('logs'))).toBe(true);
    const texts = [
      ...files.map((file) => readFileSync(file).toString('latin1')),
      ...files.map((file) => readFileSync(file, 'utf8')),
      ...outputs.map((o) => o.stdout + o.stderr),
    ];
    for (const password of passwords) {
      for (const form of [password, encodeURIComponent(password)]) expect(texts.filter((text) => text.includes(form))).toEqual([]);
    }
  });
});

function listFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
