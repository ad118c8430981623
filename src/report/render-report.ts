/**
 * Running a report definition: the language and formats checked, the output folder made, the
 * context built. The CLI, the demo and tests all go through here, so a definition sees the same
 * context wherever it runs.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '../log/logger.ts';
import type { LoadedConfig } from '../config/load.ts';
import { ConfigError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import { REPORT_FORMATS, type ReportContext, type ReportDefinition, type ReportFile, type ReportFormat } from './define.ts';
import { localeFormat, parseLanguage, type Language } from './i18n/index.ts';

export interface RenderReportOptions {
  config: LoadedConfig;
  store: Store;
  log: Logger;
  /** As typed (`--lang`); config.language when undefined. Checked with parseLanguage. */
  language?: string | undefined;
  /** As typed (`--format pdf,xlsx`); the definition's defaultFormats when undefined. */
  formats?: string | undefined;
  /** @default <var>/reports */
  outDir?: string | undefined;
  /** @default Date.now() */
  now?: number | undefined;
}

/** Renders `definition` with `params` and returns the files written. */
export async function renderReport<P>(definition: ReportDefinition<P>, params: P, options: RenderReportOptions): Promise<ReportFile[]> {
  const ctx = reportContext(definition, options);
  mkdirSync(ctx.outDir, { recursive: true });
  return definition.render(ctx, params);
}

export function reportContext(definition: ReportDefinition<unknown>, options: RenderReportOptions): ReportContext {
  const { config } = options;
  const language = reportLanguage(options.language, config);
  return {
    config,
    store: options.store,
    language,
    format: localeFormat(language, config.timeZone),
    outDir: options.outDir === undefined ? defaultReportDir(config) : resolve(options.outDir),
    formats: options.formats === undefined ? [...definition.defaultFormats] : parseFormats(options.formats, definition),
    log: options.log,
    now: options.now ?? Date.now(),
  };
}

/** Where generated reports go unless `--out` says otherwise. */
export function defaultReportDir(config: LoadedConfig): string {
  return join(config.paths.var, 'reports');
}

/** `--lang` when given, else the configured language; each named in the error when unknown. */
export function reportLanguage(value: string | undefined, config: LoadedConfig): Language {
  return value === undefined ? parseLanguage(config.language, 'kanslist.config.ts › language') : parseLanguage(value, '--lang');
}

/** 'pdf,xlsx' → ['pdf', 'xlsx'], each one a format this report can write. */
export function parseFormats(value: string, definition: ReportDefinition<unknown>): ReportFormat[] {
  const asked = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== '');
  if (asked.length === 0) throw formatError(value, definition);
  for (const format of asked) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format) || !definition.formats.includes(format as ReportFormat))
      throw formatError(format, definition);
  }
  return [...new Set(asked as ReportFormat[])];
}

function formatError(value: string, definition: ReportDefinition<unknown>): ConfigError {
  return new ConfigError('KANSLIST_REPORT_FORMAT', `The ${definition.name} report cannot be written as "${value}".`, {
    where: '--format',
    remedy: `Give one or more of ${definition.formats.join(', ')}, separated by commas (e.g. --format ${definition.formats.join(',')}).`,
  });
}

/** True for what defineReport returns: how the CLI checks a module under reports/ before running it. */
export function isReportDefinition(value: unknown): value is ReportDefinition<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<ReportDefinition<unknown>>;
  return typeof d.name === 'string' && typeof d.render === 'function' && Array.isArray(d.formats) && Array.isArray(d.defaultFormats);
}
