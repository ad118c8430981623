/**
 * The control room's persistence on both engines: accounts, per-account lockout, server-side
 * sessions that end with a password change or a removal, and the dashboard's grouped reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';

const pg = usePgSchemas('kanslist_users');
const engines: Array<[string, () => Promise<Store>]> = [
  [
    'sqlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kanslist-users-'));
      const store = await openStore(`sqlite:${join(dir, 'k.db')}`);
      const close = store.close.bind(store);
      return Object.assign(store, {
        close: async () => {
          await close();
          rmSync(dir, { recursive: true, force: true });
        },
      });
    },
  ],
  ...(pg.url === undefined ? [] : [['postgres', () => openStore(pg.newSchemaUrl())] as [string, () => Promise<Store>]]),
];

describe.each(engines)('control room store on %s', (_engine, open) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  const user = (username: string) => ({
    username,
    displayName: username,
    passwordHash: 'hash',
    roles: ['clerk'],
    bots: ['b'],
    source: 'local',
  });

  it('adds, lists and refuses a second account of the same name', async () => {
    store = await open();
    await store.users.add(user('anna'), 1000);
    await expect(store.users.add(user('anna'))).rejects.toMatchObject({ code: 'KANSLIST_USER_EXISTS' });
    expect(await store.users.get('anna')).toMatchObject({
      username: 'anna',
      roles: ['clerk'],
      bots: ['b'],
      failedLogins: 0,
      lockedUntil: null,
      createdAt: 1000,
    });
    expect((await store.users.list()).map((u) => u.username)).toEqual(['anna']);
  });

  it('locks an account after the given number of failures until the lock ends, and a success clears the count', async () => {
    store = await open();
    await store.users.add(user('bo'));
    for (let i = 1; i < 3; i++) expect(await store.users.failedLogin('bo', { lockAfter: 3, lockMs: 60_000, now: 5000 })).toBeNull();
    expect(await store.users.failedLogin('bo', { lockAfter: 3, lockMs: 60_000, now: 5000 })).toBe(65_000);
    await store.users.succeededLogin('bo');
    expect(await store.users.get('bo')).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect(await store.users.failedLogin('nobody', { lockAfter: 3, lockMs: 1 })).toBeNull();
  });

  it('keeps sessions until they expire, and ends them with a new password or the removal of the account', async () => {
    store = await open();
    await store.users.add(user('cia'));
    await store.webSessions.set('s1', { username: 'cia', json: '{"a":1}', expiresAt: 10_000 });
    await store.webSessions.set('s2', { username: null, json: '{}', expiresAt: 2_000 });
    expect(await store.webSessions.get('s1', 5_000)).toBe('{"a":1}');
    expect(await store.webSessions.get('s2', 5_000)).toBeUndefined();
    expect(await store.webSessions.purgeExpired(20_000)).toBe(1);
    await store.webSessions.set('s3', { username: 'cia', json: '{}', expiresAt: Date.now() + 60_000 });
    await store.users.setPassword('cia', 'new-hash');
    expect(await store.webSessions.get('s3')).toBeUndefined();
    await store.webSessions.set('s4', { username: 'cia', json: '{}', expiresAt: Date.now() + 60_000 });
    expect(await store.users.remove('cia')).toBe(true);
    expect(await store.webSessions.get('s4')).toBeUndefined();
    expect(await store.users.remove('cia')).toBe(false);
  });

  it("counts each bot's queue by status with the oldest waiting item, and today's attempts by outcome", async () => {
    store = await open();
    const run = await store.runs.create({ bot: 'a', botVersion: 'v', trigger: 'cli', host: 'h', pid: 1 });
    await store.queue.enqueue(
      'a',
      [
        { key: '1', payload: {} },
        { key: '2', payload: {} },
        { key: '3', payload: {}, rejected: { code: 'X', reason: 'r' } },
      ],
      { runId: run.id, maxAttempts: 3 },
    );
    const claimed = await store.queue.claim('a', { runId: run.id, workerId: 'w', leaseMs: 60_000 });
    await store.queue.complete(claimed!.id, 'w', { ok: true });
    const [queue] = await store.dashboard.queues();
    expect(queue).toMatchObject({ bot: 'a', counts: { pending: 1, done: 1, review: 1, running: 0 } });
    expect(queue!.oldestWaitingSince).toBeGreaterThan(0);
    expect(await store.dashboard.activitySince(0)).toEqual([
      { bot: 'a', outcomes: { done: 1, review: 0, retry: 0, failed: 0, released: 0, uncertain: 0 } },
    ]);
    expect(await store.dashboard.activitySince(Date.now() + 60_000)).toEqual([]);
  });
});
