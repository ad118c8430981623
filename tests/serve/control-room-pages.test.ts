/**
 * What an operator sees and does on the overview and a run's page, in-process: runs that need
 * attention (a crash, a preflight that failed), and retrying a run's failed items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScheduleLedger } from '../../src/schedule/index.ts';
import { createTestRoom, type TestRoom } from '../helpers/control-room.ts';

const BOT = 'bygglov-registrering';

describe('control room pages for operators', () => {
  let room: TestRoom;
  let runId: string;

  beforeAll(async () => {
    room = await createTestRoom([
      { username: 'operator', roles: ['operator'] },
      { username: 'viewer', roles: ['viewer'] },
    ]);
    const run = await room.store.runs.create({ bot: BOT, botVersion: 'test', trigger: 'cli', host: 'test', pid: 1 });
    runId = run.id;
    await room.store.queue.enqueue(
      BOT,
      [
        { key: 'ET-9', payload: {} },
        { key: 'ET-10', payload: {} },
      ],
      { runId, maxAttempts: 1 },
    );
    for (let i = 0; i < 2; i++) {
      const item = await room.store.queue.claim(BOT, { runId, workerId: 'w', leaseMs: 60_000 });
      await room.store.queue.fail(item!.id, 'w', { code: 'KANSLIST_TIMEOUT', reason: 'CaseHub did not answer', retryDelayMs: 0 });
    }
    await room.store.runs.finish(runId, 'crashed', null);
    const ledger = await openScheduleLedger(room.store, { owner: 'test:1', auditKey: null });
    await ledger.decide({
      schedule: 'permit-intake',
      plannedAt: Date.now() - 3_600_000,
      decision: 'preflight-failed',
      reason: 'preflight',
      detail: 'target casehub.saveButton missing',
      trigger: 'cron',
      bot: BOT,
    });
    await ledger.close();
  });
  afterAll(() => room?.close());

  it('lists a crashed run and a failed preflight under "needs attention" on the overview', async () => {
    const operator = room.client();
    await operator.login('operator');
    const body = (await operator.get('/')).body;
    const attention = /<ul id="attention">([\s\S]*?)<\/ul>/.exec(body)![1]!;
    expect(attention).toContain(`/runs/${runId}`);
    expect(attention).toContain('kraschad');
    expect(attention).toContain('permit-intake: förkontroll misslyckades (target casehub.saveButton missing)');
  });

  it("retries a run's failed items for an operator, on the trail; a viewer is not offered the button", async () => {
    const viewer = room.client();
    await viewer.login('viewer');
    expect((await viewer.get(`/runs/${runId}`)).body).not.toContain('/retry');
    const operator = room.client();
    await operator.login('operator');
    expect((await operator.get(`/runs/${runId}`)).body).toContain(`action="/runs/${runId}/retry"`);
    const response = await operator.post(`/runs/${runId}/retry`, {});
    expect(response.statusCode).toBe(303);
    expect((await operator.get(`/runs/${runId}`)).body).toContain('2 misslyckade ärenden väntar igen.');
    const items = await room.store.queue.list({ runId });
    expect(items.map((i) => [i.status, i.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
  });

  it('lets a clerk reject an application with a note (required), closing it as rejected and recording it', async () => {
    await room.store.users.add({
      username: 'clerk',
      displayName: 'Clerk',
      passwordHash: (await room.store.users.get('operator'))!.passwordHash,
      roles: ['clerk'],
      bots: [BOT],
      source: 'local',
    });
    await room.store.queue.enqueue(
      BOT,
      [{ key: 'ET-11', payload: { applicationId: 'ET-11' }, rejected: { code: 'BYGGLOV_UNKNOWN_MEASURE', reason: 'unknown measure' } }],
      { runId, maxAttempts: 3 },
    );
    const item = (await room.store.queue.list({ status: 'review' })).find((i) => i.key === 'ET-11')!;
    const clerk = room.client();
    await clerk.login('clerk');
    await clerk.get(`/review/${item.id}`);
    const withoutNote = await clerk.post(`/review/${item.id}/reject`, { note: '  ' });
    expect(withoutNote.statusCode).toBe(422);
    expect(withoutNote.body).toContain('En anteckning krävs.');
    expect((await room.store.queue.get(item.id))!.status).toBe('review');
    expect((await clerk.post(`/review/${item.id}/reject`, { note: 'Åtgärden söks inte hos oss; sökanden informerad.' })).statusCode).toBe(
      303,
    );
    expect((await clerk.get('/review')).body).toContain('ET-11 är avslagen.');
    expect(await room.store.queue.get(item.id)).toMatchObject({
      status: 'handled',
      output: { handledNote: 'Åtgärden söks inte hos oss; sökanden informerad.', resolution: 'rejected' },
    });
    const chains = (await room.store.audit.runIds()).filter((c) => c.startsWith('control-room:'));
    const actions = (await Promise.all(chains.map((c) => room.store.audit.records(c))))
      .flat()
      .map((r) => JSON.parse(r.data) as Record<string, unknown>);
    expect(actions).toContainEqual(expect.objectContaining({ person: 'clerk', roles: ['clerk'], action: 'review.reject', bot: BOT }));
  });
});
