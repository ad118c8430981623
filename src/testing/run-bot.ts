/**
 * Running one of the project's bots from its own tests: a temporary var folder and SQLite store
 * (the project's own state is never touched), the system's address and robot accounts from `env`,
 * and the outcome read back from the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load.ts';
import { runBot } from '../runner/run.ts';
import type { RunSummary } from '../runner/summary.ts';
import { openStore, type WorkItem } from '../store/index.ts';
import type { TraceMode } from '../runner/session.ts';

export interface BotTestOptions {
  /** The bot's name (its file in bots/). */
  bot: string;
  /** The input file; omit it when the bot names its own source. */
  input?: string | undefined;
  /** The project root: where kanslist.config.ts, bots/ and selectors/ are. @default process.cwd() */
  root?: string | undefined;
  /** Added to process.env for the run: the system's address and robot accounts (e.g. `robotAccountsEnv(hub.url)`). */
  env?: Record<string, string> | undefined;
  /** @default 1 */
  concurrency?: number | undefined;
  /** Tests read outcomes, not traces. @default 'off' */
  trace?: TraceMode | undefined;
  /** Timeout of each wait in the system. @default 15000 */
  timeoutMs?: number | undefined;
}

export interface BotTestRun {
  summary: RunSummary;
  /** Every item of the bot in the run's store, in enqueue order. */
  items: WorkItem[];
  /** The temporary var folder: run folders with evidence, logs. */
  varDir: string;
  storeUrl: string;
  /** Runs the bot again on the same store (a second run must not redo what the first did). */
  again(overrides?: Partial<Pick<BotTestOptions, 'input' | 'concurrency'>>): Promise<{ summary: RunSummary; items: WorkItem[] }>;
  /** Removes the temporary folder. Safe to call twice. */
  close(): Promise<void>;
}

export async function runBotForTest(options: BotTestOptions): Promise<BotTestRun> {
  const dir = mkdtempSync(join(tmpdir(), `kanslist-test-${options.bot}-`));
  const varDir = join(dir, 'var');
  const env = { ...process.env, ...options.env, KANSLIST_VAR_DIR: varDir };
  const config = await loadConfig(options.root ?? process.cwd(), env);
  const storeUrl = `sqlite:${join(varDir, 'kanslist.db')}`;
  const once = async (o: Partial<BotTestOptions>) => {
    const summary = await runBot({
      config,
      bot: options.bot,
      input: o.input ?? options.input,
      storeUrl,
      env,
      trigger: 'test',
      concurrency: o.concurrency ?? options.concurrency ?? 1,
      trace: options.trace ?? 'off',
      timeoutMs: options.timeoutMs,
    });
    return { summary, items: await itemsOf(storeUrl, options.bot) };
  };
  try {
    const first = await once({});
    let closed = false;
    return {
      ...first,
      varDir,
      storeUrl,
      again: (overrides = {}) => once(overrides),
      async close() {
        if (closed) return;
        closed = true;
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function itemsOf(storeUrl: string, bot: string): Promise<WorkItem[]> {
  const store = await openStore(storeUrl);
  try {
    return await store.queue.list({ bot, limit: 100_000 });
  } finally {
    await store.close();
  }
}
