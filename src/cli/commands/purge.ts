/**
 * `kanslist purge`: removes evidence, logs, payloads and audit records' personal fields past their
 * retention period (kanslist.config.ts `retention`). The work is in ./purge-action.ts.
 */
import type { Command } from 'commander';

export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description(
      'Remove what is past its retention period (traces, screenshots, HTML, letters, logs, payloads, personal fields of audit records)',
    )
    .option('--dry-run', 'say what would go, with sizes, and change nothing')
    .option('--db <url>', 'store URL')
    .option('--json', 'print JSON')
    .action(async (o: { dryRun?: boolean; db?: string; json?: boolean }) => (await import('./purge-action.ts')).runPurge(o));
}
