/**
 * The contestant: the example bot run by Kanslist in-process (`runBot`), with a fresh SQLite store
 * in a temporary folder, default settings (tracing 'on-first-retry', as `kanslist run` without
 * --trace) and a silent logger — what `kanslist run` does, minus the CLI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { robotAccountsEnv } from '../src/fixtures/casehub/index.ts';
import { loadConfig } from '../src/config/load.ts';
import { runBot } from '../src/runner/run.ts';
import { openStore } from '../src/store/index.ts';
import type { RunSummary } from '../src/runner/summary.ts';

export const BOT = 'bygglov-registrering';
export const REPO_ROOT = join(import.meta.dirname, '..');

export interface FrameworkRunOptions {
  baseUrl: string;
  xlsxPath: string;
  concurrency: number;
  /** Timeout of every wait. @default 15000 */
  timeoutMs?: number;
}

export interface FrameworkRunResult {
  summary: RunSummary;
  /** Durations of the items that ended done (from claim to completion, as the worker measures them). */
  itemDurationsMs: number[];
  /** Epoch ms: input enqueued, browser up, workers start (log in, then items). */
  workStartedAt: number;
  /** Epoch ms: the last item's outcome was reported. */
  workEndedAt: number;
  /** runBot from call to return: config, store, input, browser launch and close included. */
  wallMs: number;
  /** Application id → the case number the bot read from the receipt, as stored. */
  caseNumbers: Map<string, string>;
}

export async function runFramework(options: FrameworkRunOptions): Promise<FrameworkRunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-bench-'));
  try {
    const env = { ...process.env, ...robotAccountsEnv(options.baseUrl), KANSLIST_VAR_DIR: join(dir, 'var') };
    const config = await loadConfig(REPO_ROOT, env);
    const itemDurationsMs: number[] = [];
    let workStartedAt = 0;
    let workEndedAt = 0;
    const storeUrl = `sqlite:${join(dir, 'var', 'kanslist.db')}`;
    const started = Date.now();
    const summary = await runBot({
      config,
      bot: BOT,
      input: options.xlsxPath,
      storeUrl,
      env,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs ?? 15_000,
      trigger: 'bench',
      onStart: () => void (workStartedAt = Date.now()),
      onOutcome: (outcome) => {
        workEndedAt = Date.now();
        if (outcome.kind === 'done') itemDurationsMs.push(outcome.durationMs);
      },
    });
    const wallMs = Date.now() - started;
    return { summary, itemDurationsMs, workStartedAt, workEndedAt, wallMs, caseNumbers: await storedCaseNumbers(storeUrl) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function storedCaseNumbers(storeUrl: string): Promise<Map<string, string>> {
  const store = await openStore(storeUrl);
  try {
    const done = await store.queue.list({ bot: BOT, status: 'done' });
    return new Map(done.map((item) => [item.key, caseNumberOf(item.output)]));
  } finally {
    await store.close();
  }
}

/** The case number a bot's output names; '' when it names none, never '[object Object]'. */
function caseNumberOf(output: unknown): string {
  const caseNumber = (output as { caseNumber?: unknown } | null)?.caseNumber;
  return typeof caseNumber === 'string' || typeof caseNumber === 'number' ? String(caseNumber) : '';
}
