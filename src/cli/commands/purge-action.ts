/** What `kanslist purge` does, loaded only when it runs. */
import { purge, type PurgeResult } from '../../audit/purge.ts';
import { auditKeyFromEnv } from '../../audit/trail.ts';
import { ConfigError } from '../../errors.ts';
import { localTime, printJson, printTable } from '../table.ts';
import { withStore } from '../with-store.ts';

export function runPurge(o: { dryRun?: boolean; db?: string; json?: boolean }): Promise<void> {
  return withStore(o.db, async (store, config) => {
    if (config.retention === undefined || Object.keys(config.retention).length === 0) {
      throw new ConfigError('KANSLIST_RETENTION_NONE', 'No retention periods are configured, so nothing is ever past its period.', {
        where: 'kanslist.config.ts',
        remedy: "Set e.g. retention: { traces: '30d', screenshots: '30d', payloads: '1y' } (see docs/operators.md, Retention).",
      });
    }
    const result = await purge(store, {
      varDir: config.paths.var,
      retention: config.retention,
      now: Date.now(),
      dryRun: o.dryRun === true,
      key: auditKeyFromEnv(),
    });
    if (o.json) return printJson(result);
    print(result, config.timeZone);
  });
}

function print(result: PurgeResult, timeZone: string): void {
  const verb = result.dryRun ? 'would remove' : 'removed';
  printTable(
    result.lines.map((l) => ({ kind: l.kind, rule: l.rule, period: l.period, [verb]: l.count, size: formatBytes(l.bytes) })),
    ['kind', 'rule', 'period', verb, 'size'],
  );
  const total = result.lines.reduce((sum, l) => sum + l.bytes, 0);
  const count = result.lines.reduce((sum, l) => sum + l.count, 0);
  if (result.dryRun)
    console.log(`Dry run at ${localTime(result.at, timeZone)}: ${count} entries, ${formatBytes(total)} would go. Nothing was changed.`);
  else if (result.purgeId === null) console.log('Nothing was past its retention period.');
  else console.log(`Purged ${count} entries (${formatBytes(total)}); recorded on the audit trail as ${result.purgeId}.`);
  if (result.keptOldAuditRecords > 0) {
    console.log(
      `${result.keptOldAuditRecords} audit records past their period were written before retention existed: their hash covers their values, so they are kept to keep the chain verifiable.`,
    );
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
