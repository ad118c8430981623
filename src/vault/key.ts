/**
 * The vault key: 32 bytes from env KANSLIST_VAULT_KEY (base64 or hex) or from a key file that only
 * its owner may read. A key file others can read is refused: the vault is only as safe as its key.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fchmodSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../errors.ts';

export const KEY_BYTES = 32;

export interface VaultKey {
  bytes: Buffer;
  /** Where the key came from, for messages: 'environment variable KANSLIST_VAULT_KEY' or the key file. */
  source: string;
  /** A short fingerprint stored in the vault file, so a wrong key is told apart from a tampered file. */
  id: string;
}

const HOW_TO_GET_A_KEY = 'Run `kanslist vault init` to create a key file, or set KANSLIST_VAULT_KEY to 32 random bytes (base64 or hex).';

/** The key from the environment, else from the key file; null when neither exists. */
export function loadVaultKey(keyFile: string, env: NodeJS.ProcessEnv = process.env): VaultKey | null {
  const fromEnv = env.KANSLIST_VAULT_KEY;
  if (fromEnv) return makeKey(parseKey(fromEnv, 'environment variable KANSLIST_VAULT_KEY'), 'environment variable KANSLIST_VAULT_KEY');
  if (!existsSync(keyFile)) return null;
  assertOwnerOnly(keyFile);
  return makeKey(parseKey(readFileSync(keyFile, 'utf8'), `key file ${keyFile}`), `key file ${keyFile}`);
}

/** Like loadVaultKey, but a missing key is an error saying how to create one. */
export function requireVaultKey(keyFile: string, env: NodeJS.ProcessEnv = process.env): VaultKey {
  const key = loadVaultKey(keyFile, env);
  if (key) return key;
  throw new ConfigError('KANSLIST_VAULT_NO_KEY', 'There is no vault key: KANSLIST_VAULT_KEY is not set and the key file does not exist.', {
    where: keyFile,
    remedy: HOW_TO_GET_A_KEY,
  });
}

/**
 * Creates a key file with 32 random bytes, owner-only (0600). Never overwrites: an existing key
 * is what the vault was encrypted with. Returns false when the file already existed.
 */
export function createKeyFile(keyFile: string): boolean {
  if (existsSync(keyFile)) return false;
  mkdirSync(dirname(keyFile), { recursive: true });
  let fd: number;
  try {
    fd = openSync(keyFile, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    // The umask could have widened nothing, but a restrictive one must not leave it unreadable to us.
    fchmodSync(fd, 0o600);
    writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** 32 bytes as 64 hex digits or as base64; the value itself never appears in the error. */
export function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    if (bytes.length === KEY_BYTES) return bytes;
  }
  throw new ConfigError(
    'KANSLIST_VAULT_KEY_INVALID',
    `The vault key is not 32 bytes written as base64 or hex (${trimmed.length} characters read).`,
    {
      where: source,
      remedy: HOW_TO_GET_A_KEY,
    },
  );
}

function assertOwnerOnly(keyFile: string): void {
  // POSIX modes only: on Windows, access is governed by ACLs that fs.stat does not report.
  if (process.platform === 'win32') return;
  const mode = statSync(keyFile).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  throw new ConfigError(
    'KANSLIST_VAULT_KEY_EXPOSED',
    `The vault key file can be read by others (mode ${mode.toString(8).padStart(4, '0')}); it must be owner-only.`,
    {
      where: keyFile,
      remedy: `Run \`chmod 600 ${keyFile}\`, and consider rotating the vault key if others may have read it.`,
    },
  );
}

function makeKey(bytes: Buffer, source: string): VaultKey {
  const id = createHmac('sha256', bytes).update('kanslist-vault-key-id').digest('hex').slice(0, 16);
  return { bytes, source, id };
}
