/**
 * Loading the report definitions of the project (the top-level reports/ folder) at run time and
 * running one: src/ never imports them statically, because an organisation may edit or replace
 * them. Shared by `kanslist report` and the demo.
 */
import { join, relative } from 'node:path';
import type { Logger } from '../audit/logger.ts';
import type { LoadedConfig } from '../config/load.ts';
import { ConfigError } from '../errors.ts';
import type { ReportDefinition, ReportFile } from '../report/define.ts';
import { isReportDefinition, renderReport } from '../report/render-report.ts';
import type { Store } from '../store/types.ts';
import { importProjectModule } from './project-module.ts';

/** The file under the reports folder for each built-in report name. */
export const REPORT_FILES = {
  run: 'run-report.ts',
  'time-saved': 'time-saved.ts',
  exceptions: 'exceptions.ts',
} as const;
export type ReportName = keyof typeof REPORT_FILES;

export async function loadReportDefinition<P>(config: LoadedConfig, name: ReportName): Promise<ReportDefinition<P>> {
  const file = join(config.paths.reports, REPORT_FILES[name]);
  const module = await importProjectModule<{ default?: unknown }>(config.root, relative(config.root, file), `The ${name} report definition (${REPORT_FILES[name]})`);
  if (!isReportDefinition(module.default)) {
    throw new ConfigError('KANSLIST_REPORT_DEFINITION_INVALID', `The ${name} report file does not export a report definition.`, {
      where: file,
      remedy: 'Write `export default defineReport({ name, formats, defaultFormats, render })` (see reports/README.md).',
    });
  }
  return module.default as ReportDefinition<P>;
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

/** Loads the named definition from the project and renders it. */
export async function runProjectReport<P>(name: ReportName, params: P, o: RunReportOptions): Promise<ReportFile[]> {
  const definition = await loadReportDefinition<P>(o.config, name);
  return renderReport(definition, params, { config: o.config, store: o.store, log: o.log, language: o.lang, formats: o.format, outDir: o.out, now: o.now });
}
