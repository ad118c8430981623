/**
 * The benchmark's output: markdown tables for docs/benchmarks.md and a JSON file with every run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mean, percentOver, round, type Contestant, type Measurement } from './measure.ts';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  chromium: string;
  platform: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
}

export interface BenchReport {
  startedAt: string;
  command: string;
  machine: MachineInfo;
  measurements: Measurement[];
}

/** The overhead comparison (mean over repetitions) and the scaling table. */
export function markdownTables(measurements: readonly Measurement[]): string {
  return [overheadTable(measurements), '', scalingTable(measurements)].join('\n');
}

function overheadTable(measurements: readonly Measurement[]): string {
  const rows = [
    '| scenario | workers | latency | contestant | runs | wall s | items/min | time per item (work/items) | median item | CPU per item | exactly once |',
    '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  const scenarios = unique(measurements.filter((m) => m.scenario.startsWith('overhead')).map((m) => m.scenario));
  if (scenarios.length === 0) return '';
  const verdicts: string[] = [];
  for (const scenario of scenarios) {
    const of = (c: Contestant) => measurements.filter((m) => m.scenario === scenario && m.contestant === c);
    for (const contestant of ['plain', 'framework'] as const) {
      const runs = of(contestant);
      const first = runs[0];
      if (!first) continue;
      rows.push(
        `| ${scenario} | ${first.workers} | ${first.latencyMs} ms | ${contestant} | ${runs.length} | ${fmt(mean(runs.map((m) => m.wallMs)) / 1000, 1)} | ${fmt(mean(runs.map((m) => m.itemsPerMin)), 1)} | ${fmt(mean(runs.map((m) => m.msPerItem)), 0)} ms | ${fmt(mean(runs.map((m) => m.medianItemMs)), 0)} ms | ${fmt(mean(runs.map((m) => m.cpuMsPerItem)), 0)} ms | ${runs.every((m) => m.exactlyOnce) ? 'yes' : 'NO'} |`,
      );
    }
    const plain = of('plain');
    const framework = of('framework');
    if (plain.length && framework.length) {
      const perItem = percentOver(mean(framework.map((m) => m.msPerItem)), mean(plain.map((m) => m.msPerItem)));
      const medianItem = percentOver(mean(framework.map((m) => m.medianItemMs)), mean(plain.map((m) => m.medianItemMs)));
      verdicts.push(
        `- ${scenario}: framework time per item ${signed(perItem)} % vs the plain script (median single item ${signed(medianItem)} %); aim ≤ 5 %: ${perItem <= 5 ? 'met' : 'not met'}`,
      );
    }
  }
  return [...rows, '', ...verdicts].join('\n');
}

function scalingTable(measurements: readonly Measurement[]): string {
  const runs = measurements.filter((m) => m.scenario.startsWith('scaling')).sort((a, b) => a.workers - b.workers);
  if (runs.length === 0) return '';
  const one = mean(runs.filter((m) => m.workers === 1).map((m) => m.itemsPerMin));
  const rows = [
    '| workers | latency | items | wall s | items/min | speed-up vs 1 worker | time per item (work/items) | median item | CPU per item | exactly once |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const workers of unique(runs.map((m) => m.workers))) {
    const group = runs.filter((m) => m.workers === workers);
    const first = group[0]!;
    const perMin = mean(group.map((m) => m.itemsPerMin));
    rows.push(
      `| ${workers} | ${first.latencyMs} ms | ${first.items} | ${fmt(mean(group.map((m) => m.wallMs)) / 1000, 1)} | ${fmt(perMin, 1)} | ${fmt(perMin / one, 2)}× | ${fmt(mean(group.map((m) => m.msPerItem)), 0)} ms | ${fmt(mean(group.map((m) => m.medianItemMs)), 0)} ms | ${fmt(mean(group.map((m) => m.cpuMsPerItem)), 0)} ms | ${group.every((m) => m.exactlyOnce) ? 'yes' : 'NO'} |`,
    );
  }
  const eight = mean(runs.filter((m) => m.workers === 8).map((m) => m.itemsPerMin));
  if (Number.isFinite(eight) && Number.isFinite(one))
    rows.push('', `- 8 workers = ${fmt(eight / one, 2)}× one worker; aim ≥ 6×: ${eight / one >= 6 ? 'met' : 'not met'}`);
  return rows.join('\n');
}

export function writeResults(dir: string, report: BenchReport): string {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-').replace(/Z$/, '');
  const file = join(dir, `results-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** One line per run, printed as it finishes. */
export function progressLine(m: Measurement): string {
  const status = m.exactlyOnce ? 'ok' : `PROBLEMS: ${m.problems.slice(0, 3).join('; ')}`;
  return `${m.scenario} rep ${m.rep} ${m.contestant.padEnd(9)} workers ${m.workers} latency ${m.latencyMs} ms: wall ${fmt(m.wallMs / 1000, 1)} s, CPU ${fmt(m.cpuMsPerItem, 0)} ms/item, ${fmt(m.itemsPerMin, 1)} items/min, ${m.msPerItem} ms/item, median item ${m.medianItemMs} ms — ${status}`;
}

function fmt(value: number, digits: number): string {
  return Number.isFinite(value) ? round(value, digits).toFixed(digits) : '–';
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
