/**
 * The demo's work, loaded only when `kanslist demo` runs: CaseHub, the input generator, the runner
 * and the reports.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type Logger } from '../../log/logger.ts';
import { loadConfig, storeUrl, type LoadedConfig } from '../../config/load.ts';
import type { ReportFile } from '../../report/define.ts';
import { wallClock } from '../../report/i18n/index.ts';
import { defaultReportDir } from '../../report/render-report.ts';
import { periodFromMonth } from '../../report/time-saved/index.ts';
import { runBot } from '../../runner/run.ts';
import { openStore } from '../../store/index.ts';
import { formatSummary } from '../print-summary.ts';
import { createProgress } from '../progress.ts';
import { runProjectReport } from '../report-definitions.ts';
import { demoExitCode } from '../run-exit-code.ts';
import { stopSignal } from '../signals.ts';
import { ConfigError } from '../../errors.ts';
import { PACKAGE_ROOT, packageManifest } from '../../util/package-info.ts';

export interface DemoOptions {
  count: number;
  concurrency: number;
  layout: 'v1' | 'v2' | 'v3';
}

/** `kanslist demo`: 1. CaseHub with mild faults; 2. an e-service export; 3. the bot; 4. CaseHub's own count; 5. the reports. */
export async function runDemo(o: DemoOptions): Promise<void> {
  const { config, bot: DEMO_BOT } = demoProject(await loadConfig());
  const { startCaseHub, CLERK_ACCOUNT, ROBOT_ACCOUNTS, robotAccountsEnv } = await import('../../fixtures/casehub/index.ts');
  const { generateEServiceExport } = await import('../../fixtures/inputs/index.ts');
  // 1. A legacy system on loopback that is slow now and then, sometimes errs, sometimes busy.
  const hub = await startCaseHub({
    port: 0,
    layout: o.layout,
    users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS],
    faults: { latencyMs: 15, jitterMs: 25, error500Rate: 0.02, busyRate: 0.02, noticeAlertRate: 0.3 },
  });
  const stop = stopSignal(() => console.error('\nkanslist: stopping the demo — finishing the items in progress'));
  const log = createLogger({ level: config.logLevel, dir: join(config.paths.var, 'logs'), timeZone: config.timeZone, console: false });
  try {
    console.log(
      `CaseHub (${hub.layout}) is running at ${hub.url} — log in as ${CLERK_ACCOUNT.username} / ${CLERK_ACCOUNT.password} to look around`,
    );
    // 2. Today's export from the e-service: new application ids each time, some rows with errors.
    const seed = Date.now() % 1_000_000_000;
    const exported = await generateEServiceExport({
      count: o.count,
      errorShare: 0.15,
      seed,
      outDir: join(config.paths.var, 'demo', `inputs-${seed}`),
    });
    console.log(`E-service export: ${exported.xlsxPath} (${exported.validCount} valid, ${exported.invalidCount} with business errors)`);
    // 3. The bot registers them, on the embedded store.
    const progress = createProgress();
    const summary = await runBot({
      config,
      bot: DEMO_BOT,
      input: exported.xlsxPath,
      concurrency: o.concurrency,
      trigger: 'demo',
      log,
      signal: stop.signal,
      env: { ...process.env, ...robotAccountsEnv(hub.url, o.concurrency) },
      onStart: ({ pending }) => progress.start(pending),
      onOutcome: (outcome) => progress.outcome(outcome),
    });
    progress.end();
    console.log(formatSummary(summary));
    // 4. What the legacy system says: every valid application registered exactly once.
    const counts = Object.values(hub.countsByExternalRef());
    console.log(`CaseHub now holds ${hub.cases().length} case(s); registered more than once: ${counts.filter((n) => n > 1).length}`);
    // 5. The reports a manager and the clerks read: this run, this month's time saved, the exceptions.
    const { files, login } = await writeDemoReports(config, summary.runId, summary.bot, log);
    console.log(`Reports:\n${files.map((f) => `  ${f.path}`).join('\n')}`);
    // 6. The control room over the same store, for the people who do not live in a shell.
    console.log(
      login
        ? `Control room: \`npx kanslist serve\`, then open http://127.0.0.1:8800 and log in as ${login.username} / ${login.password}`
        : 'Control room: `npx kanslist serve` (set a password for the demo account with `npx kanslist users passwd demo`)',
    );
    console.log(
      `Next: \`npx kanslist items ${summary.runId.slice(0, 8)}\`, \`npx kanslist review\`, \`npx kanslist audit verify ${summary.runId.slice(0, 8)}\`.`,
    );
    process.exitCode = demoExitCode(summary);
  } finally {
    stop.dispose();
    await log.flush();
    await hub.close();
  }
}

/**
 * The demo runs the example bot named in Kanslist's package manifest: the project's own copy when
 * it has one (a repository made by `kanslist init` has), else the one shipped with the package.
 */
function demoProject(config: LoadedConfig): { config: LoadedConfig; bot: string } {
  const bot = packageManifest().kanslist?.demo?.bot;
  if (!bot)
    throw new ConfigError('KANSLIST_DEMO_MISSING', 'This Kanslist package names no demo bot.', {
      remedy: 'Reinstall Kanslist; its package.json names the example bot under "kanslist.demo".',
    });
  if (existsSync(join(config.paths.bots, `${bot}.ts`))) return { config, bot };
  console.log(`This project has no bot "${bot}": the demo uses the example shipped with Kanslist (${join(PACKAGE_ROOT, 'bots')}).`);
  return {
    config: { ...config, paths: { ...config.paths, bots: join(PACKAGE_ROOT, 'bots'), selectors: join(PACKAGE_ROOT, 'selectors') } },
    bot,
  };
}

/** The run report (PDF and XLSX), the time saved this month and the exceptions list, in <var>/reports, in the configured language; and the demo's control-room login. */
async function writeDemoReports(
  config: LoadedConfig,
  runId: string,
  bot: string,
  log: Logger,
): Promise<{ files: ReportFile[]; login: { username: string; password: string } | undefined }> {
  const store = await openStore(storeUrl(config));
  try {
    const { ensureDemoAccount } = await import('./demo-account.ts');
    const login = await ensureDemoAccount(store, config.paths.var);
    const now = Date.now();
    const today = wallClock(now, config.timeZone);
    const month = periodFromMonth(`${today.year}-${String(today.month).padStart(2, '0')}`, config.timeZone);
    const options = { config, store, log, out: defaultReportDir(config), now };
    const files = [
      ...(await runProjectReport('run', { runId }, { ...options, format: 'pdf,xlsx' })),
      ...(await runProjectReport('time-saved', { from: month.from, to: month.to, label: month.label, bot, bucket: 'week' }, options)),
      ...(await runProjectReport('exceptions', { bot }, options)),
    ];
    return { files, login };
  } finally {
    await store.close();
  }
}
