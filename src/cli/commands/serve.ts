/**
 * `kanslist serve`: the control room (web) for operators, clerks, managers and auditors, and
 * `kanslist users` to manage its local accounts. The work is in ./serve-action.ts and
 * ./users-action.ts, loaded when a command runs.
 */
import type { Command } from 'commander';
import { portOption } from '../options.ts';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the control room, a web application over the store (loopback only unless --host says otherwise)')
    .option('--port <n>', 'port to listen on (0 = any free port)', portOption('--port'), 8800)
    .option('--host <address>', 'address to listen on; behind a TLS reverse proxy keep 127.0.0.1', '127.0.0.1')
    .option('--trust-proxy', 'trust X-Forwarded-* from the reverse proxy in front (then cookies are Secure over its TLS)')
    .option('--db <url>', 'store URL (overrides config and KANSLIST_DB)')
    .action(async (o: { port: number; host: string; trustProxy?: boolean; db?: string }) =>
      (await import('./serve-action.ts')).runServe(o),
    );

  const users = program.command('users').description("The control room's local accounts: roles viewer, clerk, operator, auditor, admin");
  users
    .command('add <username>')
    .description('Add an account; the password is typed without echo at a terminal, or piped on stdin')
    .requiredOption('--role <roles>', 'one or more of viewer, clerk, operator, auditor, admin, separated by commas')
    .option('--bot <bots>', 'for a clerk: the bots whose review queue they work, separated by commas')
    .option('--name <display name>', 'the name shown in the control room and on the audit trail')
    .option('--db <url>', 'store URL (overrides config and KANSLIST_DB)')
    .action(async (username: string, o: { role: string; bot?: string; name?: string; db?: string }) =>
      (await import('./users-action.ts')).runUsersAdd(username, o),
    );
  users
    .command('passwd <username>')
    .description("Set a new password (typed or piped); ends the account's sessions")
    .option('--db <url>', 'store URL')
    .action(async (username: string, o: { db?: string }) => (await import('./users-action.ts')).runUsersPasswd(username, o));
  users
    .command('rm <username>')
    .description('Remove an account and end its sessions')
    .option('--db <url>', 'store URL')
    .action(async (username: string, o: { db?: string }) => (await import('./users-action.ts')).runUsersRm(username, o));
  users
    .command('list')
    .description('The accounts with their roles and bots (never a password hash)')
    .option('--json', 'print JSON')
    .option('--db <url>', 'store URL')
    .action(async (o: { json?: boolean; db?: string }) => (await import('./users-action.ts')).runUsersList(o));
}
