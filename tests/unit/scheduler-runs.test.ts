/**
 * The daemon's runs on a ManualClock: how each run's end is recorded and alerted, preflight
 * before a fire, a manual fire under the same rules, and a graceful stop with a run going.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PreflightReport } from '../../src/preflight/index.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { RecordingLauncher, brief, createSchedulerHarness, schedule, type SchedulerHarness } from '../helpers/scheduler-doubles.ts';

let h: SchedulerHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const hourly = (extra: object = {}) => schedule({ cron: '0 * * * *', maxDurationMinutes: 30, ...extra });

function report(counts: Partial<PreflightReport['counts']>, login: PreflightReport['login'] = 'ok'): PreflightReport {
  const all = { ok: 0, drift: 0, missing: 0, ambiguous: 0, 'not-checked': 0, ...counts };
  const targets = Object.entries(all).flatMap(([status, n]) =>
    Array.from({ length: n }, (_, i) => ({ path: `newCase.field${status}${i}`, screen: 'newCase', status: status as 'ok' })),
  );
  return {
    system: 'casehub',
    baseUrl: 'http://127.0.0.1:1',
    startedAt: 0,
    durationMs: 1,
    login,
    targets,
    counts: all,
    ok: login !== 'failed' && all.missing === 0 && all.ambiguous === 0,
    drift: all.drift > 0,
  };
}

const summary = (extra: Partial<RunSummary>): RunSummary => ({
  runId: 'r-1',
  bot: 'bygglov-registrering',
  botVersion: 'v',
  status: 'finished',
  allDone: false,
  evidenceDir: '/tmp/x',
  fatal: undefined,
  drift: [],
  outcomes: { done: 3, verified: 0, review: 2, retry: 0, failed: 0, released: 0, lost: 0 },
  enqueue: { added: 6, rejected: 1, skippedDone: 0, alreadyQueued: 0 },
  settle: { verifiedDone: 0, requeued: 0, toReview: 0, retried: 0, stillUncertain: 0 },
  queue: { pending: 0, running: 0, done: 3, review: 3, failed: 0, uncertain: 0, handled: 0 },
  ...extra,
});

async function oneFire(x: SchedulerHarness): Promise<void> {
  await x.scheduler.start();
  await x.runUntil('2026-05-04T07:30:00Z');
}

/** Waits until the runs started have ended and been recorded (launches that end by themselves only). */
async function settled(x: SchedulerHarness): Promise<void> {
  await x.scheduler.idle();
}

describe('scheduler daemon: run ends and alerts', () => {
  it('passes the maximum duration to the launcher, records a timed-out run and raises run-timed-out', async () => {
    h = await createSchedulerHarness({
      schedule: hourly(),
      start: '2026-05-04T06:30:00Z',
      launcher: new RecordingLauncher({ outcome: 'timed-out', exitCode: null, runId: 'r-9', uncertainItems: 2 }),
    });
    await oneFire(h);
    await settled(h);
    expect(h.launcher.launches[0]!.request).toMatchObject({ maxDurationMs: 30 * 60_000, trigger: 'cron' });
    const [decision] = await h.decisions();
    expect(decision).toMatchObject({
      decision: 'fired',
      outcome: 'timed-out',
      runId: 'r-9',
      pid: h.launcher.launches[0]!.pid,
      summary: { uncertainItems: 2 },
    });
    expect(h.alerter.alerts).toEqual([expect.objectContaining({ kind: 'run-timed-out', schedule: 'intake', runId: 'r-9' })]);
    expect(h.alerter.alerts[0]!.message).toMatch(/2 item\(s\) in progress are uncertain/);
  });

  it('raises run-failed when the child fails or crashes, and the next fire still happens', async () => {
    h = await createSchedulerHarness({
      schedule: hourly(),
      start: '2026-05-04T06:30:00Z',
      launcher: new RecordingLauncher({ outcome: 'crashed', exitCode: null, runId: null, error: 'the child was ended by SIGSEGV' }),
    });
    await h.scheduler.start();
    await h.runUntil('2026-05-04T08:30:00Z');
    await settled(h);
    expect((await h.decisions()).map((d) => [d.decision, d.outcome])).toEqual([
      ['fired', 'crashed'],
      ['fired', 'crashed'],
    ]);
    expect(h.alerter.alerts.map((a) => a.kind)).toEqual(['run-failed', 'run-failed']);
    expect(h.alerter.alerts[0]!.message).toContain('SIGSEGV');
  });

  it('raises review-items when a run sent new items to review (business exceptions and rejected rows)', async () => {
    h = await createSchedulerHarness({
      schedule: hourly(),
      start: '2026-05-04T06:30:00Z',
      launcher: new RecordingLauncher({ outcome: 'not-all-done', exitCode: 1, runId: 'r-1', summary: summary({}) }),
    });
    await oneFire(h);
    await settled(h);
    expect(h.alerter.alerts).toEqual([expect.objectContaining({ kind: 'review-items', details: expect.objectContaining({ review: 3 }) })]);
    const [decision] = await h.decisions();
    expect(decision).toMatchObject({
      outcome: 'not-all-done',
      exitCode: 1,
      summary: expect.objectContaining({ review: 3, outcomes: expect.objectContaining({ done: 3 }) }),
    });
  });

  it('raises nothing for a clean run', async () => {
    h = await createSchedulerHarness({
      schedule: hourly(),
      start: '2026-05-04T06:30:00Z',
      launcher: new RecordingLauncher({
        summary: summary({
          allDone: true,
          outcomes: { done: 3, verified: 0, review: 0, retry: 0, failed: 0, released: 0, lost: 0 },
          enqueue: null,
        }),
      }),
    });
    await oneFire(h);
    await settled(h);
    expect((await h.decisions())[0]).toMatchObject({ outcome: 'finished' });
    expect(h.alerter.alerts).toEqual([]);
  });
});

describe('scheduler daemon: preflight before a fire', () => {
  it('records preflight-failed, raises an alert and launches nothing when targets are missing', async () => {
    const checked: string[] = [];
    h = await createSchedulerHarness({
      schedule: hourly({ preflight: true }),
      start: '2026-05-04T06:30:00Z',
      preflight: (s) => (checked.push(s.name), Promise.resolve(report({ ok: 5, missing: 2 }))),
    });
    await oneFire(h);
    expect(checked).toEqual(['intake']);
    expect((await h.decisions()).map(brief)).toEqual([
      { at: '2026-05-04T07:00:00.000Z', decision: 'preflight-failed', reason: 'preflight' },
    ]);
    expect(h.launcher.launches).toHaveLength(0);
    expect(h.alerter.alerts).toEqual([expect.objectContaining({ kind: 'preflight-failed', system: 'casehub' })]);
  });

  it('records preflight-failed when the login fails', async () => {
    h = await createSchedulerHarness({
      schedule: hourly({ preflight: true }),
      start: '2026-05-04T06:30:00Z',
      preflight: () => Promise.resolve({ ...report({}, 'failed'), loginError: 'wrong password' }),
    });
    await oneFire(h);
    expect((await h.decisions())[0]!.detail).toMatch(/login failed/);
    expect(h.launcher.launches).toHaveLength(0);
  });

  it('fires with a drift warning when the preflight found only drift', async () => {
    h = await createSchedulerHarness({
      schedule: hourly({ preflight: true }),
      start: '2026-05-04T06:30:00Z',
      preflight: () => Promise.resolve(report({ ok: 5, drift: 1 })),
    });
    await oneFire(h);
    await settled(h);
    expect((await h.decisions()).map(brief)).toEqual([{ at: '2026-05-04T07:00:00.000Z', decision: 'fired', reason: null }]);
    expect(h.launcher.launches).toHaveLength(1);
    expect(h.alerter.alerts).toEqual([
      expect.objectContaining({ kind: 'drift', details: { targets: [{ path: 'newCase.fielddrift0', matched: null }] } }),
    ]);
  });
});

describe('scheduler daemon: manual fire and stop', () => {
  it('fires now with the same rules, waits for the run and returns the decision with its outcome', async () => {
    h = await createSchedulerHarness({ schedule: hourly(), start: '2026-05-04T07:12:00Z' });
    const decision = await h.scheduler.fireNow('intake');
    expect(decision).toMatchObject({
      plannedAt: Date.parse('2026-05-04T07:12:00Z'),
      decision: 'fired',
      reason: 'manual',
      trigger: 'manual',
      outcome: 'finished',
    });
    // The same rules: outside the window, a manual fire is skipped too.
    const windowed = await createSchedulerHarness({
      schedule: hourly({ windows: { available: [{ days: 'mon-fri', from: '08:00', to: '16:00' }] } }),
      start: '2026-05-04T05:12:00Z',
    });
    try {
      expect(await windowed.scheduler.fireNow('intake')).toMatchObject({ decision: 'skipped', reason: 'outside-window', outcome: null });
      expect(windowed.launcher.launches).toHaveLength(0);
      await expect(windowed.scheduler.fireNow('nope')).rejects.toMatchObject({ code: 'KANSLIST_SCHEDULE_UNKNOWN' });
    } finally {
      await windowed.close();
    }
  });

  it('on stop, tells the running child to stop, records its end and plans nothing more', async () => {
    h = await createSchedulerHarness({ schedule: hourly(), start: '2026-05-04T06:30:00Z', launcher: new RecordingLauncher() });
    await oneFire(h);
    const [launch] = h.launcher.launches;
    expect(launch!.request.signal.aborted).toBe(false);
    await h.scheduler.stop();
    expect(launch!.request.signal.aborted).toBe(true);
    expect((await h.decisions())[0]).toMatchObject({ decision: 'fired', outcome: 'interrupted' });
    expect(h.clock.pending()).toEqual([]);
  });
});
