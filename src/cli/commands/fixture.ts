import type { Command } from 'commander';
import { ConfigError } from '../../errors.ts';
import { intOption, portOption, rateOption } from '../options.ts';

/** CaseHub and the input generator ship with Kanslist (src/fixtures), so they work in any project. */
export function registerFixtureCommand(program: Command): void {
  const fixture = program.command('fixture').description('Start the legacy-system fixtures and generate sample inputs');

  fixture
    .command('casehub')
    .description('Start CaseHub, the legacy case-system fixture, on loopback (until Ctrl-C)')
    .option('--port <n>', 'port to listen on (0 = any free port)', portOption('--port'), 8080)
    .option(
      '--layout <v1|v2|v3>',
      'UI layout: v2 renumbers ids, moves labels, reorders grid columns; v3 is modernised (AJAX tabs and grid, autocomplete, rich text)',
      'v1',
    )
    .option('--latency <ms>', 'fixed latency per request', intOption('--latency'), 0)
    .option('--jitter <ms>', 'random extra latency per request', intOption('--jitter'), 0)
    .option('--errors <rate>', "share of requests answered with a 500 'Server Error' page (0..1)", rateOption('--errors'), 0)
    .option('--busy <rate>', "share of requests answered with a 'system busy' page (0..1)", rateOption('--busy'), 0)
    .option('--alerts <rate>', 'share of logins followed by an unexpected operations-notice alert (0..1)', rateOption('--alerts'), 0)
    .option('--idle-timeout <seconds>', 'idle session timeout', intOption('--idle-timeout'), 1200)
    .option(
      '--expired-password <users>',
      'users whose password has expired, comma-separated (e.g. robot1): their login demands a new one',
      (value: string) =>
        value
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      [],
    )
    .action(
      async (o: {
        port: number;
        layout: string;
        latency: number;
        jitter: number;
        errors: number;
        busy: number;
        alerts: number;
        idleTimeout: number;
        expiredPassword: string[];
      }) => {
        const layout = o.layout;
        if (layout !== 'v1' && layout !== 'v2' && layout !== 'v3') {
          throw new ConfigError('KANSLIST_USAGE', `--layout must be v1, v2 or v3, not "${layout}".`);
        }
        const { startCaseHub, CLERK_ACCOUNT, ROBOT_ACCOUNTS } = await import('../../fixtures/casehub/index.ts');
        const users = [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS];
        const unknown = o.expiredPassword.filter((name) => !users.some((u) => u.username === name));
        if (unknown.length > 0)
          throw new ConfigError('KANSLIST_USAGE', `--expired-password names no CaseHub user: ${unknown.join(', ')}.`, {
            remedy: `Users: ${users.map((u) => u.username).join(', ')}.`,
          });
        const hub = await listening(o.port, () =>
          startCaseHub({
            port: o.port,
            users,
            expiredPasswords: o.expiredPassword,
            layout,
            idleTimeoutMs: o.idleTimeout * 1000,
            faults: { latencyMs: o.latency, jitterMs: o.jitter, error500Rate: o.errors, busyRate: o.busy, noticeAlertRate: o.alerts },
          }),
        );
        console.log(`CaseHub (${hub.layout}) is listening on ${hub.url}`);
        console.log(
          `Log in as ${CLERK_ACCOUNT.username} / ${CLERK_ACCOUNT.password}; robot accounts robot1…robot${ROBOT_ACCOUNTS.length} (password Robot-<n>-demo!).  Ctrl-C stops it.`,
        );
        await stopOnSignal(() => hub.close());
      },
    );

  fixture
    .command('inputs')
    .description('Generate an e-service export (.xlsx) of building-permit applications with PDF attachments')
    .option('--count <n>', 'number of applications', intOption('--count'), 20)
    .option('--errors <share>', 'share of rows with business errors (0..1)', rateOption('--errors'), 0.1)
    .option('--seed <n>', 'seed for reproducible data', intOption('--seed'), 1)
    .option('--out <dir>', 'output folder', 'var/inputs')
    .action(async (o: { count: number; errors: number; seed: number; out: string }) => {
      const { generateEServiceExport } = await import('../../fixtures/inputs/index.ts');
      const result = await generateEServiceExport({ count: o.count, errorShare: o.errors, seed: o.seed, outDir: o.out });
      console.log(
        `Wrote ${result.xlsxPath}: ${result.applications.length} applications (${result.validCount} valid, ${result.invalidCount} with business errors)`,
      );
      console.log(`Attachments: ${result.attachmentsDir}`);
    });
}

/** A port someone else holds is the operator's to resolve: said in one line, not a stack trace. */
async function listening<T>(port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new ConfigError(
        code === 'EADDRINUSE' ? 'KANSLIST_PORT_IN_USE' : 'KANSLIST_PORT_DENIED',
        code === 'EADDRINUSE' ? `Port ${port} is already in use.` : `Port ${port} may not be opened by this user.`,
        {
          where: '--port',
          remedy:
            'Choose another port with --port (0 takes any free one), or stop what listens there (another `kanslist fixture casehub`?).',
        },
      );
    }
    throw error;
  }
}

export function stopOnSignal(stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      void stop().then(resolve, resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
