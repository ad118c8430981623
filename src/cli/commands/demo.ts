import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { createLogger, type Logger } from '../../audit/logger.ts';
import { loadConfig, storeUrl, type LoadedConfig } from '../../config/load.ts';
import type { ReportFile } from '../../report/define.ts';
import { wallClock } from '../../report/i18n/index.ts';
import { defaultReportDir } from '../../report/render-report.ts';
import { periodFromMonth } from '../../report/time-saved/index.ts';
import { runBot } from '../../runner/run.ts';
import { openStore } from '../../store/index.ts';
import { EXIT_NOT_ALL_DONE, EXIT_OK } from '../exit-codes.ts';
import { intOption } from '../options.ts';
import { formatSummary } from '../print-summary.ts';
import { createProgress } from '../progress.ts';
import { importProjectModule } from '../project-module.ts';
import { runProjectReport } from '../report-definitions.ts';
import { stopSignal } from '../signals.ts';
import type * as CaseHubModule from '../../../fixtures/casehub/index.ts';
import type * as InputsModule from '../../../fixtures/inputs/index.ts';

const DEMO_BOT = 'bygglov-registrering';
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('The main job: start CaseHub with mild faults, generate e-service applications, run the registration bot, print the summary, write the reports')
    .option('--count <n>', 'applications to generate', intOption('--count', 1), 24)
    .option('--concurrency <n>', 'workers', intOption('--concurrency', 1), 2)
    .addOption(new Option('--layout <layout>', 'CaseHub layout (v2 shows selector drift)').choices(['v1', 'v2']).default('v1'))
    .action(async (o: { count: number; concurrency: number; layout: 'v1' | 'v2' }) => {
      const config = await loadConfig();
      const { startCaseHub, CLERK_ACCOUNT, ROBOT_ACCOUNTS, robotAccountsEnv } = await importProjectModule<typeof CaseHubModule>(config.root, 'fixtures/casehub/index.ts', 'The CaseHub fixture');
      const { generateEServiceExport } = await importProjectModule<typeof InputsModule>(config.root, 'fixtures/inputs/index.ts', 'The input generator');
      // 1. A legacy system on loopback that is slow now and then, sometimes errs, sometimes busy.
      const hub = await startCaseHub({ port: 0, layout: o.layout, users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS], faults: { latencyMs: 15, jitterMs: 25, error500Rate: 0.02, busyRate: 0.02, noticeAlertRate: 0.3 } });
      const stop = stopSignal(() => console.error('\nkanslist: stopping the demo — finishing the items in progress'));
      const log = createLogger({ level: config.logLevel, dir: join(config.paths.var, 'logs'), timeZone: config.timeZone, console: false });
      try {
        console.log(`CaseHub (${hub.layout}) is running at ${hub.url} — log in as ${CLERK_ACCOUNT.username} / ${CLERK_ACCOUNT.password} to look around`);
        // 2. Today's export from the e-service: new application ids each time, some rows with errors.
        const seed = Date.now() % 1_000_000_000;
        const exported = await generateEServiceExport({ count: o.count, errorShare: 0.15, seed, outDir: join(config.paths.var, 'demo', `inputs-${seed}`) });
        console.log(`E-service export: ${exported.xlsxPath} (${exported.validCount} valid, ${exported.invalidCount} with business errors)`);
        // 3. The bot registers them, on the embedded store.
        const progress = createProgress();
        const summary = await runBot({
          config, bot: DEMO_BOT, input: exported.xlsxPath, concurrency: o.concurrency, trigger: 'demo', log, signal: stop.signal,
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
        const files = await writeDemoReports(config, summary.runId, summary.bot, log);
        console.log(`Reports:\n${files.map((f) => `  ${f.path}`).join('\n')}`);
        console.log(`Next: \`npx kanslist items ${summary.runId.slice(0, 8)}\`, \`npx kanslist review\`, \`npx kanslist audit verify ${summary.runId.slice(0, 8)}\`.`);
        process.exitCode = summary.allDone || summary.outcomes.failed + summary.outcomes.lost === 0 ? EXIT_OK : EXIT_NOT_ALL_DONE;
      } finally {
        stop.dispose();
        await log.flush();
        await hub.close();
      }
    });
}


/** The run report (PDF and XLSX), the time saved this month and the exceptions list, in <var>/reports, in the configured language. */
async function writeDemoReports(config: LoadedConfig, runId: string, bot: string, log: Logger): Promise<ReportFile[]> {
  const store = await openStore(storeUrl(config));
  try {
    const now = Date.now();
    const today = wallClock(now, config.timeZone);
    const month = periodFromMonth(`${today.year}-${String(today.month).padStart(2, '0')}`, config.timeZone);
    const options = { config, store, log, out: defaultReportDir(config), now };
    return [
      ...(await runProjectReport('run', { runId }, { ...options, format: 'pdf,xlsx' })),
      ...(await runProjectReport('time-saved', { from: month.from, to: month.to, label: month.label, bot, bucket: 'week' }, options)),
      ...(await runProjectReport('exceptions', { bot }, options)),
    ];
  } finally {
    await store.close();
  }
}
