/**
 * The child-process launcher with its `kanslist` command replaced by a small script that behaves
 * like `kanslist run --json` would in each case (a clean run, items in review, a usage error, a
 * crash, a graceful stop): what the daemon records as the fire's outcome, and the command line it
 * gives the child.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { childProcessLauncher, type LaunchResult } from '../../src/schedule/daemon/launcher.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { schedule } from '../helpers/scheduler-doubles.ts';

const FAKE_KANSLIST = `
import { appendFileSync, writeFileSync } from 'node:fs';
const { MODE, OUT } = process.env;
appendFileSync(OUT + '/args.jsonl', JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), store: process.env.KANSLIST_STORE }) + '\\n');
const summary = (status, allDone, review) => JSON.stringify({ runId: 'run-' + MODE, bot: 'b', status, allDone, outcomes: { done: 2, review }, enqueue: null, settle: null });
if (MODE === 'clean') { console.log(summary('finished', true, 0)); process.exit(0); }
if (MODE === 'review') { console.log(summary('finished', false, 2)); process.exit(1); }
if (MODE === 'usage') { console.error('kanslist: KANSLIST_BOT_UNKNOWN: There is no bot named "b".'); process.exit(2); }
if (MODE === 'crash') { process.kill(process.pid, 'SIGKILL'); }
if (MODE === 'graceful') {
  process.on('SIGTERM', () => { console.log(summary('interrupted', false, 0)); process.exit(1); });
  writeFileSync(OUT + '/ready', '');
  setInterval(() => undefined, 1000);
}
`;

describe('childProcessLauncher', () => {
  let dir: string;
  let store: Store;
  const log = createLogger({ console: false });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kanslist-launcher-'));
    writeFileSync(join(dir, 'fake-kanslist.mjs'), FAKE_KANSLIST);
    store = await openStore(`sqlite:${join(dir, 'k.db')}`);
  });
  afterAll(async () => {
    await store.close();
    await log.flush();
    rmSync(dir, { recursive: true, force: true });
  });

  async function launch(mode: string, options: { input?: string; stop?: AbortController } = {}): Promise<LaunchResult> {
    const out = mkdtempSync(join(dir, `${mode}-`));
    const launcher = childProcessLauncher({
      root: dir,
      store,
      storeUrl: 'sqlite:/somewhere/else.db',
      log,
      env: { PATH: process.env.PATH, MODE: mode, OUT: out },
      command: [process.execPath, join(dir, 'fake-kanslist.mjs')],
    });
    const s = schedule({ name: 'nightly', cron: '0 3 * * *', ...(options.input ? { input: options.input } : {}) });
    const stop = options.stop ?? new AbortController();
    const pids: number[] = [];
    const result = launcher.launch({ schedule: s, trigger: 'cron', plannedAt: 0, signal: stop.signal }, ({ pid }) => pids.push(pid));
    if (mode === 'graceful') {
      await expect.poll(() => existsSync(join(out, 'ready')), { timeout: 20_000, interval: 20 }).toBe(true);
      stop.abort();
    }
    const ended = await result;
    expect(pids.length).toBeGreaterThan(0);
    lastArgs = readFileSync(join(out, 'args.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as (typeof lastArgs)[number]);
    return ended;
  }
  let lastArgs: Array<{ args: string[]; cwd: string; store: string }> = [];

  it('runs `run <bot> --trigger schedule:<name> --json` in the project root with the store in the environment; a clean run is finished', async () => {
    const result = await launch('clean');
    expect(result).toMatchObject({ outcome: 'finished', exitCode: 0, runId: 'run-clean' });
    expect(lastArgs).toEqual([
      {
        args: ['run', 'bygglov-registrering', '--trigger', 'schedule:nightly', '--json', '--backlog'],
        cwd: dir,
        store: 'sqlite:/somewhere/else.db',
      },
    ]);
  });

  it('reads a run that left items undone as not-all-done, with its summary', async () => {
    const result = await launch('review');
    expect(result).toMatchObject({ outcome: 'not-all-done', exitCode: 1, runId: 'run-review', summary: { outcomes: { review: 2 } } });
  });

  it('reads an exit without a summary as failed, with the error line', async () => {
    const result = await launch('usage');
    expect(result).toMatchObject({ outcome: 'failed', exitCode: 2, runId: null });
    expect(result.error).toContain('KANSLIST_BOT_UNKNOWN');
  });

  it('reads a child killed by a signal as crashed', async () => {
    expect(await launch('crash')).toMatchObject({ outcome: 'crashed', exitCode: null });
  });

  it('on a stop, sends SIGTERM and records the run the child ended itself as interrupted', async () => {
    expect(await launch('graceful')).toMatchObject({ outcome: 'interrupted', exitCode: 1, runId: 'run-graceful' });
  });

  it('runs one child per file a glob input matches, in name order', async () => {
    mkdirSync(join(dir, 'inbox'));
    for (const f of ['2026-05-02.xlsx', '2026-05-01.xlsx']) writeFileSync(join(dir, 'inbox', f), '');
    const result = await launch('clean', { input: 'inbox/*.xlsx' });
    expect(result.outcome).toBe('finished');
    expect(lastArgs.map((a) => a.args.slice(-2))).toEqual([
      ['--input', join(dir, 'inbox', '2026-05-01.xlsx')],
      ['--input', join(dir, 'inbox', '2026-05-02.xlsx')],
    ]);
  });
});
