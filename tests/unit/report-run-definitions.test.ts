/**
 * How `kanslist report` and the demo find and run report definitions: the built-in ones, a
 * project's replacement of one (a file of the same name in reports/) and the project's own reports,
 * language and formats checked with errors that name the option, and
 * the time-saved period built from --month / --quarter / --from --to.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { timeSavedParams } from '../../src/cli/commands/report.ts';
import { listReports, loadProjectReport, loadReportDefinition, renderWith, runProjectReport } from '../../src/cli/report-definitions.ts';
import { BUILTIN_REPORTS } from '../../src/report/builtin/index.ts';
import type { LoadedConfig } from '../../src/config/load.ts';
import { parseFormats, reportLanguage } from '../../src/report/render-report.ts';
import type { Store } from '../../src/store/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { openSeedStore, seedRun } from './report-run-seed.ts';

const tempDir = useTempDir('kanslist-report-defs-');
const log = createLogger({ level: 'error', console: false });
let store: Store;
let config: LoadedConfig;

beforeEach(async () => {
  ({ store, config } = await openSeedStore(tempDir()));
});
afterEach(async () => {
  await store.close();
});

describe('report definitions from the project', () => {
  it('uses the three built-in definitions when the project replaces none', async () => {
    for (const [name, formats] of [
      ['run', ['pdf', 'xlsx']],
      ['time-saved', ['pdf', 'xlsx']],
      ['exceptions', ['xlsx']],
    ] as const) {
      const definition = await loadReportDefinition(config, name);
      expect(definition).toBe(BUILTIN_REPORTS[name]);
      expect(definition.defaultFormats).toEqual(formats);
    }
  });

  it('writes all three into <var>/reports by default, as the demo does', async () => {
    const { runId } = await seedRun(store, config);
    const now = Date.now();
    const options = { config, store, log, now };
    const month = timeSavedParams(
      { month: `${new Date(now).getFullYear()}-${String(new Date(now).getMonth() + 1).padStart(2, '0')}` },
      config.timeZone,
    );
    const files = [
      ...(await runProjectReport('run', { runId }, options)),
      ...(await runProjectReport('time-saved', month, { ...options, format: 'xlsx' })),
      ...(await runProjectReport('exceptions', {}, options)),
    ];
    expect(files.map((f) => f.format)).toEqual(['pdf', 'xlsx', 'xlsx', 'xlsx']);
    for (const file of files) {
      expect(file.path.startsWith(join(config.paths.var, 'reports'))).toBe(true);
      expect(existsSync(file.path)).toBe(true);
    }
  });

  it('names a reports/ file that is not a report definition', async () => {
    const root = join(tempDir(), 'project');
    mkdirSync(join(root, 'reports'), { recursive: true });
    writeFileSync(join(root, 'reports', 'exceptions.ts'), 'export const nothing = 1;\n');
    const project = { ...config, root, paths: { ...config.paths, reports: join(root, 'reports') } };
    await expect(loadReportDefinition(project, 'exceptions')).rejects.toMatchObject({
      code: 'KANSLIST_REPORT_DEFINITION_INVALID',
      where: join(root, 'reports', 'exceptions.ts'),
    });
    expect(await loadReportDefinition(project, 'run')).toBe(BUILTIN_REPORTS.run);
  });

  it("lists the built-in reports, a project's replacement and its own reports, and renders its own by name", async () => {
    const root = join(tempDir(), 'project');
    mkdirSync(join(root, 'reports'), { recursive: true });
    const reportSource = (name: string, text: string) => `import { defineReport } from 'kanslist/report';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export default defineReport<{ who?: string }>({
  name: '${name}',
  formats: ['pdf'],
  defaultFormats: ['pdf'],
  async render(ctx, params) {
    const path = join(ctx.outDir, '${name}.txt');
    await writeFile(path, \`${text} \${params.who ?? 'nobody'}\`);
    return [{ format: 'pdf', path }];
  },
});
`;
    writeFileSync(join(root, 'reports', 'exceptions.ts'), reportSource('exceptions', 'replaced'));
    writeFileSync(join(root, 'reports', 'backlog.ts'), reportSource('backlog', 'backlog of'));
    writeFileSync(join(root, 'reports', 'backlog-messages.ts'), 'export const words = { en: "backlog" };\n');
    const project = { ...config, root, paths: { ...config.paths, reports: join(root, 'reports') } };

    const listed = await listReports(project);
    expect(listed.map((r) => [r.name, r.source === 'built-in' ? 'built-in' : 'project'])).toEqual([
      ['run', 'built-in'],
      ['time-saved', 'built-in'],
      ['exceptions', 'project'],
      ['backlog', 'project'],
    ]);

    const files = await renderWith(await loadProjectReport(project, 'backlog'), { who: 'Solna' }, { config: project, store, log });
    expect(readFileSync(files[0]!.path, 'utf8')).toBe('backlog of Solna');
    await expect(loadProjectReport(project, 'nothing')).rejects.toMatchObject({ code: 'KANSLIST_REPORT_UNKNOWN' });
  });
});

describe('report options', () => {
  const definition = {
    name: 'exceptions',
    formats: ['xlsx', 'pdf'] as Array<'xlsx' | 'pdf'>,
    defaultFormats: ['xlsx'] as Array<'xlsx' | 'pdf'>,
    render: () => Promise.resolve([]),
  };

  it('takes formats in any case and order, once each, and refuses others naming --format', () => {
    expect(parseFormats('PDF, xlsx,pdf', definition)).toEqual(['pdf', 'xlsx']);
    expect(() => parseFormats('docx', definition)).toThrow(expect.objectContaining({ code: 'KANSLIST_REPORT_FORMAT', where: '--format' }));
    expect(() => parseFormats(',', definition)).toThrow(expect.objectContaining({ code: 'KANSLIST_REPORT_FORMAT' }));
  });

  it('uses --lang, else the configured language, and names which one is wrong', () => {
    expect(reportLanguage('De', config)).toBe('de');
    expect(reportLanguage(undefined, { ...config, language: 'da' })).toBe('da');
    expect(() => reportLanguage('fi', config)).toThrow(expect.objectContaining({ code: 'KANSLIST_LANGUAGE_UNKNOWN', where: '--lang' }));
  });

  it('builds the time-saved period from a month, a quarter or two dates, in the configured zone', () => {
    const nov = timeSavedParams({ month: '2026-11' }, 'Europe/Stockholm');
    expect(nov).toEqual({
      from: Date.UTC(2026, 9, 31, 23),
      to: Date.UTC(2026, 10, 30, 23),
      label: '2026-11',
      bot: undefined,
      bucket: 'week',
    });
    const q4 = timeSavedParams({ quarter: '2026-Q4', bot: 'x' }, 'Europe/Stockholm');
    expect([q4.from, q4.label, q4.bot, q4.bucket]).toEqual([Date.UTC(2026, 8, 30, 22), '2026-Q4', 'x', 'week']);
    expect(timeSavedParams({ from: '2026-01-01', to: '2027-01-01' }, 'Europe/Stockholm').bucket).toBe('month');
    expect(timeSavedParams({ from: '2026-01-01', to: '2026-02-01', bucket: 'month' }, 'Europe/Stockholm').bucket).toBe('month');
    expect(() => timeSavedParams({ month: '2026-11', quarter: '2026-Q4' }, 'Europe/Stockholm')).toThrow(
      expect.objectContaining({ code: 'KANSLIST_USAGE' }),
    );
    expect(() => timeSavedParams({}, 'Europe/Stockholm')).toThrow(expect.objectContaining({ code: 'KANSLIST_USAGE' }));
    expect(() => timeSavedParams({ from: '2026-01-01' }, 'Europe/Stockholm')).toThrow(expect.objectContaining({ code: 'KANSLIST_USAGE' }));
    expect(() => timeSavedParams({ month: '2026-13' }, 'Europe/Stockholm')).toThrow(
      expect.objectContaining({ code: 'KANSLIST_REPORT_PERIOD_INVALID' }),
    );
  });
});
