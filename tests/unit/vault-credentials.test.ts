import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { thrown } from '../helpers/thrown.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redact } from '../../src/redact/redact.ts';
import { systemAccounts } from '../../src/runner/system-access.ts';
import { createKeyFile, openVault, type Vault } from '../../src/vault/index.ts';
import casehub from '../../selectors/casehub.ts';

// Synthetic robot accounts; never real credentials.
const PASSWORD = 'Vault-Robot-Pass-5521';
const PASSWORD_2 = 'Vault-Robot-Pass-5522';

let dir: string;
let vault: Vault;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kanslist-vault-creds-'));
  createKeyFile(join(dir, 'vault.key'));
  vault = openVault({ env: {}, varDir: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('credentials for a run: environment first, then the vault', () => {
  it('takes every robot account from the vault when no environment variable is set', () => {
    vault.set('casehub.username', 'robot01');
    vault.set('casehub.password', PASSWORD);
    vault.set('casehub.username.2', 'robot02');
    vault.set('casehub.password.2', PASSWORD_2);
    expect(systemAccounts(casehub, {}, openVault({ env: {}, varDir: dir }))).toEqual([
      { username: 'robot01', password: PASSWORD },
      { username: 'robot02', password: PASSWORD_2 },
    ]);
    // Read once, masked in every operator log line and error message from then on.
    expect(redact(`login robot01 with ${PASSWORD}`)).not.toContain(PASSWORD);
  });

  it('an environment variable wins over the vault, field by field', () => {
    vault.set('casehub.username', 'robot01');
    vault.set('casehub.password', PASSWORD);
    const accounts = systemAccounts(casehub, { KANSLIST_CASEHUB_USERNAME: 'robot09' }, vault);
    expect(accounts).toEqual([{ username: 'robot09', password: PASSWORD }]);
  });

  it('without the vault or a key, the environment alone still works', () => {
    rmSync(join(dir, 'vault.key'));
    const accounts = systemAccounts(
      casehub,
      { KANSLIST_CASEHUB_USERNAME: 'robot01', KANSLIST_CASEHUB_PASSWORD: PASSWORD },
      openVault({ env: {}, varDir: dir }),
    );
    expect(accounts).toEqual([{ username: 'robot01', password: PASSWORD }]);
  });

  it('a missing password names the secret, the variable and the command that sets it', () => {
    vault.set('casehub.username', 'robot01');
    const error = thrown(() => systemAccounts(casehub, {}, vault));
    expect(error.code).toBe('KANSLIST_CREDENTIALS_MISSING');
    expect(error.describe()).toContain('kanslist vault set casehub.password');
    expect(error.describe()).toContain('KANSLIST_CASEHUB_PASSWORD');
  });

  it('half a second account is an error naming what is missing', () => {
    vault.set('casehub.username', 'robot01');
    vault.set('casehub.password', PASSWORD);
    vault.set('casehub.username.2', 'robot02');
    const error = thrown(() => systemAccounts(casehub, {}, vault));
    expect(error.describe()).toContain('kanslist vault set casehub.password.2');
  });

  it('a secret the key cannot open fails before any browser, naming the secret', () => {
    vault.set('casehub.username', 'robot01');
    vault.set('casehub.password', PASSWORD);
    const wrongKey = { KANSLIST_VAULT_KEY: Buffer.alloc(32, 9).toString('hex') };
    const error = thrown(() => systemAccounts(casehub, {}, openVault({ env: wrongKey, varDir: dir })));
    expect(error.code).toBe('KANSLIST_VAULT_WRONG_KEY');
    expect(error.describe()).toContain('casehub.username');
    expect(error.describe()).not.toContain(PASSWORD);
  });
});
