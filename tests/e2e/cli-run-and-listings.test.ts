/**
 * `kanslist run` and the listing commands an operator and a clerk use after it, as child
 * processes against CaseHub: exit codes, plain-line progress when stdout is not a terminal, the
 * summary, runs/items/review/retry/bots — and no identity number in any listing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEServiceExport } from '../../src/fixtures/inputs/index.ts';
import { openStore, type Run, type WorkItem } from '../../src/store/index.ts';
import { cliJson, identityNumberForms, runCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, type Harness } from '../helpers/run-harness.ts';

const RUN_HEADLINE = /^Run ([0-9a-f-]{36}) of bygglov-registrering \(version [0-9a-f]{12}\): finished$/m;

describe('kanslist run, runs, items, review, retry and bots as child processes', () => {
  let h: Harness;
  /** stdout of every listing command, checked for identity numbers at the end. */
  const listings: string[] = [];
  let cleanRunId: string;
  let mixedRunId: string;

  beforeAll(async () => {
    h = await createHarness({ count: 6, errorShare: 0.34, seed: 5 });
  });
  afterAll(() => h?.close());

  const cli = (args: string[]) => runCli(args, { env: cliEnv(h) });
  const listing = async (args: string[]) => {
    const result = await cli(args);
    expect(result.code, result.stderr).toBe(0);
    listings.push(result.stdout);
    return result.stdout;
  };
  const json = async <T>(args: string[]) => {
    const value = await cliJson<T>(args, { env: cliEnv(h) });
    listings.push(JSON.stringify(value));
    return value;
  };

  it('exits 0 after an export without errors, with one plain progress line per item and the summary', async () => {
    const clean = await generateEServiceExport({ count: 3, errorShare: 0, seed: 21, outDir: join(h.dir, 'clean') });
    const result = await cli(['run', BOT, '--input', clean.xlsxPath, '--concurrency', '2']);
    expect(result.code, result.stderr).toBe(0);
    // No bar redrawn in place (carriage return, escape codes): stdout is not a terminal.
    expect(result.stdout).not.toContain('\r');
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout).toMatch(/^3 item\(s\) to process$/m);
    for (const a of clean.applications) {
      expect(result.stdout).toMatch(new RegExp(`^done\\s+${a.applicationId} \\(attempt 1, [\\d.]+ s\\) → BN \\d{4}-\\d{6}$`, 'm'));
      expect(h.hub.countsByExternalRef()[a.applicationId]).toBe(1);
    }
    expect(result.stdout).toMatch(/^\s+done:\s+3$/m);
    cleanRunId = RUN_HEADLINE.exec(result.stdout)![1]!;
  }, 240_000);

  it('exits 1 when rows were business exceptions, and says how many', async () => {
    const invalid = h.input.applications.filter((a) => a.error !== null);
    expect(invalid.length).toBe(2);
    const result = await cli(['run', BOT, '--input', h.input.xlsxPath, '--concurrency', '2']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^\s+business exceptions \(to review\): 2$/m);
    expect(result.stdout).toMatch(new RegExp(`^\\s+done:\\s+${h.input.validCount}$`, 'm'));
    for (const a of h.input.applications) expect(h.hub.countsByExternalRef()[a.applicationId]).toBe(a.error === null ? 1 : undefined);
    mixedRunId = RUN_HEADLINE.exec(result.stdout)![1]!;
  }, 240_000);

  it('lists the runs newest first', async () => {
    const runs = await json<Run[]>(['runs']);
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      [mixedRunId, 'finished'],
      [cleanRunId, 'finished'],
    ]);
    const table = await listing(['runs']);
    expect(table).toContain(mixedRunId);
  }, 60_000);

  it("lists a run's items with their statuses, and only the review ones when asked", async () => {
    const items = await json<WorkItem[]>(['items', mixedRunId]);
    const statusByKey = Object.fromEntries(items.map((i) => [i.key, i.status]));
    expect(statusByKey).toEqual(
      Object.fromEntries(h.input.applications.map((a) => [a.applicationId, a.error === null ? 'done' : 'review'])),
    );

    const table = await listing(['items', mixedRunId.slice(0, 8), '--status', 'review']);
    for (const a of h.input.applications) {
      if (a.error === null) expect(table).not.toContain(a.applicationId);
      else expect(table).toContain(a.applicationId);
    }
  }, 60_000);

  it('lets a clerk requeue one review item and mark another handled with a note', async () => {
    const review = await json<WorkItem[]>(['review']);
    expect(review.map((i) => i.key).sort()).toEqual(
      h.input.applications
        .filter((a) => a.error !== null)
        .map((a) => a.applicationId)
        .sort(),
    );
    expect(review.every((i) => i.errorCode && i.reason)).toBe(true);
    const [first, second] = review as [WorkItem, WorkItem];

    // A clerk names an item as they see it: by its key (the application id), or by a short id prefix.
    const requeued = await cli(['review', 'requeue', first.key]);
    expect(requeued.code, requeued.stderr).toBe(0);
    expect(requeued.stdout).toContain(`Item ${first.id} (${first.key}) is pending again`);
    const handled = await cli(['review', 'handled', second.id.slice(0, 8), '--note', 'Registrerat för hand efter samtal med sökanden']);
    expect(handled.code, handled.stderr).toBe(0);

    expect(await json<WorkItem[]>(['review'])).toEqual([]);
    const store = await openStore(h.storeUrl);
    try {
      expect((await store.queue.get(first.id))?.status).toBe('pending');
      expect(await store.queue.get(second.id)).toMatchObject({
        status: 'handled',
        output: { handledNote: 'Registrerat för hand efter samtal med sökanden' },
      });
    } finally {
      await store.close();
    }
    // A second decision on the same item is refused: it is no longer in review.
    const again = await cli(['review', 'handled', second.id, '--note', 'igen']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/KANSLIST_NOT_IN_REVIEW/);
  }, 60_000);

  it('lists the bots', async () => {
    const bots = await json<{ name: string; system: string; verify: boolean; manualMinutes: number }[]>(['bots']);
    expect(bots).toContainEqual(expect.objectContaining({ name: BOT, system: 'casehub', verify: true, manualMinutes: 9 }));
  }, 60_000);

  it('shows no identity number in any listing', () => {
    const numbers = h.input.applications
      .filter((a) => a.error !== 'invalid-personnummer')
      .flatMap((a) => identityNumberForms(a.personnummer));
    expect(listings.length).toBeGreaterThan(4);
    const all = listings.join('\n');
    expect(all).toContain('[personnummer]'); // the payloads' numbers were there, masked
    for (const number of numbers) expect(all, 'an identity number in a listing').not.toContain(number);
  });

  it('retries a run whose item failed after its maximum attempts, and the retry registers it once', async () => {
    const one = await generateEServiceExport({ count: 1, errorShare: 0, seed: 33, outDir: join(h.dir, 'one') });
    const [application] = one.applications as [(typeof one.applications)[number]];
    const db = `sqlite:${join(h.dir, 'retry.db')}`;
    h.hub.setFaults({ error500Rate: 1 });
    const failedRun = await cli(['run', BOT, '--input', one.xlsxPath, '--db', db]);
    expect(failedRun.code, failedRun.stderr).toBe(3);
    expect(failedRun.stdout).toMatch(/system exceptions: 3 retried, 1 failed after max attempts/);
    expect(h.hub.countsByExternalRef()[application.applicationId]).toBeUndefined();
    const runId = RUN_HEADLINE.exec(failedRun.stdout)![1]!;

    const retry = await cli(['retry', runId, '--db', db]);
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stdout).toContain('1 item(s) back in the queue.');

    h.hub.setFaults({});
    // The retried item is no input's: the bot's backlog is worked on on purpose.
    const rerun = await cli(['run', BOT, '--backlog', '--db', db]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(h.hub.countsByExternalRef()[application.applicationId]).toBe(1);
  }, 240_000);
});
