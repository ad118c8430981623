/**
 * The credentials vault: named secrets sealed with AES-256-GCM in one file (see cipher.ts,
 * file.ts, key.ts). Names and the time each was set are readable without the key; values never
 * are, and every value opened is registered for redaction before it is handed out.
 */
import { registerSecret } from '../redact/redact.ts';
import { ConfigError } from '../errors.ts';
import { openSecret, sealSecret } from './cipher.ts';
import { readVaultFile, writeVaultFile, type VaultFile } from './file.ts';
import { loadVaultKey, requireVaultKey, type VaultKey } from './key.ts';
import { vaultLocation, type VaultLocation, type VaultLocationOptions } from './paths.ts';

/** Where credentials come from besides the environment; the vault is one, a test may give another. */
export interface SecretSource {
  /** Whether a secret by this name exists (no key needed). */
  has(name: string): boolean;
  /** The value, or undefined when absent; a ConfigError when it exists but cannot be opened. */
  get(name: string): string | undefined;
  /** Where the secrets are kept, for messages. */
  readonly where: string;
  /** Moves a secret to another name in one write (see Vault.promote); a source that cannot be written leaves it out. */
  promote?(from: string, to: string, value?: string): boolean;
}

export interface VaultEntry {
  name: string;
  setAt: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

export function openVault(options: VaultLocationOptions = {}): Vault {
  return new Vault(vaultLocation(options), options.env ?? process.env);
}

export class Vault implements SecretSource {
  readonly location: VaultLocation;
  private readonly env: NodeJS.ProcessEnv;
  private key: VaultKey | null | undefined;

  constructor(location: VaultLocation, env: NodeJS.ProcessEnv = process.env) {
    this.location = location;
    this.env = env;
  }

  get where(): string {
    return this.location.file;
  }

  list(): VaultEntry[] {
    const { secrets } = readVaultFile(this.location.file);
    return Object.entries(secrets)
      .map(([name, sealed]) => ({ name, setAt: sealed.setAt }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  has(name: string): boolean {
    return Object.hasOwn(readVaultFile(this.location.file).secrets, name);
  }

  get(name: string): string | undefined {
    const vault = readVaultFile(this.location.file);
    const sealed = vault.secrets[name];
    if (!sealed || !Object.hasOwn(vault.secrets, name)) return undefined;
    const key = this.loadKey();
    if (!key) throw this.noKeyFor(name);
    const value = openSecret(key.bytes, name, sealed);
    if (value === null) throw this.cannotOpen(name, vault, key);
    registerSecret(value);
    return value;
  }

  /** Seals and stores `value` under `name`, replacing any earlier value. */
  set(name: string, value: string): void {
    assertVaultName(name);
    if (value.length === 0)
      throw new ConfigError('KANSLIST_VAULT_EMPTY_VALUE', `No value was given for ${name}.`, {
        remedy: `Pipe the value in or type it when asked: \`kanslist vault set ${name}\`.`,
      });
    registerSecret(value);
    const key = this.requireKey();
    const vault = readVaultFile(this.location.file);
    if (vault.keyId && vault.keyId !== key.id && Object.keys(vault.secrets).length > 0) {
      throw new ConfigError(
        'KANSLIST_VAULT_WRONG_KEY',
        `The vault's secrets were sealed with another key than the ${key.source}; ${name} was not set, so that one key still opens them all.`,
        {
          where: this.location.file,
          remedy: 'Use the key the vault was made with (KANSLIST_VAULT_KEY or KANSLIST_VAULT_KEY_FILE).',
        },
      );
    }
    vault.keyId = key.id;
    vault.secrets[name] = sealSecret(key.bytes, name, value);
    writeVaultFile(this.location.file, vault);
  }

  /**
   * Moves the value of `from` to `to` and removes `from`, in one atomic write of the file: a
   * pending password that proved right becomes the current one, and no crash can leave neither.
   * With `value`, `to` gets that value, and `from` is removed only if it still holds it (another
   * rotation may have stored its own pending password since). False when there is no `from`.
   */
  promote(from: string, to: string, value?: string): boolean {
    assertVaultName(to);
    const pending = this.get(from);
    const next = value ?? pending;
    if (next === undefined) return false;
    const key = this.requireKey();
    const vault = readVaultFile(this.location.file);
    vault.keyId = key.id;
    vault.secrets[to] = sealSecret(key.bytes, to, next);
    if (pending === next) delete vault.secrets[from];
    writeVaultFile(this.location.file, vault);
    return pending !== undefined;
  }

  /** Removes a secret; false when there was none by that name. */
  remove(name: string): boolean {
    const vault = readVaultFile(this.location.file);
    if (!Object.hasOwn(vault.secrets, name)) return false;
    delete vault.secrets[name];
    if (Object.keys(vault.secrets).length === 0) vault.keyId = null;
    writeVaultFile(this.location.file, vault);
    return true;
  }

  private loadKey(): VaultKey | null {
    if (this.key === undefined) this.key = loadVaultKey(this.location.keyFile, this.env);
    return this.key;
  }

  private requireKey(): VaultKey {
    this.key ??= requireVaultKey(this.location.keyFile, this.env);
    return this.key;
  }

  private noKeyFor(name: string): ConfigError {
    return new ConfigError(
      'KANSLIST_VAULT_NO_KEY',
      `The vault holds ${name}, but there is no key to open it: KANSLIST_VAULT_KEY is not set and ${this.location.keyFile} does not exist.`,
      {
        where: this.location.file,
        remedy: 'Set KANSLIST_VAULT_KEY or KANSLIST_VAULT_KEY_FILE to the key the vault was made with.',
      },
    );
  }

  private cannotOpen(name: string, vault: VaultFile, key: VaultKey): ConfigError {
    const setAgain = `\`kanslist vault set ${name}\``;
    if (vault.keyId && vault.keyId !== key.id) {
      return new ConfigError(
        'KANSLIST_VAULT_WRONG_KEY',
        `The secret ${name} cannot be opened: the vault was sealed with another key than the ${key.source}.`,
        {
          where: this.location.file,
          remedy: `Use the vault's own key (KANSLIST_VAULT_KEY or KANSLIST_VAULT_KEY_FILE). If it is lost, move ${this.location.file} aside and set each secret again: ${setAgain}.`,
        },
      );
    }
    return new ConfigError(
      'KANSLIST_VAULT_TAMPERED',
      `The secret ${name} cannot be opened: its ciphertext, IV, tag or name was changed after it was set (or the key is wrong).`,
      {
        where: this.location.file,
        remedy: `Set it again with ${setAgain}, and find out who changed the vault file.`,
      },
    );
  }
}

export function assertVaultName(name: string): void {
  if (NAME.test(name) && name.length <= 200) return;
  throw new ConfigError(
    'KANSLIST_VAULT_NAME_INVALID',
    `"${name}" is not a vault name: use letters, digits, _ and -, in parts separated by dots.`,
    {
      remedy: 'Credentials are named <system>.username and <system>.password (then <system>.username.2 …), e.g. casehub.password.',
    },
  );
}
