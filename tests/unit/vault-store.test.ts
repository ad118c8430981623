import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { thrown } from '../helpers/thrown.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFile, openVault, type Vault } from '../../src/vault/index.ts';

// Synthetic test secrets; never real credentials.
const PASSWORD = 'Hemlig-Test-Lösen-9731';
const OTHER_KEY = Buffer.alloc(32, 7).toString('base64');

let dir: string;
let env: NodeJS.ProcessEnv;
const vault = (extra: NodeJS.ProcessEnv = {}): Vault => openVault({ env: { ...env, ...extra }, varDir: join(dir, 'var') });
const vaultJson = () =>
  JSON.parse(readFileSync(join(dir, 'var', 'vault.json'), 'utf8')) as { secrets: Record<string, Record<string, string>> };
const writeVaultJson = (value: unknown) => writeFileSync(join(dir, 'var', 'vault.json'), JSON.stringify(value));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kanslist-vault-'));
  env = {};
  createKeyFile(join(dir, 'var', 'vault.key'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('vault: sealed secrets', () => {
  it('gives back what was set, lists names and times, and removes', () => {
    vault().set('casehub.password', PASSWORD);
    vault().set('casehub.username', 'robot01');
    expect(vault().get('casehub.password')).toBe(PASSWORD);
    expect(
      vault()
        .list()
        .map((e) => e.name),
    ).toEqual(['casehub.password', 'casehub.username']);
    expect(Number.isNaN(Date.parse(vault().list()[0]!.setAt))).toBe(false);
    expect(vault().remove('casehub.password')).toBe(true);
    expect(vault().get('casehub.password')).toBeUndefined();
    expect(vault().remove('casehub.password')).toBe(false);
  });

  it('keeps no plain text in the file, which is owner-only', () => {
    vault().set('casehub.password', PASSWORD);
    const file = join(dir, 'var', 'vault.json');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('seals the same value differently each time (a fresh IV per secret)', () => {
    vault().set('a.password', PASSWORD);
    vault().set('b.password', PASSWORD);
    const { secrets } = vaultJson();
    expect(secrets['a.password']!.iv).not.toBe(secrets['b.password']!.iv);
    expect(secrets['a.password']!.data).not.toBe(secrets['b.password']!.data);
  });

  it('with the wrong key: an error naming the secret, never the value', () => {
    vault().set('casehub.password', PASSWORD);
    const error = thrown(() => vault({ KANSLIST_VAULT_KEY: OTHER_KEY }).get('casehub.password'));
    expect(error.code).toBe('KANSLIST_VAULT_WRONG_KEY');
    expect(error.describe()).toContain('casehub.password');
    expect(error.describe()).not.toContain(PASSWORD);
  });

  it.each(['data', 'tag', 'iv'])('detects a changed %s', (field) => {
    vault().set('casehub.password', PASSWORD);
    const json = vaultJson();
    const entry = json.secrets['casehub.password']!;
    const bytes = Buffer.from(entry[field]!, 'base64');
    bytes[0] = bytes[0]! ^ 0x01;
    entry[field] = bytes.toString('base64');
    writeVaultJson(json);
    const error = thrown(() => vault().get('casehub.password'));
    expect(error.code).toBe('KANSLIST_VAULT_TAMPERED');
    expect(error.describe()).toContain('kanslist vault set casehub.password');
  });

  it('detects a ciphertext moved to another name (the name is authenticated)', () => {
    vault().set('casehub.username', 'robot01');
    vault().set('casehub.password', PASSWORD);
    const json = vaultJson();
    json.secrets['casehub.username'] = json.secrets['casehub.password']!;
    writeVaultJson(json);
    expect(thrown(() => vault().get('casehub.username')).code).toBe('KANSLIST_VAULT_TAMPERED');
    expect(vault().get('casehub.password')).toBe(PASSWORD);
  });

  it('refuses to mix keys: setting with another key leaves the vault as it was', () => {
    vault().set('casehub.password', PASSWORD);
    expect(thrown(() => vault({ KANSLIST_VAULT_KEY: OTHER_KEY }).set('casehub.username', 'robot01')).code).toBe('KANSLIST_VAULT_WRONG_KEY');
    expect(
      vault()
        .list()
        .map((e) => e.name),
    ).toEqual(['casehub.password']);
  });

  it('a broken vault file is named, not a JSON stack trace', () => {
    writeFileSync(join(dir, 'var', 'vault.json'), '{ not json');
    const error = thrown(() => vault().list());
    expect(error.code).toBe('KANSLIST_VAULT_BROKEN');
    expect(error.where).toBe(join(dir, 'var', 'vault.json'));
  });

  it('rejects names that are not <part>.<part>…', () => {
    expect(thrown(() => vault().set('../etc/passwd', PASSWORD)).code).toBe('KANSLIST_VAULT_NAME_INVALID');
  });

  it('honours KANSLIST_VAULT_FILE', () => {
    const file = join(dir, 'elsewhere', 'secrets.json');
    vault({ KANSLIST_VAULT_FILE: file }).set('casehub.password', PASSWORD);
    expect(readFileSync(file, 'utf8')).toContain('casehub.password');
    expect(vault().list()).toEqual([]);
  });
});

describe('vault: the key', () => {
  it('a key file others can read is refused, naming the file and chmod 600', () => {
    vault().set('casehub.password', PASSWORD);
    const keyFile = join(dir, 'var', 'vault.key');
    chmodSync(keyFile, 0o644);
    const error = thrown(() => vault().get('casehub.password'));
    expect(error.code).toBe('KANSLIST_VAULT_KEY_EXPOSED');
    expect(error.describe()).toContain(keyFile);
    expect(error.describe()).toContain(`chmod 600 ${keyFile}`);
  });

  it('creates the key file owner-only and never overwrites it', () => {
    const keyFile = join(dir, 'var', 'vault.key');
    const before = readFileSync(keyFile, 'utf8');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(createKeyFile(keyFile)).toBe(false);
    expect(readFileSync(keyFile, 'utf8')).toBe(before);
  });

  it('takes KANSLIST_VAULT_KEY as hex or base64, and rejects other lengths without echoing them', () => {
    const bytes = Buffer.alloc(32, 3);
    vault({ KANSLIST_VAULT_KEY: bytes.toString('hex') }).set('casehub.password', PASSWORD);
    expect(vault({ KANSLIST_VAULT_KEY: bytes.toString('base64') }).get('casehub.password')).toBe(PASSWORD);
    const error = thrown(() => vault({ KANSLIST_VAULT_KEY: 'too-short-key-value' }).get('casehub.password'));
    expect(error.code).toBe('KANSLIST_VAULT_KEY_INVALID');
    expect(error.describe()).not.toContain('too-short-key-value');
  });

  it('with no key at all: setting says how to make one', () => {
    rmSync(join(dir, 'var', 'vault.key'));
    const error = thrown(() => vault().set('casehub.password', PASSWORD));
    expect(error.code).toBe('KANSLIST_VAULT_NO_KEY');
    expect(error.remedy).toContain('kanslist vault init');
  });
});
