/**
 * The control room over a million items: how long the server takes to answer the pages people
 * keep open (overview, queues, review queue, runs), measured in-process with Fastify's inject so
 * the network is not counted.
 *
 *   npx tsx bench/control-room.ts [--items 1000000] [--reps 7] [--db FILE]
 *
 * 1. Generate the same synthetic items as the time-saved benchmark (bench/report-time-saved-data.ts:
 *    three bots, 90 % done, 2.5 % in review, …) straight into a fresh SQLite store, plus 100 000
 *    attempts that ended in the last 24 hours (the overview's "today"). With --db FILE the store is
 *    kept and reused (generation takes minutes; the pages are what is measured).
 * 2. Log in as an operator and request each page `reps` times after one warm-up; print the median
 *    and the slowest server time per page as a markdown table (for docs/benchmarks.md).
 *
 * Not part of `npm test`: it measures time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { createTestRoom } from '../tests/helpers/control-room.ts';
import { fillSqlite } from './report-time-saved.ts';

const PAGES = ['/', '/queues', '/review', '/runs'];

const { values } = parseArgs({ options: { items: { type: 'string' }, reps: { type: 'string' }, db: { type: 'string' } } });
const items = Number(values.items ?? 1_000_000);
const reps = Number(values.reps ?? 7);
if (!Number.isInteger(items) || items < 1 || !Number.isInteger(reps) || reps < 1)
  throw new Error('--items and --reps must be positive whole numbers');

/** The time-saved benchmark's million items and runs, then a busy day's attempts. */
async function fill(file: string): Promise<void> {
  await fillSqlite(file, items);
  const raw = new BetterSqlite3(file);
  // The overview counts what ended since midnight: give it a busy day's attempts.
  const attempt = raw.prepare(
    'insert into item_attempts (item_id, run_id, attempt, worker_id, started_at, ended_at, outcome) values (?, ?, 1, ?, ?, ?, ?)',
  );
  const now = Date.now();
  raw.transaction(() => {
    for (let i = 0; i < Math.min(100_000, items); i++)
      attempt.run(`bench-${i}`, 'run-today', 'w', now - 3_600_000, now - (i % 20) * 60_000, i % 25 === 0 ? 'review' : 'done');
  })();
  raw.exec('analyze');
  raw.close();
}

const dir = mkdtempSync(join(tmpdir(), 'kanslist-room-bench-'));
const file = values.db ?? join(dir, 'kanslist.db');
try {
  const started = performance.now();
  if (!existsSync(file)) await fill(file);
  const generateMs = performance.now() - started;
  const room = await createTestRoom([{ username: 'operator', roles: ['operator'] }], { storeUrl: `sqlite:${file}`, dir });
  try {
    const client = room.client();
    await client.login('operator');
    const rows: string[] = [];
    for (const page of PAGES) {
      const times: number[] = [];
      for (let r = 0; r <= reps; r++) {
        const t0 = performance.now();
        const response = await client.get(page);
        const ms = performance.now() - t0;
        if (response.statusCode !== 200) throw new Error(`${page} answered ${response.statusCode}`);
        if (r > 0) times.push(ms);
      }
      times.sort((a, b) => a - b);
      rows.push(`| \`${page}\` | ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms | ${times.at(-1)!.toFixed(0)} ms |`);
    }
    console.log(
      `${items.toLocaleString('en')} items, SQLite, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}; store ${values.db && generateMs < 1000 ? 'reused' : `generated in ${(generateMs / 1000).toFixed(0)} s`}; ${reps} requests per page after one warm-up\n`,
    );
    console.log('| page | median server time | slowest |\n|---|---|---|');
    console.log(rows.join('\n'));
  } finally {
    await room.close();
  }
} finally {
  if (values.db === undefined) rmSync(dir, { recursive: true, force: true });
}
