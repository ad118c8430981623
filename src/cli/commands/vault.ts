/**
 * `kanslist vault init|set|list|rm|rotate`: the encrypted credentials vault. Values go in, never out:
 * no command prints a secret, and `list` shows names and when they were set. The work is in
 * ./vault-action.ts, loaded when a subcommand runs.
 */
import type { Command } from 'commander';
import { intOption } from '../options.ts';

export function registerVaultCommand(program: Command): void {
  const vault = program
    .command('vault')
    .description(
      'The encrypted credentials vault (AES-256-GCM). Key: env KANSLIST_VAULT_KEY or the key file (KANSLIST_VAULT_KEY_FILE, default var/vault.key); file: KANSLIST_VAULT_FILE, default var/vault.json',
    );
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
    .command('rotate <system>')
    .description(
      "Give a robot account a new password: generated to the map's passwordPolicy, kept as pending in the vault, changed in the system with the map's changePassword, verified by a login, then made current. A crash at any step never locks the robot out",
    )
    .option(
      '--account <n>',
      'which robot account: 1 for <system>.password, 2 for <system>.password.2 … (default 1)',
      intOption('--account', 1),
    )
    .option(
      '--timeout <ms>',
      "how long each step in the system is waited for (default: the system map's timeoutMs)",
      intOption('--timeout', 1),
    )
    .option('--db <url>', 'store URL for the audit record (sqlite:path or postgres://…); overrides the config')
    .addHelpText(
      'after',
      '\nExit codes: 0 rotated, 2 usage or configuration error (nothing changed), 3 the rotation failed (see the message: the robot still logs in).\n',
    )
    .action(async (system: string, o: { account?: number; timeout?: number; db?: string }) =>
      (await import('./vault-rotate-action.ts')).runVaultRotate(system, o),
    );
  vault
    .command('rm <name>')
    .description('Remove a secret')
    .action(async (name: string) => (await import('./vault-action.ts')).runVaultRm(name));
}
