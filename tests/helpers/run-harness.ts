/**
 * End-to-end harness: CaseHub with robot accounts on a free loopback port, a generated
 * e-service export, a temporary var folder and store, and the environment a run reads.
 * Runs use the repository's own bots/ and selectors/, as a user's project would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLERK_ACCOUNT,
  ROBOT_ACCOUNTS,
  robotAccountsEnv,
  startCaseHub,
  type CaseHub,
  type CaseHubFaults,
  type LayoutName,
} from '../../src/fixtures/casehub/index.ts';
import { generateEServiceExport, type GeneratedExport } from '../../src/fixtures/inputs/index.ts';
import { loadConfig, type LoadedConfig } from '../../src/config/load.ts';
import { runBot, type RunBotOptions } from '../../src/runner/run.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore, type WorkItem } from '../../src/store/index.ts';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const BOT = 'bygglov-registrering';

export interface HarnessOptions {
  count?: number;
  errorShare?: number;
  seed?: number;
  layout?: LayoutName;
  faults?: CaseHubFaults;
  idleTimeoutMs?: number;
  /** A store URL (e.g. PostgreSQL with a schema); default a fresh SQLite file in the temp folder. */
  storeUrl?: string;
}

export interface Harness {
  hub: CaseHub;
  dir: string;
  config: LoadedConfig;
  storeUrl: string;
  /** Environment with the CaseHub URL and robot accounts (process.env included). */
  env: NodeJS.ProcessEnv;
  input: GeneratedExport;
  run(options?: Partial<RunBotOptions>): Promise<RunSummary>;
  close(): Promise<void>;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-e2e-'));
  const hub = await startCaseHub({
    port: 0,
    layout: options.layout ?? 'v1',
    users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS],
    faults: options.faults ?? {},
    idleTimeoutMs: options.idleTimeoutMs,
    seed: options.seed ?? 7,
  });
  const input = await generateEServiceExport({
    count: options.count ?? 6,
    errorShare: options.errorShare ?? 0,
    seed: options.seed ?? 7,
    outDir: join(dir, 'inputs'),
  });
  const config = await loadConfig(REPO_ROOT, { ...process.env, KANSLIST_VAR_DIR: join(dir, 'var') });
  const storeUrl = options.storeUrl ?? `sqlite:${join(dir, 'var', 'kanslist.db')}`;
  const env = { ...process.env, ...robotAccountsEnv(hub.url) };
  return {
    hub,
    dir,
    config,
    storeUrl,
    env,
    input,
    run: (overrides = {}) =>
      runBot({ config, bot: BOT, input: input.xlsxPath, storeUrl, env, trace: 'off', timeoutMs: 10_000, ...overrides }),
    async close() {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every work item of the example bot in the harness's store. */
export async function harnessItems(h: Harness): Promise<WorkItem[]> {
  const store = await openStore(h.storeUrl);
  try {
    return await store.queue.list({ bot: BOT });
  } finally {
    await store.close();
  }
}

/** Environment for a `kanslist` child process working on the harness's CaseHub, store and var folder. */
export function cliEnv(h: Harness): NodeJS.ProcessEnv {
  return { ...h.env, KANSLIST_VAR_DIR: join(h.dir, 'var'), KANSLIST_STORE: h.storeUrl, FORCE_COLOR: '0' };
}

export const KANSLIST_BIN = join(REPO_ROOT, 'bin', 'kanslist.mjs');
