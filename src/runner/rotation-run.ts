/**
 * One password rotation with its record: the system map loaded, the browser and store opened,
 * a 'vault.rotation' record on the audit trail when it starts and when it ends (system, account
 * number, outcome, the step it reached, the error code; never a password), and a line in the
 * operator log. Used by `kanslist vault rotate` and by schedules that rotate.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../log/logger.ts';
import { redact, redactDeep } from '../redact/redact.ts';
import { auditKeyFromEnv, openAuditTrail } from '../audit/trail.ts';
import { LANGUAGE_LOCALES } from '../config/config.ts';
import { storeUrl as resolveStoreUrl, type LoadedConfig } from '../config/load.ts';
import { errorCode, errorReason } from '../errors.ts';
import { openStore } from '../store/index.ts';
import { launchBrowser } from '../ui/browser.ts';
import { openVault, type Vault } from '../vault/index.ts';
import { acquireRotationLock } from './rotation-lock.ts';
import type { AnySystem } from './bot.ts';
import { rotatePassword, rotationAccount, type RotationResult, type RotationStage } from './password-rotation.ts';
import { systemBaseUrl } from './system-access.ts';

export interface RotationRunOptions {
  config: LoadedConfig;
  /** The system map (loaded by the caller from selectors/), and its content hash for the audit trail. */
  system: AnySystem;
  mapVersion: string;
  /** @default 1 */
  account?: number | undefined;
  env?: NodeJS.ProcessEnv;
  log: Logger;
  /** Store URL for the audit record; overrides the config. */
  storeUrl?: string | undefined;
  timeoutMs?: number | undefined;
  progress?: (line: string) => void;
}

/** The id of a rotation's audit chain. */
export function rotationChainId(system: string, account: number, at: number): string {
  return `rotation:${system}:${account}:${new Date(at).toISOString()}:${randomUUID().slice(0, 8)}`;
}

export async function runRotation(options: RotationRunOptions): Promise<RotationResult> {
  const { config } = options;
  const env = options.env ?? process.env;
  const n = options.account ?? 1;
  const progress = options.progress ?? (() => undefined);
  // 1. Everything that can be wrong in the configuration, before a browser or the store opens.
  const { system } = options;
  const vault = openVault({ env, varDir: config.paths.var });
  rotationAccount({ system, account: n, vault, env });
  const baseUrl = systemBaseUrl(system, config, env);
  const auditKey = auditKeyFromEnv(env);
  const release = acquireRotationLock(config.paths.var, system.name, n);
  try {
    return await recordedRotation(options, { system, vault, baseUrl, auditKey, env, n, progress });
  } finally {
    release();
  }
}

async function recordedRotation(
  options: RotationRunOptions,
  r: {
    system: AnySystem;
    vault: Vault;
    baseUrl: string;
    auditKey: Buffer | null;
    env: NodeJS.ProcessEnv;
    n: number;
    progress: (line: string) => void;
  },
): Promise<RotationResult> {
  const { config, log } = options;
  const { system, vault, baseUrl, auditKey, env, n, progress } = r;
  // 2. The record that it started, written before anything changes.
  const store = await openStore(resolveStoreUrl(config, options.storeUrl));
  try {
    const trail = await openAuditTrail(
      store,
      { runId: rotationChainId(system.name, n, Date.now()), bot: 'kanslist', botVersion: options.mapVersion, host: hostname() },
      { key: auditKey },
    );
    const base = { system: system.name, account: n };
    let stage: RotationStage | 'started' = 'started';
    try {
      await trail.append({ kind: 'vault.rotation', data: { ...base, phase: 'started' } });
      await trail.flush();
      log.info(`rotation ${system.name} account ${n}: started`, base);
      const browser = await launchBrowser({ headless: config.browser.headless, executablePath: config.browser.executablePath, env });
      let result: RotationResult;
      try {
        result = await rotatePassword(
          {
            system,
            account: n,
            vault,
            browser,
            baseUrl,
            env,
            timeoutMs: options.timeoutMs,
            locale: LANGUAGE_LOCALES[config.language],
            progress,
          },
          (reached) => (stage = reached),
        );
      } finally {
        await browser.close().catch(() => undefined);
      }
      const done = {
        ...base,
        phase: 'finished',
        outcome: 'rotated',
        stage,
        wasExpired: result.wasExpired,
        repairedPending: result.repaired,
      };
      await trail.append({ kind: 'vault.rotation', data: done });
      log.info(
        `rotation ${system.name} account ${n}: rotated${result.wasExpired ? ' (the password had expired)' : ''}${result.repaired ? '; a password left pending by an earlier, interrupted rotation was found in use and promoted first' : ''}`,
        base,
      );
      return result;
    } catch (error) {
      const failed = { ...base, phase: 'finished', outcome: 'failed', stage, code: errorCode(error), reason: redact(errorReason(error)) };
      await trail.append({ kind: 'vault.rotation', data: redactDeep(failed) as Record<string, unknown> }).catch(() => undefined);
      log.error(`rotation ${system.name} account ${n}: failed after step "${stage}": ${errorCode(error)}: ${errorReason(error)}`, base);
      throw error;
    } finally {
      await trail.close().catch(() => undefined);
    }
  } finally {
    await store.close();
  }
}
