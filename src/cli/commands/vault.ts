/**
 * `kanslist vault init|set|list|rm`: the encrypted credentials vault. Values go in, never out:
 * no command prints a secret, and `list` shows names and when they were set.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { ConfigError } from '../../errors.ts';
import { createKeyFile, openVault, type Vault } from '../../vault/index.ts';
import { readPipedSecret, readTypedSecret } from '../../vault/read-secret.ts';
import { printJson, printTable } from '../table.ts';

export function registerVaultCommand(program: Command): void {
  const vault = program
    .command('vault')
    .description('The encrypted credentials vault (AES-256-GCM). Key: env KANSLIST_VAULT_KEY or the key file (KANSLIST_VAULT_KEY_FILE, default var/vault.key); file: KANSLIST_VAULT_FILE, default var/vault.json');
  vault
    .command('init')
    .description('Create the key file (owner-only, 0600) if there is none; an existing key is never overwritten')
    .action(async () => {
      const { location } = await projectVault();
      if (process.env.KANSLIST_VAULT_KEY) return void console.log('KANSLIST_VAULT_KEY is set: it is the vault key, no key file is needed.');
      if (!createKeyFile(location.keyFile)) return void console.log(`The key file already exists and was left as it is: ${location.keyFile}`);
      console.log(`Created the vault key file ${location.keyFile} (mode 0600). Keep a copy somewhere safe: without it the vault cannot be opened.`);
    });
  vault
    .command('set <name>')
    .description('Set a secret, e.g. casehub.password: typed without echo at a terminal, or piped on stdin')
    .option('--value <value>', 'the value on the command line (visible in shell history and process lists; prefer stdin)')
    .action(async (name: string, o: { value?: string }) => {
      const store = await projectVault();
      const value = o.value ?? (await readValue(name));
      store.set(name, value);
      console.log(`Set ${name} in ${store.location.file}.`);
    });
  vault
    .command('list')
    .description('The names of the secrets and when each was set (never their values)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const entries = (await projectVault()).list();
      if (o.json) return printJson(entries);
      printTable(entries.map((e) => ({ name: e.name, 'set at': e.setAt })), ['name', 'set at']);
    });
  vault
    .command('rm <name>')
    .description('Remove a secret')
    .action(async (name: string) => {
      const store = await projectVault();
      if (!store.remove(name)) {
        throw new ConfigError('KANSLIST_VAULT_NOT_FOUND', `The vault holds no secret named ${name}.`, { where: store.location.file, remedy: 'See `kanslist vault list`.' });
      }
      console.log(`Removed ${name} from ${store.location.file}.`);
    });
}

async function projectVault(): Promise<Vault> {
  const config = await loadConfig();
  return openVault({ env: process.env, varDir: config.paths.var });
}

function readValue(name: string): Promise<string> {
  if (process.stdin.isTTY) return readTypedSecret(`Value for ${name} (not shown): `);
  return readPipedSecret();
}
