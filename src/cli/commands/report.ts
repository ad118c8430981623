/**
 * `kanslist report run|time-saved|exceptions|list|render`: writes a report as PDF and/or XLSX and
 * prints the paths. The three built-in reports ship with Kanslist; a project replaces one with a
 * file of the same name in its reports/ folder, and adds its own there (`report render <name>`).
 * The report toolkit (pdf-lib, exceljs) loads only when a report is written.
 */
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { LoadedConfig } from '../../config/load.ts';
import { ConfigError } from '../../errors.ts';
import type { ReportDefinition, ReportFile } from '../../report/define.ts';
import { defaultBucketSize } from '../../report/time-saved/buckets.ts';
import { periodFromDates, periodFromMonth, periodFromQuarter, type ReportPeriod } from '../../report/time-saved/period.ts';
import type { Store } from '../../store/types.ts';
import type { ReportName } from '../report-definitions.ts';
import { printJson, printTable } from '../table.ts';

interface CommonOptions {
  lang?: string;
  format?: string;
  out?: string;
  db?: string;
  json?: boolean;
}

export interface TimeSavedOptions extends CommonOptions {
  from?: string;
  to?: string;
  month?: string;
  quarter?: string;
  bot?: string;
  bucket?: 'week' | 'month';
}

export function registerReportCommand(program: Command): void {
  const report = program
    .command('report')
    .description('Write a report (PDF and/or Excel) into var/reports: a run, time saved in a period, or the exceptions waiting for clerks');

  withCommonOptions(
    report.command('run <run>').description('What one run did: counts, each item, drift warnings, evidence, the audit trail check'),
    'pdf,xlsx',
  ).action((runRef: string, o: CommonOptions) => writeReport('run', o, () => ({ runId: runRef })));

  withCommonOptions(
    report
      .command('time-saved')
      .description('Clerk hours freed in a period, per bot and in total, with exceptions and their manual cost')
      .option('--from <date>', 'first day of the period, YYYY-MM-DD (with --to)')
      .option('--to <date>', 'the day after the period, YYYY-MM-DD (exclusive: --from 2026-11-01 --to 2026-12-01 is November)')
      .option('--month <month>', 'a calendar month, YYYY-MM')
      .option('--quarter <quarter>', 'a calendar quarter, YYYY-Qn')
      .option('--bot <name>', 'only this bot')
      .addOption(
        new Option('--bucket <bucket>', 'trend by week or month (default: week for a period up to 14 weeks, else month)').choices([
          'week',
          'month',
        ]),
      ),
    'pdf,xlsx',
  ).action((o: TimeSavedOptions) => writeReport('time-saved', o, (config) => timeSavedParams(o, config.timeZone)));

  withCommonOptions(
    report
      .command('exceptions')
      .description('Items waiting for a clerk: reason, evidence folder and the command to close each')
      .option('--bot <name>', 'only this bot'),
    'xlsx[,pdf]',
  ).action((o: CommonOptions & { bot?: string }) => writeReport('exceptions', o, () => ({ bot: o.bot })));

  report
    .command('list')
    .description("Every report this project can write: the built-in ones (or the project's replacements) and the project's own in reports/")
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const [{ loadConfig }, { listReports }] = await Promise.all([import('../../config/load.ts'), import('../report-definitions.ts')]);
      const reports = await listReports(await loadConfig());
      if (o.json) return printJson(reports);
      printTable(
        reports.map((r) => ({ report: r.name, formats: r.formats.join(','), source: r.source })),
        ['report', 'formats', 'source'],
      );
    });

  withCommonOptions(
    report
      .command('render <name>')
      .description("Write one of the project's own reports (reports/*.ts, by its defineReport name)")
      .option('--params <json>', "the report's parameters as a JSON object", '{}'),
    'as the report defines',
  ).action((name: string, o: CommonOptions & { params: string }) =>
    writeWith(
      o,
      async (config) => {
        const { loadProjectReport } = await import('../report-definitions.ts');
        return loadProjectReport(config, name);
      },
      () => parseParams(o.params),
    ),
  );
}

function parseParams(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw new ConfigError('KANSLIST_USAGE', '--params must be a JSON object.', {
    where: '--params',
    remedy: `e.g. --params '{"bot":"invoice-intake"}'.`,
  });
}

function withCommonOptions(command: Command, formats: string): Command {
  return command
    .option('--lang <language>', 'report language: sv, da, de or en (default: config language)')
    .option('--format <formats>', `comma-separated formats (${formats}; default: the report's usual ones)`)
    .option('--out <dir>', 'folder to write to (default: var/reports)')
    .option('--db <url>', 'store URL')
    .option('--json', 'print the written files as JSON');
}

/** 1. Open the store; 2. build the params; 3. render; 4. print the paths. */
function writeReport(name: ReportName, o: CommonOptions, params: (config: LoadedConfig, store: Store) => unknown): Promise<void> {
  return writeWith(
    o,
    async (config) => {
      const { loadReportDefinition } = await import('../report-definitions.ts');
      return loadReportDefinition(config, name);
    },
    params,
  );
}

async function writeWith(
  o: CommonOptions,
  definition: (config: LoadedConfig) => Promise<ReportDefinition<unknown>>,
  params: (config: LoadedConfig, store: Store) => unknown,
): Promise<void> {
  const { withStore } = await import('../with-store.ts');
  return withStore(o.db, async (store, config) => {
    const [{ createLogger }, { renderWith }] = await Promise.all([import('../../log/logger.ts'), import('../report-definitions.ts')]);
    const log = createLogger({ level: config.logLevel, dir: join(config.paths.var, 'logs'), timeZone: config.timeZone, console: false });
    try {
      const files = await renderWith(await definition(config), params(config, store), {
        config,
        store,
        log,
        lang: o.lang,
        format: o.format,
        out: o.out,
      });
      printFiles(files, o.json === true);
    } finally {
      await log.flush();
    }
  });
}

export function printFiles(files: ReportFile[], json: boolean): void {
  if (json) console.log(JSON.stringify(files, null, 2));
  else for (const file of files) console.log(`Wrote ${file.format.toUpperCase()} ${file.path}`);
}

/** The time-saved report's params from the command line: one period, the bot, the trend bucket. */
export function timeSavedParams(
  o: TimeSavedOptions,
  timeZone: string,
): { from: number; to: number; label: string; bot: string | undefined; bucket: 'week' | 'month' } {
  const period = periodOf(o, timeZone);
  return { from: period.from, to: period.to, label: period.label, bot: o.bot, bucket: o.bucket ?? defaultBucketSize(period) };
}

function periodOf(o: TimeSavedOptions, timeZone: string): ReportPeriod {
  const given = [o.from !== undefined || o.to !== undefined, o.month !== undefined, o.quarter !== undefined].filter(Boolean).length;
  if (given !== 1) {
    throw new ConfigError('KANSLIST_USAGE', 'Give the period as --from and --to, or --month, or --quarter (exactly one of them).', {
      where: 'kanslist report time-saved',
      remedy: 'e.g. `kanslist report time-saved --month 2026-11`.',
    });
  }
  if (o.month !== undefined) return periodFromMonth(o.month, timeZone);
  if (o.quarter !== undefined) return periodFromQuarter(o.quarter, timeZone);
  if (o.from === undefined || o.to === undefined) {
    throw new ConfigError('KANSLIST_USAGE', '--from and --to go together.', {
      where: 'kanslist report time-saved',
      remedy: 'e.g. `--from 2026-11-01 --to 2026-12-01` (the end date is exclusive).',
    });
  }
  return periodFromDates(o.from, o.to, timeZone);
}
