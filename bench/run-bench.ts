/**
 * The benchmark: `npx tsx bench/run-bench.ts [--items N] [--reps R] [--quick] [--only overhead|scaling]`
 *
 *   1. Overhead: the example bot under Kanslist vs a plain Playwright script doing the same clicks,
 *      same CaseHub, same latency (20 ms a request), at 1 and 4 workers; the order alternates.
 *   2. Scaling: Kanslist at 1, 2, 4, 8 workers on a latency-bound CaseHub (200 ms a request).
 *
 * Prints markdown tables (for docs/benchmarks.md) and writes every run to var/bench/results-<date>.json.
 * Not part of `npm test`: it measures time, which tests must not assert on.
 */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../src/ui/browser.ts';
import { REPO_ROOT } from './framework-run.ts';
import type { Measurement } from './measure.ts';
import { markdownTables, progressLine, writeResults, type MachineInfo } from './report.ts';
import { runScenario, type Scenario } from './scenario.ts';

interface BenchOptions {
  overheadItems: number;
  scalingItems: number;
  reps: number;
  only: 'overhead' | 'scaling' | undefined;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { items: { type: 'string' }, reps: { type: 'string' }, quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  const items = values.items === undefined ? undefined : positiveInt(values.items, '--items');
  const only = values.only;
  if (only !== undefined && only !== 'overhead' && only !== 'scaling')
    throw new Error(`--only must be "overhead" or "scaling", not "${only}"`);
  return {
    // Quick: enough items for a stable number on 2 cores, in about two minutes.
    overheadItems: items ?? (values.quick ? 12 : 24),
    scalingItems: items ?? (values.quick ? 16 : 32),
    reps: values.reps === undefined ? (values.quick ? 1 : 2) : positiveInt(values.reps, '--reps'),
    only,
  };
}

function scenarios(o: BenchOptions): Scenario[] {
  const overhead: Scenario[] = [1, 4].map((workers) => ({
    name: `overhead-c${workers}`,
    kind: 'overhead',
    workers,
    latencyMs: 20,
    items: o.overheadItems,
    reps: o.reps,
  }));
  const scaling: Scenario[] = [1, 2, 4, 8].map((workers) => ({
    name: `scaling-w${workers}`,
    kind: 'scaling',
    workers,
    latencyMs: 200,
    items: o.scalingItems,
    reps: 1,
  }));
  if (o.only === 'overhead') return overhead;
  if (o.only === 'scaling') return scaling;
  return [...overhead, ...scaling];
}

async function machineInfo(): Promise<MachineInfo> {
  const browser = await launchBrowser();
  const chromium = browser.version();
  await browser.close();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    platform: `${platform()} ${release()}`,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    loadAverageAtEnd: [],
  };
}

/** A small unrecorded round of both contestants, so module loading and disk caches do not favour the second. */
async function warmUp(): Promise<void> {
  await runScenario({ name: 'warm-up', kind: 'overhead', workers: 1, latencyMs: 0, items: 2, reps: 1 }, () => undefined);
}

/** What the benchmark is doing now: named when the event loop drains before the end (a promise that never settled). */
let phase = 'starting';
let finished = false;
process.on('beforeExit', () => {
  if (finished) return;
  console.error(
    `bench: the event loop emptied while ${phase}: something awaited a promise that never settled and nothing else was pending.`,
  );
  process.exitCode = 1;
  finished = true;
});

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const machine = await machineInfo();
  console.log(
    `Kanslist benchmark — ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium}, load ${machine.loadAverageAtStart.join(' ')}`,
  );
  await warmUp();
  const measurements: Measurement[] = [];
  for (const scenario of scenarios(options)) {
    measurements.push(
      ...(await runScenario(
        scenario,
        (m) => console.log(progressLine(m)),
        (p) => void (phase = p),
      )),
    );
  }
  machine.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
  const command = `npx tsx bench/run-bench.ts ${process.argv.slice(2).join(' ')}`.trim();
  const file = writeResults(join(REPO_ROOT, 'var', 'bench'), { startedAt, command, machine, measurements });
  console.log(`\n${markdownTables(measurements)}\n\nload average at end: ${machine.loadAverageAtEnd.join(' ')}\nresults: ${file}`);
  if (measurements.some((m) => !m.exactlyOnce)) process.exitCode = 1;
  finished = true;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return n;
}

main().catch((error: unknown) => {
  finished = true;
  console.error(error);
  process.exitCode = 1;
});
