/**
 * A store seeded through its public API as a real run would leave it: items done with a case
 * number, a business exception with evidence, a retried then failed item, a rejected input row,
 * an item whose key looks like a formula, drift, and an audit trail. Payloads carry a synthetic
 * personnummer that no report may print.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAuditTrail } from '../../src/audit/trail.ts';
import { loadConfig, type LoadedConfig } from '../../src/config/load.ts';
import { createRng } from '../../src/util/rng.ts';
import { syntheticPersonnummer } from '../../src/identity/synthetic.ts';
import { openStore, type EnqueueResult, type Store } from '../../src/store/index.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';

export const BOT = 'bygglov-registrering';
export const FORMULA_KEY = '=HYPERLINK("http://evil.example/x","click")';
export const FORMULA_REASON = "+cmd|' /C calc'!A0";
export const PERSONNUMMER = syntheticPersonnummer(createRng(4711));

export interface SeededRun {
  store: Store;
  config: LoadedConfig;
  runId: string;
  /** Keys in the order their last attempt ended. */
  finishOrder: string[];
  reviewItemId: string;
  enqueue: EnqueueResult;
}

/** A SQLite store in `dir`, or the PostgreSQL at `pg` in its own schema; var/ in `dir` either way. */
export async function openSeedStore(dir: string, pg?: { url: string; schema: string }): Promise<{ store: Store; config: LoadedConfig }> {
  const config = await loadConfig(REPO_ROOT, { KANSLIST_VAR_DIR: join(dir, 'var'), KANSLIST_ORGANISATION: 'Exempel kommun' });
  const store = pg ? await openStore(pg.url, { schema: pg.schema }) : await openStore(`sqlite:${join(dir, 'kanslist.db')}`);
  return { store, config };
}

/**
 * One run of BOT: R-1 rejected on input (reason holding the personnummer), A-1 and A-2 done (A-2
 * first), FORMULA_KEY done, B-1 to review with evidence and drift, C-1 retried then failed; then
 * `extraPending` items enqueued but never claimed.
 */
export async function seedRun(
  store: Store,
  config: LoadedConfig,
  options: { bot?: string; extraPending?: number } = {},
): Promise<SeededRun> {
  const bot = options.bot ?? BOT;
  const run = await store.runs.create({
    bot,
    botVersion: 'sha256:0123456789ab',
    trigger: 'cli',
    host: 'test-host',
    pid: 1,
    input: '/data/ansokningar.xlsx',
  });
  const trail = await openAuditTrail(store, { bot, botVersion: run.botVersion, host: run.host, runId: run.id });
  await trail.append({ kind: 'run.start', data: { trigger: 'cli' } });
  const payload = (n: number) => ({ personnummer: PERSONNUMMER, name: `Sökande ${n}` });
  const enqueue = await store.queue.enqueue(
    bot,
    [
      { key: 'A-1', payload: payload(1), source: 'ansokningar.xlsx row 2' },
      { key: 'A-2', payload: payload(2), source: 'ansokningar.xlsx row 3' },
      { key: FORMULA_KEY, payload: payload(3), source: 'ansokningar.xlsx row 4' },
      { key: 'B-1', payload: payload(4), source: 'ansokningar.xlsx row 5' },
      { key: 'C-1', payload: payload(5), source: 'ansokningar.xlsx row 6' },
      {
        key: 'R-1',
        payload: payload(6),
        source: 'ansokningar.xlsx row 7',
        rejected: { code: 'KANSLIST_INPUT_PERSONNUMMER', reason: `Ogiltigt personnummer ${PERSONNUMMER} (kolumn Personnummer)` },
      },
    ],
    { runId: run.id, maxAttempts: 2 },
  );
  const claim = async (key: string) => {
    const item = await store.queue.claim(bot, { runId: run.id, workerId: 'w1', leaseMs: 60_000 });
    if (item?.key !== key) throw new Error(`claimed ${item?.key ?? 'nothing'}, expected ${key}`);
    return item;
  };
  // Claims come oldest first; finish order differs from enqueue order on purpose (A-2 before A-1).
  const a1 = await claim('A-1');
  const a2 = await store.queue.claim(bot, { runId: run.id, workerId: 'w2', leaseMs: 60_000 });
  await store.queue.complete(a2!.id, 'w2', { caseNumber: 'BN 2026-000124' });
  await trail.append({ kind: 'item.transition', itemId: a2!.id, itemKey: a2!.key, data: { from: 'running', to: 'done' } });
  await tick();
  await store.queue.complete(a1.id, 'w1', { caseNumber: 'BN 2026-000123' });
  await trail.append({ kind: 'item.transition', itemId: a1.id, itemKey: a1.key, data: { from: 'running', to: 'done' } });
  await tick();
  const f = await claim(FORMULA_KEY);
  await store.queue.complete(f.id, 'w1', { caseNumber: 'BN 2026-000125' });
  await tick();
  const b1 = await claim('B-1');
  await store.queue.toReview(b1.id, 'w1', {
    code: 'KANSLIST_PROPERTY_UNKNOWN',
    reason: `${FORMULA_REASON} fastigheten finns inte (sökande ${PERSONNUMMER})`,
  });
  const evidence = join(config.paths.var, 'runs', run.id, b1.id, 'KANSLIST_PROPERTY_UNKNOWN');
  mkdirSync(evidence, { recursive: true });
  writeFileSync(join(evidence, 'page.html'), '<html></html>');
  await store.runs.recordDrift({
    runId: run.id,
    itemId: b1.id,
    system: 'casehub',
    target: 'newCase.save',
    failedStrategy: 'role=button[name="Spara"]',
    matchedStrategy: 'css=#ctl00_btnSave',
    at: Date.now(),
  });
  await tick();
  const c1 = await claim('C-1');
  await store.queue.fail(c1.id, 'w1', { code: 'KANSLIST_HTTP_500', reason: 'Serverfel 500', retryDelayMs: 0 });
  await tick();
  const c1again = await claim('C-1');
  await store.queue.fail(c1again.id, 'w1', { code: 'KANSLIST_HTTP_500', reason: 'Serverfel 500', retryDelayMs: 0 });
  // Items the run read but never got to (stopped early): they sort after everything that finished.
  if (options.extraPending) {
    await tick();
    const extra = Array.from({ length: options.extraPending }, (_, n) => ({ key: `P-${String(n).padStart(5, '0')}`, payload: payload(n) }));
    await store.queue.enqueue(bot, extra, { runId: run.id, maxAttempts: 2 });
  }
  await trail.append({ kind: 'run.end', data: { status: 'finished' } });
  await trail.close();
  await store.runs.finish(run.id, 'finished', { enqueue });
  return { store, config, runId: run.id, finishOrder: ['R-1', 'A-2', 'A-1', FORMULA_KEY, 'B-1', 'C-1'], reviewItemId: b1.id, enqueue };
}

/** Times are milliseconds: a new millisecond keeps "finished before" strict. */
async function tick(): Promise<void> {
  const start = Date.now();
  while (Date.now() === start) await new Promise((resolve) => setImmediate(resolve));
}
