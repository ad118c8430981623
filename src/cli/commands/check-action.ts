/** What `kanslist check <system>` does, loaded only when it runs (the preflight drives a browser). */
import { createLogger } from '../../log/logger.ts';
import { redact } from '../../redact/redact.ts';
import { loadConfig } from '../../config/load.ts';
import { runBotPreflight, runPreflight, type PreflightReport, type TargetCheck } from '../../preflight/index.ts';
import { EXIT_NOT_ALL_DONE, EXIT_OK } from '../exit-codes.ts';
import { printJson, printTable } from '../table.ts';
import { showPatch } from './check-patch.ts';

export interface CheckCliOptions {
  screens?: string[];
  bot?: string;
  json?: boolean;
  db?: string;
  timeout?: number;
  suggest?: boolean;
  writePatch?: string;
}

export async function runCheck(system: string, o: CheckCliOptions): Promise<void> {
  const config = await loadConfig();
  const log = createLogger({ level: config.logLevel, dir: `${config.paths.var}/logs`, timeZone: config.timeZone, console: false });
  try {
    const suggest = o.suggest === true || o.writePatch !== undefined;
    const common = { config, screens: o.screens, log, timeoutMs: o.timeout, storeUrl: o.db, suggest };
    const report = o.bot ? await runBotPreflight({ ...common, bot: o.bot, system }) : await runPreflight({ ...common, system });
    if (o.json) printJson(report);
    else printReport(report);
    if (report.ok && report.drift)
      console.error(
        redact(
          `kanslist: warning: ${report.counts.drift} target(s) matched only by a fallback strategy; update selectors/${report.system}.ts before the fallbacks run out.`,
        ),
      );
    for (const t of report.targets.filter((target) => target.suggestedBy !== undefined)) {
      console.error(
        `kanslist: note: ${t.path} was not checked (${t.detail ?? 'not reachable'}); its suggestion was found by ${t.suggestedBy ?? 'a run'} when a fallback matched there.`,
      );
    }
    if (report.patch) await showPatch(report.patch, { print: !o.json, file: o.writePatch, drifted: report.counts.drift });
    process.exitCode = report.ok ? EXIT_OK : EXIT_NOT_ALL_DONE;
  } finally {
    await log.flush();
  }
}

/** Why each target is not plainly ok; the targets of one screen sharing a reason on one line. */
function explanations(targets: readonly TargetCheck[]): string[] {
  const groups = new Map<string, TargetCheck[]>();
  for (const t of targets.filter((target) => target.status !== 'ok')) {
    const key = JSON.stringify([t.screen, t.status, t.detail ?? '']);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const which = group.length === 1 ? first.path : `${first.screen}: ${group.length} targets`;
    return `${which} (${first.status}): ${first.detail ?? ''}`;
  });
}

function printReport(report: PreflightReport): void {
  const login = report.login === 'failed' ? `FAILED — ${report.loginError ?? 'no reason given'}` : report.login;
  console.log(redact(`${report.system} at ${report.baseUrl}: login ${login}\n`));
  printTable(
    report.targets.map((t) => ({ target: t.path, status: t.status, matched: t.matched ?? '' })),
    ['target', 'status', 'matched'],
  );
  const explained = explanations(report.targets);
  if (explained.length > 0) console.log(redact(`\n${explained.join('\n')}`));
  const c = report.counts;
  const verdict = !report.ok ? 'FAILED' : report.drift ? 'passed, with drift' : 'passed';
  console.log(
    `\n${verdict}: ${c.ok} ok, ${c.drift} drift, ${c.missing} missing, ${c.ambiguous} ambiguous, ${c['not-checked']} not checked (${(report.durationMs / 1000).toFixed(1)} s)`,
  );
}
