/**
 * One scenario: a fresh CaseHub with the robot accounts and the scenario's latency, one generated
 * e-service export, then the contestants' runs. Before each run CaseHub forgets its cases and
 * sessions, and after it every application must be registered exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLERK_ACCOUNT, ROBOT_ACCOUNTS, startCaseHub, type CaseHub } from '../src/fixtures/casehub/index.ts';
import { generateEServiceExport, type GeneratedExport } from '../src/fixtures/inputs/index.ts';
import { runFramework } from './framework-run.ts';
import { processTreeCpuMs } from './cpu.ts';
import { measurement, type Contestant, type Measurement, type RawRun } from './measure.ts';
import { runPlainScript } from './plain-playwright.ts';

export interface Scenario {
  name: string;
  /** 'overhead' runs both contestants (order alternating per repetition); 'scaling' runs the framework only. */
  kind: 'overhead' | 'scaling';
  workers: number;
  /** Added to every CaseHub UI request, fixed (no jitter). */
  latencyMs: number;
  items: number;
  reps: number;
}

export async function runScenario(
  scenario: Scenario,
  onRun: (m: Measurement) => void,
  onPhase: (phase: string) => void = () => undefined,
): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-bench-input-'));
  onPhase(`${scenario.name}: starting CaseHub`);
  const hub = await startCaseHub({
    port: 0,
    users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS],
    faults: { latencyMs: scenario.latencyMs },
    seed: 3,
  });
  try {
    onPhase(`${scenario.name}: generating the input`);
    const input = await generateEServiceExport({ count: scenario.items, errorShare: 0, seed: 5, outDir: join(dir, 'inputs') });
    const results: Measurement[] = [];
    for (let rep = 1; rep <= scenario.reps; rep++) {
      for (const [index, contestant] of contestantsFor(scenario, rep).entries()) {
        hub.reset();
        onPhase(`${scenario.name} rep ${rep}: running ${contestant}`);
        const cpuBefore = processTreeCpuMs();
        const raw =
          contestant === 'plain' ? await timePlain(hub, input, scenario.workers) : await timeFramework(hub, input, scenario.workers);
        // CaseHub runs in this process too; its share is the same for both contestants.
        raw.cpuMs = processTreeCpuMs() - cpuBefore;
        const m = measurement(
          {
            scenario: scenario.name,
            contestant,
            workers: scenario.workers,
            latencyMs: scenario.latencyMs,
            items: scenario.items,
            rep,
            position: index === 0 ? 1 : 2,
          },
          raw,
        );
        results.push(m);
        onRun(m);
      }
    }
    return results;
  } finally {
    onPhase(`${scenario.name}: closing CaseHub`);
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fairness: the plain script goes first in odd repetitions, the framework in even ones. */
function contestantsFor(scenario: Scenario, rep: number): Contestant[] {
  if (scenario.kind === 'scaling') return ['framework'];
  return rep % 2 === 1 ? ['plain', 'framework'] : ['framework', 'plain'];
}

async function timePlain(hub: CaseHub, input: GeneratedExport, workers: number): Promise<RawRun> {
  // The plain script writes the bot's receipt letters too: the same work per item as the bot.
  const letterDir = mkdtempSync(join(tmpdir(), 'kanslist-bench-letters-'));
  const started = Date.now();
  const result = await runPlainScript({
    baseUrl: hub.url,
    xlsxPath: input.xlsxPath,
    accounts: ROBOT_ACCOUNTS,
    concurrency: workers,
    letterDir,
  }).finally(() => rmSync(letterDir, { recursive: true, force: true }));
  const wallMs = Date.now() - started;
  const readBack = new Map(result.items.map((item) => [item.applicationId, item.caseNumber]));
  return {
    wallMs,
    cpuMs: Number.NaN,
    workStartedAt: result.workStartedAt,
    workEndedAt: result.workEndedAt,
    itemDurationsMs: result.items.map((i) => i.durationMs),
    problems: exactlyOnceProblems(hub, input, readBack),
  };
}

async function timeFramework(hub: CaseHub, input: GeneratedExport, workers: number): Promise<RawRun> {
  const result = await runFramework({ baseUrl: hub.url, xlsxPath: input.xlsxPath, concurrency: workers });
  const problems: string[] = [];
  const { outcomes } = result.summary;
  if (outcomes.done !== input.applications.length || !result.summary.allDone) {
    problems.push(
      `framework outcomes ${JSON.stringify(outcomes)}, allDone ${result.summary.allDone}${result.summary.fatal ? `, fatal: ${result.summary.fatal}` : ''}`,
    );
  }
  problems.push(...exactlyOnceProblems(hub, input, result.caseNumbers));
  return {
    wallMs: result.wallMs,
    cpuMs: Number.NaN,
    workStartedAt: result.workStartedAt,
    workEndedAt: result.workEndedAt,
    itemDurationsMs: result.itemDurationsMs,
    problems,
  };
}

/** CaseHub's own view: every application once, nothing else; read-back numbers match when given. */
function exactlyOnceProblems(hub: CaseHub, input: GeneratedExport, readBack: Map<string, string> | undefined): string[] {
  const problems: string[] = [];
  const counts = hub.countsByExternalRef();
  for (const application of input.applications) {
    const count = counts[application.applicationId] ?? 0;
    if (count !== 1) problems.push(`${application.applicationId} registered ${count} times`);
  }
  const cases = hub.cases();
  if (cases.length !== input.applications.length)
    problems.push(`CaseHub holds ${cases.length} cases, expected ${input.applications.length}`);
  if (readBack) {
    for (const registered of cases) {
      const ref = registered.externalRef ?? '(none)';
      if (readBack.get(ref) !== registered.caseNumber)
        problems.push(`${ref}: read back ${readBack.get(ref)}, CaseHub has ${registered.caseNumber}`);
    }
  }
  return problems;
}
