/** What `kanslist vault init|set|list|rm` do, loaded only when one of them runs. */
import { loadConfig } from '../../config/load.ts';
import { ConfigError } from '../../errors.ts';
import { createKeyFile, openVault, type Vault } from '../../vault/index.ts';
import { readPipedSecret, readTypedSecret } from '../../vault/read-secret.ts';
import { localTime, printJson, printTable } from '../table.ts';
import { unusedNameWarning } from './vault-name-check.ts';

export async function runVaultInit(): Promise<void> {
  const { location } = await projectVault();
  if (process.env.KANSLIST_VAULT_KEY) return void console.log('KANSLIST_VAULT_KEY is set: it is the vault key, no key file is needed.');
  if (!createKeyFile(location.keyFile)) return void console.log(`The key file already exists and was left as it is: ${location.keyFile}`);
  console.log(
    `Created the vault key file ${location.keyFile} (mode 0600). Keep a copy somewhere safe: without it the vault cannot be opened.`,
  );
}

export async function runVaultSet(name: string, o: { value?: string }): Promise<void> {
  const config = await loadConfig();
  const store = openVault({ env: process.env, varDir: config.paths.var });
  const value = o.value ?? (await readValue(name));
  store.set(name, value);
  console.log(`Set ${name} in ${store.location.file}.`);
  // Stored all the same: a map may be on its way, or defined inside a bot file.
  const warning = unusedNameWarning(name, config.paths.selectors);
  if (warning) console.error(`kanslist: warning: ${warning}`);
}

export async function runVaultList(o: { json?: boolean }): Promise<void> {
  const config = await loadConfig();
  const entries = (await projectVault()).list();
  if (o.json) return printJson(entries);
  printTable(
    entries.map((e) => ({ name: e.name, 'set at': localTime(Date.parse(e.setAt), config.timeZone) })),
    ['name', 'set at'],
  );
}

export async function runVaultRm(name: string): Promise<void> {
  const store = await projectVault();
  if (!store.remove(name)) {
    throw new ConfigError('KANSLIST_VAULT_NOT_FOUND', `The vault holds no secret named ${name}.`, {
      where: store.location.file,
      remedy: 'See `kanslist vault list`.',
    });
  }
  console.log(`Removed ${name} from ${store.location.file}.`);
}

async function projectVault(): Promise<Vault> {
  const config = await loadConfig();
  return openVault({ env: process.env, varDir: config.paths.var });
}

function readValue(name: string): Promise<string> {
  if (process.stdin.isTTY) return readTypedSecret(`Value for ${name} (not shown): `);
  return readPipedSecret();
}
