/**
 * Which report definition `kanslist report <name>` and the demo render: Kanslist's built-in run,
 * time-saved and exceptions reports, unless the project's reports/ folder holds a file of the same
 * name (then that file replaces it), plus the project's own reports found in reports/*.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Logger } from '../log/logger.ts';
import type { LoadedConfig } from '../config/load.ts';
import { ConfigError } from '../errors.ts';
import { BUILTIN_REPORTS, type BuiltinReportName } from '../report/builtin/index.ts';
import type { ReportDefinition, ReportFile } from '../report/define.ts';
import { isReportDefinition, renderReport } from '../report/render-report.ts';
import type { Store } from '../store/types.ts';
import { importUserModule } from '../util/user-module.ts';
import { firstLines } from '../config/import-default.ts';

/** The file in the project's reports/ folder that replaces each built-in report. */
export const REPORT_FILES = {
  run: 'run-report.ts',
  'time-saved': 'time-saved.ts',
  exceptions: 'exceptions.ts',
} as const satisfies Record<BuiltinReportName, string>;
export type ReportName = BuiltinReportName;

export interface ListedReport {
  name: string;
  /** 'built-in', or the project file that defines (or replaces) it. */
  source: string;
  formats: string[];
}

/** The built-in definition, or the project's replacement when reports/<file> exists. */
export async function loadReportDefinition<P>(config: LoadedConfig, name: ReportName): Promise<ReportDefinition<P>> {
  const file = join(config.paths.reports, REPORT_FILES[name]);
  if (!existsSync(file)) return BUILTIN_REPORTS[name] as unknown as ReportDefinition<P>;
  return loadProjectReportFile<P>(file, `the ${name} report (replacing the built-in one)`);
}

/** A report the project defines itself, by its `name` (see {@link listReports}). */
export async function loadProjectReport<P>(config: LoadedConfig, name: string): Promise<ReportDefinition<P>> {
  for (const file of projectReportFiles(config)) {
    const definition = await loadProjectReportFile<P>(file, 'a report definition', true);
    if (definition?.name === name) return definition;
  }
  throw new ConfigError('KANSLIST_REPORT_UNKNOWN', `There is no report named "${name}" in this project.`, {
    where: config.paths.reports,
    remedy: 'See `kanslist report list`; a report file ends with `export default defineReport({ name, ... })`.',
  });
}

/** Every report `kanslist report` can write: the built-in ones (or their replacements) and the project's own. */
export async function listReports(config: LoadedConfig): Promise<ListedReport[]> {
  const listed: ListedReport[] = [];
  const replacing = new Set<string>(Object.values(REPORT_FILES));
  for (const name of Object.keys(BUILTIN_REPORTS) as ReportName[]) {
    const definition = await loadReportDefinition(config, name);
    const file = join(config.paths.reports, REPORT_FILES[name]);
    listed.push({ name, source: existsSync(file) ? file : 'built-in', formats: [...definition.formats] });
  }
  for (const file of projectReportFiles(config)) {
    if (replacing.has(file.slice(config.paths.reports.length + 1))) continue;
    const definition = await loadProjectReportFile(file, 'a report definition', true);
    if (definition) listed.push({ name: definition.name, source: file, formats: [...definition.formats] });
  }
  return listed;
}

function projectReportFiles(config: LoadedConfig): string[] {
  if (!existsSync(config.paths.reports)) return [];
  return readdirSync(config.paths.reports, { withFileTypes: true })
    .filter((entry) => entry.isFile() && extname(entry.name) === '.ts' && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(config.paths.reports, entry.name))
    .sort();
}

async function loadProjectReportFile<P>(file: string, what: string, helpersAllowed?: false): Promise<ReportDefinition<P>>;
async function loadProjectReportFile<P>(file: string, what: string, helpersAllowed: true): Promise<ReportDefinition<P> | undefined>;
async function loadProjectReportFile<P>(file: string, what: string, helpersAllowed = false): Promise<ReportDefinition<P> | undefined> {
  let module: { default?: unknown };
  try {
    module = await importUserModule(file);
  } catch (cause) {
    throw new ConfigError(
      'KANSLIST_REPORT_DEFINITION_BROKEN',
      `The file of ${what} could not be loaded: ${cause instanceof Error ? firstLines(cause.message) : String(cause)}`,
      {
        where: file,
        remedy: 'Fix the error in the file (run `npx tsc --noEmit` for details).',
        cause,
      },
    );
  }
  if (isReportDefinition(module.default)) return module.default;
  // Files beside the definitions (message catalogues, shared texts) export no report: not an error when listing.
  if (helpersAllowed && module.default === undefined) return undefined;
  throw new ConfigError('KANSLIST_REPORT_DEFINITION_INVALID', `The file of ${what} does not export a report definition.`, {
    where: file,
    remedy: 'Write `export default defineReport({ name, formats, defaultFormats, render })` (see docs/reports.md).',
  });
}

export interface RunReportOptions {
  config: LoadedConfig;
  store: Store;
  log: Logger;
  lang?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  now?: number | undefined;
}

/** Finds the named report (built-in or its replacement) and renders it. */
export async function runProjectReport<P>(name: ReportName, params: P, o: RunReportOptions): Promise<ReportFile[]> {
  return renderWith(await loadReportDefinition<P>(o.config, name), params, o);
}

export function renderWith<P>(definition: ReportDefinition<P>, params: P, o: RunReportOptions): Promise<ReportFile[]> {
  return renderReport(definition, params, {
    config: o.config,
    store: o.store,
    log: o.log,
    language: o.lang,
    formats: o.format,
    outDir: o.out,
    now: o.now,
  });
}
