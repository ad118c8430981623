/**
 * Runs are scoped to their input and their system: two runs of one bot on one store, each with
 * its own input and its own CaseHub, at the same time — each CaseHub gets exactly its own input's
 * applications, none of the other's. A run without an input works on the backlog only when asked.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { cliEnv, createHarness, type Harness } from '../helpers/run-harness.ts';

describe('run: scoped to its input and its system', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    a = await createHarness({ count: 5, errorShare: 0, seed: 41, faults: { latencyMs: 20 } });
    // The second municipality's test system and export, on the first one's store.
    b = await createHarness({ count: 5, errorShare: 0, seed: 43, faults: { latencyMs: 20 }, storeUrl: a.storeUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("gives each CaseHub exactly its own input's applications when both run at once", async () => {
    const [first, second] = await Promise.all([a.run({ concurrency: 2 }), b.run({ concurrency: 2 })]);
    expect(first.allDone).toBe(true);
    expect(second.allDone).toBe(true);
    for (const [h, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const counts = h.hub.countsByExternalRef();
      for (const app of h.input.applications) expect(counts[app.applicationId], app.applicationId).toBe(1);
      for (const app of other.input.applications) expect(counts[app.applicationId], app.applicationId).toBeUndefined();
    }
  }, 300_000);

  it('asks for --input or --backlog instead of a silent empty run', async () => {
    const result = await runCli(['run', 'bygglov-registrering'], { env: { ...cliEnv(a), KANSLIST_VAR_DIR: join(a.dir, 'var') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KANSLIST_INPUT_MISSING');
    expect(result.stderr).toContain('--backlog');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
