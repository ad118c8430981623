/**
 * The contract between report definitions (the top-level `reports/` folder, which an organisation may
 * copy and edit) and the framework that runs them (`kanslist report …`, the demo).
 *
 * A definition receives everything it needs in a ReportContext — it opens nothing itself — so the same
 * definition works from the CLI, a schedule or a test, on SQLite or PostgreSQL.
 */
import type { Language } from '../config/config.ts';
import type { LoadedConfig } from '../config/load.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../store/types.ts';
import type { LocaleFormat } from './i18n/index.ts';

export type ReportFormat = 'pdf' | 'xlsx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx'];

export interface ReportContext {
  config: LoadedConfig;
  /** Open store; the caller closes it. Reports only read from it. */
  store: Store;
  language: Language;
  /** Numbers, dates and durations in `language` and `config.timeZone`. */
  format: LocaleFormat;
  /** Folder the files are written to; it exists when render is called. */
  outDir: string;
  /** The formats asked for: a subset of the definition's `formats`. */
  formats: ReportFormat[];
  log: Logger;
  /** "Now" for the report (epoch ms): the generated-at line and default periods. */
  now: number;
}

export interface ReportFile {
  format: ReportFormat;
  /** Absolute path of the written file. */
  path: string;
}

export interface ReportDefinition<P> {
  /** The name used on the command line, e.g. 'run', 'time-saved', 'exceptions'. */
  name: string;
  /** Which formats it can write. */
  formats: ReportFormat[];
  /** Written when no `--format` is given. */
  defaultFormats: ReportFormat[];
  /** Writes one file per format in `ctx.formats` into `ctx.outDir` and returns them. */
  render(ctx: ReportContext, params: P): Promise<ReportFile[]>;
}

/** Identity function that gives a report definition its type (and a place to check it once). */
export function defineReport<P>(definition: ReportDefinition<P>): ReportDefinition<P> {
  return definition;
}
