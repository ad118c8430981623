/**
 * `kanslist audit verify|export|person|checkpoint`: checking the hash chain, exporting a run's
 * records, answering an access request (every action about one person across runs), and writing
 * the external checkpoint. The work is in ./audit-action.ts, loaded when a subcommand runs.
 */
import { type Command, InvalidArgumentError } from 'commander';

export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description('The audit trail: verify its hash chain, export a run, find every action about a person');
  registerVerify(audit);
  registerExport(audit);
  registerPerson(audit);
  registerCheckpoint(audit);
}

function registerCheckpoint(audit: Command): void {
  audit
    .command('checkpoint')
    .description("Write the ledger of chains' latest entry to the configured checkpoint destinations (audit.checkpoint)")
    .option('--db <url>', 'store URL')
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; json?: boolean }) => (await import('./audit-action.ts')).runAuditCheckpoint(o));
}

function registerVerify(audit: Command): void {
  audit
    .command('verify [run]')
    .description('Check that no audit record was changed, removed, reordered or inserted (exit 1 if any was)')
    .option('--all', 'verify every run')
    .option('--db <url>', 'store URL')
    .option('--json', 'print JSON')
    .action(async (runRef: string | undefined, o: { all?: boolean; db?: string; json?: boolean }) =>
      (await import('./audit-action.ts')).runAuditVerify(runRef, o),
    );
}

function registerExport(audit: Command): void {
  audit
    .command('export <run>')
    .description("Export a run's audit records (identity numbers masked unless --personal)")
    .requiredOption('--format <format>', 'jsonl or xlsx', formatOption)
    .option('--out <file>', 'where to write it (default: var/audit/<run>.<format>)')
    .option('--personal', 'keep identity numbers in clear (for a data protection officer)')
    .option('--db <url>', 'store URL')
    .action(async (runRef: string, o: { format: 'jsonl' | 'xlsx'; out?: string; personal?: boolean; db?: string }) =>
      (await import('./audit-action.ts')).runAuditExport(runRef, o),
    );
}

function formatOption(value: string): 'jsonl' | 'xlsx' {
  if (value !== 'jsonl' && value !== 'xlsx') throw new InvalidArgumentError('--format must be jsonl or xlsx.');
  return value;
}

function registerPerson(audit: Command): void {
  audit
    .command('person <idNumber>')
    .description('Every recorded action about one person across runs (personnummer, samordningsnummer or CPR, any form)')
    .option('--db <url>', 'store URL')
    .option('--json', 'print JSON')
    .action(async (idNumber: string, o: { db?: string; json?: boolean }) =>
      (await import('./audit-action.ts')).runAuditPerson(idNumber, o),
    );
}
