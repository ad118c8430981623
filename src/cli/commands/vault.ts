/**
 * `kanslist vault init|set|list|rm`: the encrypted credentials vault. Values go in, never out:
 * no command prints a secret, and `list` shows names and when they were set. The work is in
 * ./vault-action.ts, loaded when a subcommand runs.
 */
import type { Command } from 'commander';

export function registerVaultCommand(program: Command): void {
  const vault = program
    .command('vault')
    .description('The encrypted credentials vault (AES-256-GCM). Key: env KANSLIST_VAULT_KEY or the key file (KANSLIST_VAULT_KEY_FILE, default var/vault.key); file: KANSLIST_VAULT_FILE, default var/vault.json');
  vault
    .command('init')
    .description('Create the key file (owner-only, 0600) if there is none; an existing key is never overwritten')
    .action(async () => (await import('./vault-action.ts')).runVaultInit());
  vault
    .command('set <name>')
    .description('Set a secret, e.g. casehub.password: typed without echo at a terminal, or piped on stdin')
    .option('--value <value>', 'the value on the command line (visible in shell history and process lists; prefer stdin)')
    .action(async (name: string, o: { value?: string }) => (await import('./vault-action.ts')).runVaultSet(name, o));
  vault
    .command('list')
    .description('The names of the secrets and when each was set (never their values)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => (await import('./vault-action.ts')).runVaultList(o));
  vault
    .command('rm <name>')
    .description('Remove a secret')
    .action(async (name: string) => (await import('./vault-action.ts')).runVaultRm(name));
}
