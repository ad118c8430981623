/**
 * The time-saved report over a million items:
 *
 *   npx tsx bench/report-time-saved.ts [--items 1000000] [--engine sqlite|postgres|both] [--db FILE]
 *
 * 1. Generate: N work items of three bots, finished over 2026-Q1 (90 % done, 10 % exceptions with
 *    eight error codes), and the bots' runs, written straight into a fresh SQLite store (and, with
 *    --engine postgres|both and KANSLIST_TEST_PG_URL set, a fresh PostgreSQL schema) in batched
 *    inserts inside transactions. With --db FILE the SQLite store is kept there, and reused when
 *    the file exists (generation takes minutes; the report is what is measured).
 * 2. Measure, in a child process per engine (so its peak RSS is the report's alone): the database
 *    aggregation (computeTimeSaved), the PDF, and the XLSX with one row per item, each timed; the
 *    child's peak RSS (getrusage) and peak V8 heap (sampled every 50 ms).
 * 3. Check: the report's totals equal plain COUNT(*) queries, and the XLSX has one row per item.
 *
 * Prints a markdown table (for docs/benchmarks.md). Not part of `npm test`: it measures time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../src/store/index.ts';
import { generateItems, generateRuns, BENCH_BOTS, BENCH_PERIOD } from './report-time-saved-data.ts';
import type { Measured } from './report-time-saved-measure.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const BATCH = 1000;

interface Options {
  items: number;
  engines: Array<'sqlite' | 'postgres'>;
  db: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({ args: argv, options: { items: { type: 'string' }, engine: { type: 'string' }, db: { type: 'string' } } });
  const items = values.items === undefined ? 1_000_000 : Number(values.items);
  if (!Number.isInteger(items) || items < 1) throw new Error(`--items must be a positive whole number, not "${values.items}"`);
  const engine = values.engine ?? 'sqlite';
  if (engine !== 'sqlite' && engine !== 'postgres' && engine !== 'both')
    throw new Error(`--engine must be sqlite, postgres or both, not "${engine}"`);
  const engines: Array<'sqlite' | 'postgres'> = engine === 'both' ? ['sqlite', 'postgres'] : [engine];
  if (engines.includes('postgres') && !process.env.KANSLIST_TEST_PG_URL)
    throw new Error('--engine postgres needs KANSLIST_TEST_PG_URL=postgres://user@host:5432/db');
  return { items, engines, db: values.db };
}

/** SQLite: one prepared INSERT, BATCH rows per transaction (the store's migrations made the tables). */
export async function fillSqlite(file: string, items: number): Promise<void> {
  const store = await openStore(`sqlite:${file}`);
  await store.close();
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const insert = raw.prepare(
    `insert into work_items (id, bot, key, payload, status, attempts, max_attempts, available_at, error_code, reason, created_at, updated_at, started_at, finished_at, duration_ms)
     values (@id, @bot, @key, @payload, @status, @attempts, @max_attempts, @available_at, @error_code, @reason, @created_at, @updated_at, @started_at, @finished_at, @duration_ms)`,
  );
  const insertMany = raw.transaction((rows: ReturnType<typeof generateItems>) => {
    for (const row of rows) insert.run(row);
  });
  for (let start = 0; start < items; start += BATCH) insertMany(generateItems(start, Math.min(BATCH, items - start)));
  const run = raw.prepare(
    `insert into runs (id, bot, bot_version, trigger, host, pid, started_at, ended_at, heartbeat_at, status, input, summary)
     values (@id, @bot, @bot_version, @trigger, @host, @pid, @started_at, @ended_at, @heartbeat_at, @status, @input, @summary)`,
  );
  raw.transaction(() => {
    for (const row of generateRuns()) run.run(row);
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('analyze');
  raw.close();
}

/** The work_items columns the generator fills, with their PostgreSQL array types for unnest. */
const PG_COLUMNS: Array<[string, string]> = [
  ['id', 'text'],
  ['bot', 'text'],
  ['key', 'text'],
  ['payload', 'text'],
  ['status', 'text'],
  ['attempts', 'int4'],
  ['max_attempts', 'int4'],
  ['available_at', 'int8'],
  ['error_code', 'text'],
  ['reason', 'text'],
  ['created_at', 'int8'],
  ['updated_at', 'int8'],
  ['started_at', 'int8'],
  ['finished_at', 'int8'],
  ['duration_ms', 'int8'],
];

/**
 * PostgreSQL: batches of PG_BATCH rows, each one INSERT … SELECT FROM unnest(column arrays) — one
 * statement and fifteen parameters per batch instead of fifteen thousand — in one transaction.
 */
async function fillPostgres(url: string, schema: string, items: number): Promise<void> {
  const store = await openStore(url, { schema });
  await store.close();
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const PG_BATCH = 10_000;
  const names = PG_COLUMNS.map(([name]) => name).join(', ');
  const arrays = PG_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  try {
    await client.query('begin');
    for (let start = 0; start < items; start += PG_BATCH) {
      const rows = generateItems(start, Math.min(PG_BATCH, items - start)) as Array<Record<string, unknown>>;
      await client.query(
        `insert into work_items (${names}) select * from unnest(${arrays})`,
        PG_COLUMNS.map(([name]) => rows.map((r) => r[name] ?? null)),
      );
    }
    await client.query('commit');
    const runs = generateRuns() as Array<Record<string, unknown>>;
    const runColumns = Object.keys(runs[0]!);
    for (const run of runs)
      await client.query(
        `insert into runs (${runColumns.join(', ')}) values (${runColumns.map((_, i) => `$${i + 1}`).join(', ')})`,
        runColumns.map((c) => run[c] ?? null),
      );
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

/** Runs the measurement in a child process and returns what it printed. */
function measure(storeUrl: string, workDir: string, items: number): Measured {
  const script = join(HERE, 'report-time-saved-measure.ts');
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, script, '--store', storeUrl, '--dir', workDir, '--items', String(items)],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      env: process.env,
    },
  );
  if (child.status !== 0) throw new Error(`the measurement failed (exit ${child.status}):\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Measured;
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const s = (ms: number) => (ms / 1000).toFixed(2);

function table(rows: Array<{ engine: string; generateMs: number; m: Measured }>): string {
  const out = [
    '| engine | items | generate s | aggregate s | PDF s | XLSX s (rows) | XLSX MiB | report total s | peak RSS MiB | peak heap MiB | totals match |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const { engine, generateMs, m } of rows) {
    out.push(
      `| ${engine} | ${m.items.toLocaleString('en')} | ${generateMs < 0 ? 'reused' : s(generateMs)} | ${s(m.aggregateMs)} | ${s(m.pdfMs)} | ${s(m.xlsxMs)} (${m.xlsxRows.toLocaleString('en')}) | ${mib(m.xlsxBytes)} | ${s(m.aggregateMs + m.pdfMs + m.xlsxMs)} | ${mib(m.peakRssBytes)} | ${mib(m.peakHeapBytes)} | ${m.totalsMatch ? 'yes' : 'NO'} |`,
    );
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'kanslist-bench-time-saved-'));
  const rows: Array<{ engine: string; generateMs: number; m: Measured }> = [];
  const load = loadavg()[0]!.toFixed(1);
  try {
    for (const engine of o.engines) {
      console.error(`${engine}: generating ${o.items.toLocaleString('en')} items …`);
      let url: string;
      let generateMs = -1;
      let schema: string | undefined;
      const started = performance.now();
      if (engine === 'sqlite') {
        const file = o.db ?? join(work, 'bench.db');
        if (!existsSync(file)) {
          await fillSqlite(file, o.items);
          generateMs = performance.now() - started;
        }
        url = `sqlite:${file}`;
      } else {
        schema = `kanslist_bench_${randomBytes(4).toString('hex')}`;
        const base = process.env.KANSLIST_TEST_PG_URL!;
        await fillPostgres(base, schema, o.items);
        generateMs = performance.now() - started;
        url = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
      }
      console.error(`${engine}: measuring the report …`);
      const dir = join(work, engine);
      mkdirSync(dir, { recursive: true });
      try {
        rows.push({ engine, generateMs, m: measure(url, dir, o.items) });
      } finally {
        if (schema !== undefined) await dropSchema(process.env.KANSLIST_TEST_PG_URL!, schema);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${load} → ${loadavg()[0]!.toFixed(1)}`;
  const text = `${table(rows)}\n\n${machine}\nPeriod ${BENCH_PERIOD.label}, bots ${BENCH_BOTS.map((b) => b.name).join(', ')}.`;
  console.log(text);
  const results = join(HERE, '..', 'var', 'bench');
  mkdirSync(results, { recursive: true });
  writeFileSync(
    join(results, `time-saved-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ options: o, machine, rows }, null, 2),
  );
  if (rows.some((r) => !r.m.totalsMatch)) process.exitCode = 1;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
