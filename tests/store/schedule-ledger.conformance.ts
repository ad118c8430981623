/**
 * One behaviour suite for the schedule ledger on every store engine: schedule-ledger-sqlite.test.ts
 * and schedule-ledger-postgres.test.ts run it. `reopen` gives a second Store on the same database,
 * as a second scheduler (process or machine) would have.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditTrail, verifyAll, verifyRun } from '../../src/audit/trail.ts';
import { KanslistError } from '../../src/errors.ts';
import { openScheduleLedger, type NewDecision, type ScheduleLedger } from '../../src/schedule/index.ts';
import type { Store } from '../../src/store/index.ts';

export type OpenStore = () => Promise<Store>;

const KEY = Buffer.from('a-test-only-audit-key-0123456789', 'utf8');
const T0 = Date.parse('2026-03-02T06:00:00Z');
const MINUTE = 60_000;

function fire(plannedAt: number, extra: Partial<NewDecision> = {}): NewDecision {
  return { schedule: 'permit-intake', plannedAt, decision: 'fired', trigger: 'cron', bot: 'permit-intake', leaseMs: MINUTE, ...extra };
}

export function defineScheduleLedgerConformance(name: string, open: OpenStore, reopen: OpenStore): void {
  describe(`schedule ledger: ${name}`, () => {
    const stores: Store[] = [];
    const ledgers: ScheduleLedger[] = [];
    const track = async (store: Promise<Store>) => {
      const s = await store;
      stores.push(s);
      return s;
    };
    const ledger = async (store: Store, owner: string) => {
      const l = await openScheduleLedger(store, { owner, auditKey: KEY, host: 'test-host' });
      ledgers.push(l);
      return l;
    };
    /** Two schedulers on two connections to one database. */
    const twoSchedulers = async () => {
      const first = await track(open());
      const second = await track(reopen());
      return { first, second, a: await ledger(first, 'host-a:101'), b: await ledger(second, 'host-b:202') };
    };

    afterEach(async () => {
      for (const l of ledgers.splice(0)) await l.close().catch(() => undefined);
      for (const s of stores.splice(0)) await s.close();
    });

    describe('decide', () => {
      it('lets exactly one of 20 racing decisions for one fire win, across two connections', async () => {
        const { first, a, b } = await twoSchedulers();
        const racers = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).decide(fire(T0)));
        const won = await Promise.all(racers);
        expect(won.filter(Boolean)).toHaveLength(1);
        const winner = won.indexOf(true) % 2 === 0 ? 'host-a:101' : 'host-b:202';
        const rows = await a.decisions({ schedule: 'permit-intake' });
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ plannedAt: T0, decision: 'fired', decidedBy: winner, leaseOwner: winner });
        // The fire is recorded once in the audit trail too, in the winner's chain.
        await a.close();
        await b.close();
        const decisions = (await Promise.all([a.chainId, b.chainId].map((id) => first.audit.records(id))))
          .flat()
          .filter((r) => r.kind === 'schedule.decision');
        expect(decisions).toHaveLength(1);
        expect(decisions[0]!.run_id).toBe(winner === 'host-a:101' ? a.chainId : b.chainId);
      });

      it('decides each planned instant of a schedule on its own, and other schedules independently', async () => {
        const { a, b } = await twoSchedulers();
        expect(await a.decide(fire(T0))).toBe(true);
        expect(await b.decide(fire(T0 + 3 * 60 * MINUTE))).toBe(true);
        expect(await b.decide(fire(T0, { schedule: 'invoices', bot: 'invoices' }))).toBe(true);
        expect(await a.decide(fire(T0 + 3 * 60 * MINUTE, { decision: 'skipped', reason: 'holiday', leaseMs: undefined }))).toBe(false);
        expect((await a.decisions({ schedule: 'permit-intake' })).map((d) => d.plannedAt)).toEqual([T0 + 3 * 60 * MINUTE, T0]);
      });

      it('moves last_planned_at only forward, whatever order decisions land in; manual fires leave it alone', async () => {
        const { a, b } = await twoSchedulers();
        const instants = [5, 1, 4, 2, 3].map((h) => T0 + h * 60 * MINUTE);
        await Promise.all(instants.map((at, i) => (i % 2 === 0 ? a : b).decide(fire(at, { decision: 'missed', leaseMs: undefined }))));
        expect((await a.state('permit-intake')).lastPlannedAt).toBe(T0 + 5 * 60 * MINUTE);
        expect(await b.decide(fire(T0 + (60 * MINUTE) / 2))).toBe(true);
        expect((await b.state('permit-intake')).lastPlannedAt).toBe(T0 + 5 * 60 * MINUTE);
        expect(await a.decide(fire(T0 + 9 * 60 * MINUTE, { trigger: 'manual', reason: 'manual' }))).toBe(true);
        expect((await a.state('permit-intake')).lastPlannedAt).toBe(T0 + 5 * 60 * MINUTE);
      });

      it('keeps reason and detail, with personal numbers masked', async () => {
        const { a } = await twoSchedulers();
        await a.decide(
          fire(T0, { decision: 'preflight-failed', reason: 'preflight', detail: 'login failed for 19121212-1212', leaseMs: undefined }),
        );
        const [decision] = await a.decisions({});
        expect(decision).toMatchObject({ decision: 'preflight-failed', reason: 'preflight', trigger: 'cron' });
        expect(decision!.detail).toContain('login failed for');
        expect(decision!.detail).not.toContain('1212-1212');
      });

      it('rejects an unknown decision kind with a typed error', async () => {
        const { a } = await twoSchedulers();
        const error = await a.decide(fire(T0, { decision: 'maybe' as never })).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(KanslistError);
        expect((error as KanslistError).code).toBe('KANSLIST_SCHEDULE_LEDGER_INVALID');
        expect(await a.decisions({})).toEqual([]);
      });
    });

    describe('running fires and their lease', () => {
      it('counts a fired decision as running until it ends or its lease expires', async () => {
        const { a, b } = await twoSchedulers();
        await a.decide(fire(T0), T0);
        expect(await b.running('permit-intake', T0 + MINUTE / 2)).toMatchObject({ plannedAt: T0, leaseOwner: 'host-a:101' });
        // The deciding scheduler died: no heartbeat, the lease runs out.
        expect(await b.running('permit-intake', T0 + MINUTE + 1)).toBeUndefined();
        expect(await b.running('invoices', T0)).toBeUndefined();
      });

      it('renews the lease by heartbeat for its owner only', async () => {
        const { a, b } = await twoSchedulers();
        await a.decide(fire(T0), T0);
        expect(await b.heartbeat('permit-intake', T0, MINUTE, T0 + 1000)).toBe(false);
        expect(await a.heartbeat('permit-intake', T0, MINUTE, T0 + 50_000)).toBe(true);
        expect(await b.running('permit-intake', T0 + 100_000)).toMatchObject({ leaseExpiresAt: T0 + 110_000 });
        // After expiry, a non-owner still cannot take the lease by heartbeat.
        expect(await b.heartbeat('permit-intake', T0, MINUTE, T0 + 200_000)).toBe(false);
        expect(await b.running('permit-intake', T0 + 200_000)).toBeUndefined();
      });

      it('reports the lease lost once another fire of the schedule started after it expired', async () => {
        const { a, b } = await twoSchedulers();
        await a.decide(fire(T0), T0);
        await b.decide(fire(T0 + 3 * MINUTE), T0 + 3 * MINUTE);
        expect(await a.heartbeat('permit-intake', T0, MINUTE, T0 + 3 * MINUTE + 10)).toBe(false);
        expect((await a.running('permit-intake', T0 + 3 * MINUTE + 10))?.plannedAt).toBe(T0 + 3 * MINUTE);
      });

      it('lets the owner renew a lease that ran out when nothing took it over', async () => {
        const { a, b } = await twoSchedulers();
        await a.decide(fire(T0), T0);
        expect(await a.heartbeat('permit-intake', T0, MINUTE, T0 + 2 * MINUTE)).toBe(true);
        expect(await b.running('permit-intake', T0 + 2 * MINUTE + 10)).toMatchObject({ plannedAt: T0 });
      });

      it('gives skipped and missed fires no lease: they never count as running', async () => {
        const { a } = await twoSchedulers();
        await a.decide(fire(T0, { decision: 'skipped', reason: 'overlap', leaseMs: undefined }), T0);
        expect(await a.running('permit-intake', T0)).toBeUndefined();
        expect(await a.heartbeat('permit-intake', T0, MINUTE, T0)).toBe(false);
      });
    });

    describe('started and ended', () => {
      it('records the pid, run id, outcome, exit code and counts; an ended fire is not running', async () => {
        const { a, b } = await twoSchedulers();
        await a.decide(fire(T0), T0);
        await a.started('permit-intake', T0, { pid: 4321 });
        await a.started('permit-intake', T0, { pid: 4321, runId: 'run-1' });
        expect(await b.running('permit-intake', T0 + 1000)).toMatchObject({ pid: 4321, runId: 'run-1' });
        await a.ended(
          'permit-intake',
          T0,
          { outcome: 'not-all-done', exitCode: 1, runId: null, summary: { done: 4, review: 1 } },
          T0 + 2000,
        );
        expect(await b.running('permit-intake', T0 + 3000)).toBeUndefined();
        expect(await a.heartbeat('permit-intake', T0, MINUTE, T0 + 3000)).toBe(false);
        const [decision] = await b.decisions({ schedule: 'permit-intake' });
        expect(decision).toMatchObject({
          endedAt: T0 + 2000,
          outcome: 'not-all-done',
          exitCode: 1,
          runId: 'run-1',
          pid: 4321,
          summary: { done: 4, review: 1 },
        });
      });

      it('keeps the first recorded end: a later cleanup does not overwrite a real outcome', async () => {
        const { a, b } = await twoSchedulers();
        await a.decide(fire(T0), T0);
        await a.ended('permit-intake', T0, { outcome: 'finished', exitCode: 0, runId: 'run-1' }, T0 + 1000);
        await b.ended('permit-intake', T0, { outcome: 'crashed', exitCode: null, runId: null }, T0 + 5 * MINUTE);
        expect((await a.decisions({}))[0]).toMatchObject({ outcome: 'finished', exitCode: 0, endedAt: T0 + 1000 });
      });

      it('refuses to record a start or end of a fire that was never decided', async () => {
        const { a } = await twoSchedulers();
        const started = await a.started('permit-intake', T0, { pid: 1 }).catch((e: unknown) => e);
        const ended = await a.ended('permit-intake', T0, { outcome: 'finished', exitCode: 0, runId: null }).catch((e: unknown) => e);
        expect((started as KanslistError).code).toBe('KANSLIST_SCHEDULE_FIRE_NOT_FOUND');
        expect((ended as KanslistError).code).toBe('KANSLIST_SCHEDULE_FIRE_NOT_FOUND');
      });
    });

    describe('operator state', () => {
      it('starts unpaused with nothing planned, pauses with who and why, resumes', async () => {
        const { a, b } = await twoSchedulers();
        expect(await a.state('permit-intake')).toEqual({
          name: 'permit-intake',
          paused: false,
          pausedBy: null,
          pausedAt: null,
          pauseNote: null,
          lastPlannedAt: null,
        });
        await a.decide(fire(T0));
        await a.pause('permit-intake', 'anna.ops', 'CaseHub upgrade until Monday');
        const paused = await b.state('permit-intake');
        expect(paused).toMatchObject({ paused: true, pausedBy: 'anna.ops', pauseNote: 'CaseHub upgrade until Monday', lastPlannedAt: T0 });
        expect(paused.pausedAt).toEqual(expect.any(Number));
        await b.resume('permit-intake', 'bo.ops');
        expect(await a.state('permit-intake')).toMatchObject({ paused: false, pausedBy: null, pauseNote: null, lastPlannedAt: T0 });
      });
    });

    describe('listing decisions', () => {
      it('lists newest first, filtered by schedule and planned instant, limited', async () => {
        const { a } = await twoSchedulers();
        for (let h = 0; h < 5; h++)
          await a.decide(fire(T0 + h * 60 * MINUTE, { decision: 'skipped', reason: 'outside-window', leaseMs: undefined }));
        await a.decide(fire(T0, { schedule: 'invoices', bot: 'invoices' }));
        expect((await a.decisions({})).length).toBe(6);
        const recent = await a.decisions({ schedule: 'permit-intake', since: T0 + 2 * 60 * MINUTE });
        expect(recent.map((d) => d.plannedAt)).toEqual([4, 3, 2].map((h) => T0 + h * 60 * MINUTE));
        expect((await a.decisions({ schedule: 'permit-intake', limit: 2 })).map((d) => d.plannedAt)).toEqual(
          [4, 3].map((h) => T0 + h * 60 * MINUTE),
        );
      });
    });

    describe('audit', () => {
      it('appends a verifiable record for each decision won, end, pause and resume, beside run chains', async () => {
        const { first, a, b } = await twoSchedulers();
        const runTrail = await openAuditTrail(
          first,
          { runId: crypto.randomUUID(), bot: 'permit-intake', botVersion: 'v1', host: 'test-host' },
          { key: KEY },
        );
        await runTrail.append({ kind: 'run.start', data: { trigger: 'schedule:permit-intake' } });
        await a.decide(fire(T0), T0);
        await b.decide(fire(T0), T0);
        await a.ended('permit-intake', T0, { outcome: 'finished', exitCode: 0, runId: 'run-1', summary: { done: 3 } }, T0 + 1000);
        await b.decide(fire(T0 + MINUTE, { decision: 'skipped', reason: 'holiday', detail: 'långfredagen' }), T0 + MINUTE);
        await b.pause('permit-intake', 'anna.ops', 'upgrade');
        await a.resume('permit-intake', 'bo.ops');
        await Promise.all([runTrail.close(), a.close(), b.close()]);

        expect(a.chainId).toMatch(/^scheduler:host-a:101:\d{4}-\d\d-\d\dT/);
        expect(await verifyRun(first, a.chainId, { key: KEY })).toEqual({ ok: true, records: 3 });
        expect(await verifyRun(first, b.chainId, { key: KEY })).toEqual({ ok: true, records: 2 });
        const kinds = (await first.audit.records(a.chainId)).map((r) => [r.kind, JSON.parse(r.data) as unknown]);
        expect(kinds).toEqual([
          [
            'schedule.decision',
            expect.objectContaining({
              schedule: 'permit-intake',
              decision: 'fired',
              trigger: 'cron',
              plannedAt: new Date(T0).toISOString(),
            }),
          ],
          ['schedule.decision', expect.objectContaining({ event: 'ended', outcome: 'finished', runId: 'run-1' })],
          ['schedule.operator', expect.objectContaining({ action: 'resume', by: 'bo.ops' })],
        ]);
        const all = await verifyAll(first, { key: KEY });
        expect(all).toHaveLength(3);
        expect(all.every((r) => r.result.ok)).toBe(true);
      });

      it('cannot record after close, and closes twice safely', async () => {
        const { a } = await twoSchedulers();
        await a.close();
        await expect(a.close()).resolves.toBeUndefined();
        const error = await a.decide(fire(T0)).catch((e: unknown) => e);
        expect((error as KanslistError).code).toBe('KANSLIST_SCHEDULE_LEDGER_CLOSED');
      });
    });
  });
}
