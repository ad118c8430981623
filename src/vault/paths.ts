/**
 * Where the vault and its key live: env KANSLIST_VAULT_FILE / KANSLIST_VAULT_KEY_FILE, else
 * `vault.json` and `vault.key` in the project's var folder.
 */
import { join, resolve } from 'node:path';

export interface VaultLocation {
  /** The encrypted secrets. Env KANSLIST_VAULT_FILE. @default '<var>/vault.json' */
  file: string;
  /** The key file, used when env KANSLIST_VAULT_KEY is not set. Env KANSLIST_VAULT_KEY_FILE. @default '<var>/vault.key' */
  keyFile: string;
}

export interface VaultLocationOptions {
  env?: NodeJS.ProcessEnv;
  /** The project's var folder (config `paths.var`). @default env KANSLIST_VAR_DIR, else './var' */
  varDir?: string | undefined;
}

export function vaultLocation(options: VaultLocationOptions = {}): VaultLocation {
  const env = options.env ?? process.env;
  const varDir = resolve(options.varDir ?? env.KANSLIST_VAR_DIR ?? 'var');
  return {
    file: resolve(env.KANSLIST_VAULT_FILE || join(varDir, 'vault.json')),
    keyFile: resolve(env.KANSLIST_VAULT_KEY_FILE || join(varDir, 'vault.key')),
  };
}
