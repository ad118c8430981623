/**
 * The pieces of password rotation that need no browser: the map's policy and its validation,
 * the generated password, the login that falls back to a pending password, the vault's atomic
 * promotion, and CaseHub's own password rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PasswordExpiredError, PasswordRefusedError, TransientUiError } from '../../src/errors.ts';
import { PasswordBook } from '../../src/fixtures/casehub/passwords.ts';
import { logInAccount } from '../../src/runner/account-login.ts';
import { acquireRotationLock } from '../../src/runner/rotation-lock.ts';
import { defineSystem } from '../../src/ui/system.ts';
import type { PasswordPolicy } from '../../src/ui/password-policy.ts';
import { createKeyFile, generatePassword, openVault, RobotAccount } from '../../src/vault/index.ts';
import { unusedNameWarning } from '../../src/cli/commands/vault-name-check.ts';
import { thrown } from '../helpers/thrown.ts';

const done = (): Promise<void> => Promise.resolve();
const base = { name: 'sys', baseUrl: 'http://127.0.0.1:9', screens: {}, login: done, changePassword: done };

describe('passwordPolicy in a system map', () => {
  it('is checked by defineSystem, each problem naming its field', () => {
    const problem = (policy: unknown) => thrown(() => defineSystem({ ...base, passwordPolicy: policy as PasswordPolicy })).message;
    expect(problem({ minLength: 0 })).toContain('passwordPolicy.minLength');
    expect(problem({ minLength: 12, maxLength: 8 })).toContain('passwordPolicy.maxLength');
    expect(problem({ minLength: 12, required: ['lower', 'emoji'] })).toContain('passwordPolicy.required[1]');
    expect(problem({ minLength: 12, required: ['digit', 'digit'] })).toContain('passwordPolicy.required[1]');
    expect(problem({ minLength: 12, forbidden: '0123456789' })).toContain('passwordPolicy.forbidden: forbids every digit');
    expect(problem({ minLength: 12, minimum: 3 })).toContain('unknown key(s) minimum');
    expect(thrown(() => defineSystem({ ...base })).message).toContain('passwordPolicy: is needed with changePassword');
    expect(defineSystem({ ...base, passwordPolicy: { minLength: 12 } }).passwordPolicy).toEqual({ minLength: 12 });
  });

  it('is met by every generated password, each different', () => {
    const policy: PasswordPolicy = {
      minLength: 12,
      maxLength: 16,
      required: ['lower', 'upper', 'digit', 'symbol'],
      forbidden: '!#%*+-.:=?',
    };
    const made = Array.from({ length: 200 }, () => generatePassword(policy));
    for (const password of made) {
      expect(password).toHaveLength(16);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
      // The only symbols left are @ and _.
      expect(password).toMatch(/^[A-Za-z0-9@_]+$/);
      expect(password).toMatch(/[@_]/);
    }
    expect(new Set(made).size).toBe(made.length);
    expect(generatePassword({ minLength: 40 })).toHaveLength(40);
  });
});

describe('a login with a pending password', () => {
  /** A system whose login takes `right` and refuses anything else; `expired` makes it demand a new one. */
  const system = (right: string, options: { expired?: boolean; other?: Error } = {}) => {
    const tried: string[] = [];
    return {
      tried,
      login: (credentials: { password: string }): Promise<void> => {
        tried.push(credentials.password);
        if (options.other) return Promise.reject(options.other);
        if (credentials.password !== right) return Promise.reject(new PasswordRefusedError());
        if (options.expired) return Promise.reject(new PasswordExpiredError());
        return Promise.resolve();
      },
    };
  };
  const account = (pending: string | undefined) => {
    const adopted: string[] = [];
    const robot = new RobotAccount('robot1', 'old', pending, () => adopted.push('promoted'));
    return { robot, adopted };
  };

  it('uses the current password when it works, and leaves the pending one alone', async () => {
    const s = system('old');
    const { robot, adopted } = account('new');
    expect(await logInAccount(robot, s.login)).toBe('current');
    expect(s.tried).toEqual(['old']);
    expect(adopted).toEqual([]);
    expect(robot.pending).toBe('new');
  });

  it('tries the pending password once when the current one is refused, and promotes it when it works', async () => {
    const s = system('new');
    const { robot, adopted } = account('new');
    expect(await logInAccount(robot, s.login)).toBe('pending');
    expect(s.tried).toEqual(['old', 'new']);
    expect(adopted).toEqual(['promoted']);
    expect(robot.password).toBe('new');
    expect(robot.pending).toBeUndefined();
  });

  it('promotes a pending password the system took but says has expired, and still reports the expiry', async () => {
    const s = system('new', { expired: true });
    const { robot, adopted } = account('new');
    await expect(logInAccount(robot, s.login)).rejects.toBeInstanceOf(PasswordExpiredError);
    expect(adopted).toEqual(['promoted']);
  });

  it('does not try the pending password after anything but a refused password, nor when there is none', async () => {
    const down = system('old', { other: new TransientUiError('CASEHUB_BUSY', 'busy') });
    await expect(logInAccount(account('new').robot, down.login)).rejects.toBeInstanceOf(TransientUiError);
    expect(down.tried).toEqual(['old']);
    const refused = system('other');
    await expect(logInAccount(account(undefined).robot, refused.login)).rejects.toBeInstanceOf(PasswordRefusedError);
    expect(refused.tried).toEqual(['old']);
  });
});

describe('the vault promotes a pending password in one write; one rotation at a time', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kanslist-rotate-vault-'));
    createKeyFile(join(dir, 'var', 'vault.key'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('moves the value to the current name and removes the pending one; a second promotion finds nothing', () => {
    const vault = () => openVault({ env: {}, varDir: join(dir, 'var') });
    vault().set('casehub.password', 'Gammalt-Test-1');
    vault().set('casehub.password.pending', 'Nytt-Test-2');
    expect(vault().promote('casehub.password.pending', 'casehub.password')).toBe(true);
    expect(vault().get('casehub.password')).toBe('Nytt-Test-2');
    expect(vault().has('casehub.password.pending')).toBe(false);
    expect(vault().promote('casehub.password.pending', 'casehub.password')).toBe(false);
    expect(vault().get('casehub.password')).toBe('Nytt-Test-2');
  });

  it("keeps the value a rotation set, and another rotation's pending password, when they differ", () => {
    const vault = () => openVault({ env: {}, varDir: join(dir, 'var') });
    vault().set('casehub.password', 'Gammalt-Test-1');
    vault().set('casehub.password.pending', 'Annans-Test-3');
    vault().promote('casehub.password.pending', 'casehub.password', 'Nytt-Test-2');
    expect(vault().get('casehub.password')).toBe('Nytt-Test-2');
    expect(vault().get('casehub.password.pending')).toBe('Annans-Test-3');
  });

  it('lets one rotation of an account run at a time, and takes over the lock of one that was killed', () => {
    const varDir = join(dir, 'var');
    const release = acquireRotationLock(varDir, 'casehub', 1);
    expect(thrown(() => acquireRotationLock(varDir, 'casehub', 1)).code).toBe('KANSLIST_ROTATE_BUSY');
    const other = acquireRotationLock(varDir, 'casehub', 2);
    other();
    release();
    // A lock whose process is gone: a rotation killed with SIGKILL leaves one behind.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(varDir, 'locks', 'rotate-casehub-1.lock'), JSON.stringify({ pid: gone, host: hostname() }));
    acquireRotationLock(varDir, 'casehub', 1)();
  });
});

/** expect.stringContaining, typed (it is `any` in Vitest's types). */
const containing = (text: string): unknown => expect.stringContaining(text) as unknown;

describe("CaseHub's password rules", () => {
  it('checks the current password, the repeat and the rules, and lifts the expiry on a change', () => {
    const book = new PasswordBook([{ username: 'robot1', password: 'Robot-1-demo!' }], ['robot1']);
    expect(book.check('robot1', 'Robot-1-demo!')).toBe('expired');
    expect(book.change('robot1', 'wrong', 'Abcdefgh123!x', 'Abcdefgh123!x')).toMatchObject({
      ok: false,
      message: containing('nuvarande lösenord'),
    });
    expect(book.change('robot1', 'Robot-1-demo!', 'Abcdefgh123!x', 'Abcdefgh123!y')).toMatchObject({
      ok: false,
      message: containing('inte lika'),
    });
    expect(book.change('robot1', 'Robot-1-demo!', 'Short1!', 'Short1!')).toMatchObject({ ok: false, message: containing('minst 12') });
    expect(book.change('robot1', 'Robot-1-demo!', 'Abcdefgh123 x!', 'Abcdefgh123 x!')).toMatchObject({
      ok: false,
      message: containing('otillåtna'),
    });
    expect(book.change('robot1', 'Robot-1-demo!', 'abcdefgh1234', 'abcdefgh1234')).toMatchObject({
      ok: false,
      message: containing('versaler'),
    });
    expect(book.check('robot1', 'Robot-1-demo!')).toBe('expired');
    expect(book.change('robot1', 'Robot-1-demo!', 'Abcdefgh123!x', 'Abcdefgh123!x')).toEqual({ ok: true });
    expect(book.check('robot1', 'Robot-1-demo!')).toBe('wrong');
    expect(book.check('robot1', 'Abcdefgh123!x')).toBe('ok');
  });
});

describe('kanslist vault set of a name no system map uses', () => {
  const selectors = join(import.meta.dirname, '..', '..', 'selectors');

  it('is quiet for the names the maps read, and names the one meant for a typo', () => {
    for (const name of ['casehub.password', 'casehub.username.2', 'casehub.password.12'])
      expect(unusedNameWarning(name, selectors)).toBeUndefined();
    expect(unusedNameWarning('casehub.pasword', selectors)).toBe('no system map uses casehub.pasword; did you mean casehub.password?');
    expect(unusedNameWarning('casehub.usernme.2', selectors)).toBe(
      'no system map uses casehub.usernme.2; did you mean casehub.username.2?',
    );
    expect(unusedNameWarning('smtp.token', selectors)).toContain('the maps use casehub.username, casehub.password');
  });
});
