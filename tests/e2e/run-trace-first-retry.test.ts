/**
 * The default trace mode, on-first-retry: an item done at its first attempt leaves no trace (the
 * happy path records nothing), an item whose first attempt failed keeps that attempt's masked
 * screenshot and HTML, and its first retry is traced.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/runner/summary.ts';
import type { WorkItem } from '../../src/store/index.ts';
import { createHarness, harnessItems, type Harness } from '../helpers/run-harness.ts';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('run: traces on the first retry only (the default)', () => {
  let h: Harness;
  let summary: RunSummary;
  let items: WorkItem[];
  beforeAll(async () => {
    h = await createHarness({ count: 3, errorShare: 0, seed: 53 });
    let failed = false;
    summary = await h.run({
      trace: undefined, // the default
      concurrency: 1,
      onOutcome: (o) => {
        // The second item's first attempt meets a 500 page; everything after it goes through.
        if (o.kind === 'done' && !failed) {
          failed = true;
          h.hub.setFaults({ error500Rate: 1 });
        } else if (o.kind === 'retry') {
          h.hub.setFaults({});
        }
      },
    });
    items = await harnessItems(h);
  }, 240_000);
  afterAll(() => h?.close());

  it("traces the retry, keeps the failed attempt's screenshot, and records nothing for the happy path", () => {
    expect(summary.allDone).toBe(true);
    const retried = items.filter((i) => i.attempts > 1);
    const firstTime = items.filter((i) => i.attempts === 1);
    expect(retried.length).toBeGreaterThan(0);
    const runDir = join(h.config.paths.var, 'runs', summary.runId);
    for (const item of retried) {
      const files = filesUnder(join(runDir, item.id)).map((f) => f.slice(runDir.length + item.id.length + 2));
      expect(files, item.key).toContain('trace-attempt-2.zip');
      expect(
        files.filter((f) => f.endsWith('.zip') && f !== 'trace-attempt-2.zip'),
        item.key,
      ).toEqual([]);
      expect(
        files.some((f) => f.endsWith('.png')),
        item.key,
      ).toBe(true);
    }
    for (const item of firstTime) {
      expect(
        filesUnder(join(runDir, item.id)).filter((f) => f.endsWith('.zip')),
        item.key,
      ).toEqual([]);
    }
  });
});
