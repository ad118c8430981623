/**
 * `kanslist vault` as an operator uses it: init a key, pipe secrets in, list names, remove one;
 * then a run whose robot accounts come only from the vault. No value is ever printed or stored
 * in clear text.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROBOT_ACCOUNTS } from '../../src/fixtures/casehub/index.ts';
import { plainEnv, runCli, type CliResult } from '../helpers/cli.ts';
import { BOT, KANSLIST_BIN, REPO_ROOT, createHarness, type Harness } from '../helpers/run-harness.ts';

// Synthetic secret; never a real credential.
const SECRET = 'Pipad-Hemlighet-Test-8812';

/** `kanslist …` with `stdin` piped in (runCli gives its child no stdin). */
function runWithStdin(args: string[], env: NodeJS.ProcessEnv, stdin: string): Promise<CliResult> {
  const child = spawn(process.execPath, [KANSLIST_BIN, ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('kanslist vault init|set|list|rm', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kanslist-cli-vault-'));
    env = plainEnv({ KANSLIST_VAR_DIR: join(dir, 'var') });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('init creates an owner-only key file once and never replaces it', async () => {
    const first = await runCli(['vault', 'init'], { env });
    expect(first.code, first.stderr).toBe(0);
    const keyFile = join(dir, 'var', 'vault.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8');
    const again = await runCli(['vault', 'init'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already exists');
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
  });

  it('set reads the value from a pipe and never prints or stores it in clear text', async () => {
    const set = await runWithStdin(['vault', 'set', 'casehub.password'], env, `${SECRET}\n`);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('casehub.password');
    expect(set.stdout + set.stderr).not.toContain(SECRET);
    const file = join(dir, 'var', 'vault.json');
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('list shows names and times, never values', async () => {
    await runWithStdin(['vault', 'set', 'casehub.username'], env, 'robot01');
    const table = await runCli(['vault', 'list'], { env });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/casehub\.password/);
    expect(table.stdout).not.toContain(SECRET);
    const json = await runCli(['vault', 'list', '--json'], { env });
    const entries = JSON.parse(json.stdout) as { name: string; setAt: string }[];
    expect(entries.map((e) => e.name)).toEqual(['casehub.password', 'casehub.username']);
    expect(json.stdout).not.toContain(SECRET);
  });

  it('set of a name no system map uses warns with the name meant, and stores it all the same', async () => {
    const typo = await runWithStdin(['vault', 'set', 'casehub.pasword'], env, 'Typo-Test-Value-1');
    expect(typo.code, typo.stderr).toBe(0);
    expect(typo.stderr).toContain('no system map uses casehub.pasword; did you mean casehub.password?');
    // Stored: rm finds it (and leaves the vault as the tests below expect it).
    expect((await runCli(['vault', 'rm', 'casehub.pasword'], { env })).code).toBe(0);
  });

  it('rm removes a secret; removing it again is a usage error naming it', async () => {
    const rm = await runCli(['vault', 'rm', 'casehub.username'], { env });
    expect(rm.code, rm.stderr).toBe(0);
    const list = JSON.parse((await runCli(['vault', 'list', '--json'], { env })).stdout) as { name: string }[];
    expect(list.map((e) => e.name)).toEqual(['casehub.password']);
    const again = await runCli(['vault', 'rm', 'casehub.username'], { env });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('KANSLIST_VAULT_NOT_FOUND');
    expect(again.stderr).toContain('casehub.username');
  });

  it('a run missing a vault secret stops before any browser, naming the command that sets it', async () => {
    // casehub.username was removed above; KANSLIST_BROWSER points nowhere, proving no browser starts.
    const runEnv = {
      ...env,
      KANSLIST_STORE: `sqlite:${join(dir, 'var', 'kanslist.db')}`,
      KANSLIST_BROWSER: join(dir, 'no-such-browser'),
      KANSLIST_CASEHUB_URL: 'http://127.0.0.1:9',
    };
    const result = await runCli(['run', BOT], { env: runEnv });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KANSLIST_CREDENTIALS_MISSING');
    expect(result.stderr).toContain('kanslist vault set casehub.username');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('a key file others can read is refused, naming it and chmod 600', async () => {
    const keyFile = join(dir, 'var', 'vault.key');
    chmodSync(keyFile, 0o644);
    try {
      const result = await runWithStdin(['vault', 'set', 'casehub.username'], env, 'robot01');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('KANSLIST_VAULT_KEY_EXPOSED');
      expect(result.stderr).toContain(`chmod 600 ${keyFile}`);
    } finally {
      chmodSync(keyFile, 0o600);
    }
  });
});

describe('a run with its robot accounts only in the vault', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ count: 3, errorShare: 0, seed: 5 });
  });
  afterAll(() => h.close());

  it('logs in with the vault credentials and registers every application', async () => {
    const env = Object.fromEntries(Object.entries(h.env).filter(([k]) => !/^KANSLIST_CASEHUB_(USERNAME|PASSWORD)/.test(k)));
    const cliEnv = plainEnv({ KANSLIST_VAR_DIR: join(h.dir, 'var') });
    expect((await runCli(['vault', 'init'], { env: cliEnv })).code).toBe(0);
    const robot = ROBOT_ACCOUNTS[0]!;
    for (const [name, value] of [
      ['casehub.username', robot.username],
      ['casehub.password', robot.password],
    ] as const) {
      const set = await runWithStdin(['vault', 'set', name], cliEnv, value);
      expect(set.code, set.stderr).toBe(0);
    }
    const summary = await h.run({ env });
    expect(summary.outcomes.done).toBe(3);
    const counts = h.hub.countsByExternalRef();
    for (const a of h.input.applications) expect(counts[a.applicationId]).toBe(1);
  });
});
