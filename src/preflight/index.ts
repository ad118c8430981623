/**
 * Preflight: `kanslist check <system>` and the check a scheduler runs before a bot's scheduled run.
 * Logs in with the system's robot account, brings up each declared screen as the system map's
 * `navigation` says, and resolves every target: ok, drift (matched by a fallback), missing,
 * ambiguous, or not checked (with why). Recorded on the audit trail; never changes the system.
 *
 *   1. the system map, its URL and account (a mistake is a ConfigError before a browser starts)
 *   2. the check, in a browser of its own
 *   3. one 'preflight' audit record
 *   4. a log line: info when ok, warn for drift, error when it failed
 *   5. with `suggest`: the suggested strategies as a patch to the map file (printed, never applied)
 */
import { join, relative } from 'node:path';
import type { Logger } from '../log/logger.ts';
import { auditKeyFromEnv } from '../audit/trail.ts';
import { storeUrl as resolveStoreUrl, type LoadedConfig } from '../config/load.ts';
import { LANGUAGE_LOCALES } from '../config/config.ts';
import { ConfigError } from '../errors.ts';
import { contentHash, loadBot } from '../runner/load-bot.ts';
import { systemAccounts, systemBaseUrl } from '../runner/system-access.ts';
import { openStore } from '../store/index.ts';
import { launchBrowser } from '../ui/browser.ts';
import { openVault } from '../vault/index.ts';
import { screensUsedByBotFile } from './bot-screens.ts';
import { checkSystem } from './check-system.ts';
import { loadSystemMap, type LoadedSystemMap } from './load-system.ts';
import { planScreens } from './plan.ts';
import { preflightChainId, recordPreflight } from './audit.ts';
import { buildMapPatch } from './map-patch.ts';
import { recentRunSuggestions, withRunSuggestions } from './run-suggestions.ts';
import { describeReport } from './report.ts';
import type { PreflightReport } from './types.ts';
import type { System } from '../ui/system.ts';

export type { MapPatch, PreflightReport, TargetCheck, TargetCheckStatus } from './types.ts';
export { TARGET_CHECK_STATUSES } from './types.ts';
export { checkSystem, DEFAULT_TARGET_TIMEOUT_MS, type CheckSystemOptions } from './check-system.ts';
export { checkTarget } from './check-target.ts';
export { describeReport, summariseReport } from './report.ts';
export { loadSystemMap, type LoadedSystemMap } from './load-system.ts';
export { screensUsedInSource } from './bot-screens.ts';

export interface PreflightOptions {
  config: LoadedConfig;
  /** The system map's name: selectors/<system>.ts. */
  system: string;
  /** Screen names to check. @default every screen of the map */
  screens?: string[];
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  /** How long each target is waited for. @default 3000 */
  timeoutMs?: number;
  /** Where the audit record goes. @default the config's store */
  storeUrl?: string;
  /** On drift, suggest a stable first strategy per target and a patch to the map (`report.patch`). @default false */
  suggest?: boolean;
}

export async function runPreflight(options: PreflightOptions): Promise<PreflightReport> {
  const map = await loadSystemMap(options.system, options.config.paths.selectors);
  return preflight(options, map, options.screens, undefined);
}

/**
 * The preflight a scheduled run of `bot` needs: its system, and the screens its source names
 * (plus `screens`, if given). `system`, when given, must be the bot's.
 */
export async function runBotPreflight(
  options: Omit<PreflightOptions, 'system'> & { bot: string; system?: string },
): Promise<PreflightReport> {
  const loaded = await loadBot(options.bot, options.config.paths);
  // A bot's system is typed loosely (any screens); preflight only reads its map as a definition.
  const system = loaded.bot.system as System;
  if (options.system !== undefined && options.system !== system.name) {
    throw new ConfigError(
      'KANSLIST_PREFLIGHT_BOT_SYSTEM',
      `The bot "${options.bot}" works in system "${system.name}", not "${options.system}".`,
      {
        where: loaded.file,
        remedy: `Check the bot against its own system: kanslist check ${system.name} --bot ${options.bot}.`,
      },
    );
  }
  // The map's own file when found; else the bot's (a map defined inside the bot file).
  const mapFile = loaded.systemFile ?? loaded.file;
  const map: LoadedSystemMap = { system, file: mapFile, version: contentHash([mapFile]) };
  const screens = [...new Set([...screensUsedByBotFile(loaded.file, system), ...(options.screens ?? [])])];
  return preflight(options, map, screens, options.bot);
}

async function preflight(
  options: Omit<PreflightOptions, 'system' | 'screens'>,
  map: LoadedSystemMap,
  screens: string[] | undefined,
  bot: string | undefined,
): Promise<PreflightReport> {
  const { config } = options;
  const env = options.env ?? process.env;
  const { system } = map;
  // 1. Everything that can be wrong in the configuration, before a browser starts.
  planScreens(system, screens);
  const baseUrl = systemBaseUrl(system, config, env);
  const credentials = system.login ? systemAccounts(system, env, openVault({ env, varDir: config.paths.var }))[0] : undefined;
  const auditKey = auditKeyFromEnv(env);
  // 2. The check, in a browser of its own; evidence of a failure under var/preflight/.
  const chain = preflightChainId(system.name, Date.now());
  const evidenceDir = join(config.paths.var, 'preflight', chain.replace(/[^A-Za-z0-9_.-]+/g, '-'));
  const evidence: string[] = [];
  const browser = await launchBrowser({ headless: config.browser.headless, executablePath: config.browser.executablePath, env });
  let report: PreflightReport;
  try {
    report = await checkSystem({
      system,
      baseUrl,
      credentials,
      browser,
      screens,
      timeoutMs: options.timeoutMs,
      log: options.log,
      locale: LANGUAGE_LOCALES[config.language],
      evidenceDir,
      onEvidence: (dir) => evidence.push(relative(config.root, dir)),
      suggest: options.suggest,
    });
  } finally {
    await browser.close().catch(() => undefined);
  }
  // 3. The audit record; with `suggest`, what recent runs proposed for targets the check could not reach.
  const store = await openStore(resolveStoreUrl(config, options.storeUrl));
  try {
    await recordPreflight(
      store,
      chain,
      report,
      { mapVersion: map.version, mapFile: relative(config.root, map.file), screens, bot, evidence },
      { key: auditKey },
    );
    if (options.suggest)
      report = { ...report, targets: withRunSuggestions(report.targets, system, await recentRunSuggestions(store, system.name)) };
  } finally {
    await store.close();
  }
  // 4. The log line.
  const line = `preflight ${describeReport(report)}${evidence.length > 0 ? `; evidence in ${evidence.join(', ')}` : ''}`;
  if (!report.ok) options.log?.error(line, { system: report.system });
  else if (report.drift) options.log?.warn(line, { system: report.system });
  else options.log?.info(line, { system: report.system });
  // 5. The suggestions as a patch to the map, when asked (read from disk after the check: never applied).
  if (!options.suggest) return report;
  return { ...report, patch: buildMapPatch(map.file, relative(config.root, map.file), report.targets) };
}
