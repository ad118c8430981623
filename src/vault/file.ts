/**
 * The vault file: JSON with one sealed entry per name, the cipher and the key's fingerprint.
 * Written atomically (a 0600 temp file, fsync, rename) so a crash never leaves half a vault.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../errors.ts';
import { CIPHER, type SealedSecret } from './cipher.ts';

export interface VaultFile {
  version: 1;
  cipher: typeof CIPHER;
  /** Fingerprint of the key the secrets were sealed with (see key.ts); null while empty. */
  keyId: string | null;
  secrets: Record<string, SealedSecret>;
}

export function emptyVault(): VaultFile {
  return { version: 1, cipher: CIPHER, keyId: null, secrets: {} };
}

/** The vault file's contents; an empty vault when the file does not exist yet. */
export function readVaultFile(file: string): VaultFile {
  if (!existsSync(file)) return emptyVault();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw broken(file, 'it is not valid JSON', cause);
  }
  return checkShape(parsed, file);
}

export function writeVaultFile(file: string, vault: VaultFile): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(vault, null, 2)}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
}

function checkShape(value: unknown, file: string): VaultFile {
  if (!isObject(value) || value.version !== 1) throw broken(file, 'it has no "version": 1');
  if (value.cipher !== CIPHER) throw broken(file, `its cipher is ${JSON.stringify(value.cipher)}, not "${CIPHER}"`);
  if (!isObject(value.secrets)) throw broken(file, 'it has no "secrets" object');
  for (const [name, entry] of Object.entries(value.secrets)) {
    const ok = isObject(entry) && ['iv', 'tag', 'data', 'setAt'].every((k) => typeof entry[k] === 'string');
    if (!ok) throw broken(file, `the entry "${name}" lacks iv, tag, data or setAt`);
  }
  return {
    version: 1,
    cipher: CIPHER,
    keyId: typeof value.keyId === 'string' ? value.keyId : null,
    secrets: value.secrets as Record<string, SealedSecret>,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function broken(file: string, why: string, cause?: unknown): ConfigError {
  return new ConfigError('KANSLIST_VAULT_BROKEN', `The vault file cannot be read: ${why}.`, {
    where: file,
    remedy: 'Restore the file from a backup, or move it aside and set the secrets again with `kanslist vault set <name>`.',
    cause,
  });
}
