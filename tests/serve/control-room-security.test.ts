/**
 * The control room as a municipality's security officer tests it: every route without a session,
 * every state-changing route without or with a wrong CSRF token, each role on every route it must
 * not use, a clerk guessing another bot's item ids, hostile text in payloads and reasons, login
 * throttling and session fixation. In-process (Fastify inject): no port, no browser, no timing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRoom, PASSWORD, type TestRoom } from '../helpers/control-room.ts';
import type { Role } from '../../src/serve/index.ts';
import { readState } from '../../src/schedule/ledger-queries.ts';
import { storeDb } from '../helpers/store-internals.ts';

const BOT = 'bygglov-registrering';
const OTHER_BOT = 'serveringstillstand';
const HOSTILE_NAME = '<script>alert("x")</script>';
const HOSTILE_LINK = 'javascript:alert(1)';

describe('control room security', () => {
  let room: TestRoom;
  let runId: string;
  let ownItem: string;
  let otherItem: string;

  beforeAll(async () => {
    room = await createTestRoom([
      { username: 'viewer', roles: ['viewer'] },
      { username: 'clerk', roles: ['clerk'], bots: [BOT] },
      { username: 'other-clerk', roles: ['clerk'], bots: [OTHER_BOT] },
      { username: 'operator', roles: ['operator'] },
      { username: 'auditor', roles: ['auditor'] },
      { username: 'admin', roles: ['admin'] },
    ]);
    const run = await room.store.runs.create({ bot: BOT, botVersion: 'test', trigger: 'cli', host: 'test', pid: 1 });
    runId = run.id;
    const rejected = { code: 'BYGGLOV_UNKNOWN_MEASURE', reason: `The measure "<img src=x onerror=alert(1)>" has no counterpart.` };
    await room.store.queue.enqueue(
      BOT,
      [
        {
          key: 'ET-1',
          payload: { applicationId: 'ET-1', name: HOSTILE_NAME, description: HOSTILE_LINK, measure: '<b>x</b>' },
          source: 'x.xlsx row 2',
          rejected,
        },
      ],
      { runId, maxAttempts: 3 },
    );
    await room.store.queue.enqueue(OTHER_BOT, [{ key: 'ST-1', payload: { name: 'Other' }, source: 'y.xlsx row 2', rejected }], {
      runId,
      maxAttempts: 3,
    });
    const items = await room.store.queue.list({ status: 'review' });
    ownItem = items.find((i) => i.bot === BOT)!.id;
    otherItem = items.find((i) => i.bot === OTHER_BOT)!.id;
  });
  afterAll(() => room?.close());

  const pages = () => [
    '/',
    '/live',
    '/runs',
    `/runs/${runId}`,
    `/runs/${runId}/report.xlsx`,
    '/queues',
    '/review',
    `/review/${ownItem}`,
    `/review/${ownItem}/evidence?file=x`,
    '/schedules',
    '/time-saved',
    '/time-saved/report.xlsx',
    '/audit',
    '/audit?verify=1',
    '/users',
    '/account',
  ];
  const actions = () => [
    '/logout',
    `/review/${ownItem}/handled`,
    `/review/${ownItem}/reject`,
    `/review/${ownItem}/requeue`,
    '/schedules/permit-intake/pause',
    '/schedules/permit-intake/resume',
    '/schedules/permit-intake/fire',
    '/audit/person',
    '/users/viewer/unlock',
    '/users/viewer/remove',
    `/runs/${runId}/retry`,
  ];

  it('without a session, every page redirects to the login and every action answers 401, never data', async () => {
    const anonymous = room.client();
    for (const url of pages()) {
      const response = await anonymous.get(url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toBe(`/login?next=${encodeURIComponent(url)}`);
      expect(response.body, url).not.toContain('ET-1');
    }
    for (const url of actions()) {
      const response = await anonymous.post(url, { note: 'n', idNumber: '19121212-1212', reason: 'r' });
      expect(response.statusCode, url).toBe(401);
    }
    expect((await room.store.queue.get(ownItem))!.status).toBe('review');
  });

  it('refuses every state-changing request without or with a wrong CSRF token (403), and changes nothing', async () => {
    const operator = room.client();
    expect((await operator.login('operator')).statusCode).toBe(303);
    const other = room.client();
    await other.login('auditor');
    await other.get('/audit');
    const foreignToken = /name="_csrf" value="([^"]+)"/.exec((await other.get('/audit')).body)![1]!;
    for (const url of actions().filter((u) => u !== '/logout')) {
      for (const csrf of [null, 'forged-token', foreignToken]) {
        await operator.get('/');
        const response = await operator.post(url, { note: 'n', idNumber: '19121212-1212', reason: 'r' }, { csrf });
        expect(response.statusCode, `${url} with ${String(csrf)}`).toBe(403);
      }
    }
    expect((await room.store.queue.get(ownItem))!.status).toBe('review');
    expect((await readState(room.store, 'permit-intake')).paused).toBe(false);
    // Logout without the token does not log out either.
    expect((await operator.post('/logout', {}, { csrf: null })).statusCode).toBe(403);
    expect((await operator.get('/runs')).statusCode).toBe(200);
  });

  const forbidden: Record<Role, { pages: string[]; actions: string[] }> = {
    viewer: {
      pages: ['/review', '/audit', '/users'],
      actions: ['handled', 'reject', 'requeue', 'pause', 'resume', 'fire', 'person', 'unlock', 'remove', 'retry'],
    },
    clerk: {
      pages: ['/', '/live', '/runs', '/queues', '/schedules', '/time-saved', '/audit', '/users'],
      actions: ['pause', 'resume', 'fire', 'person', 'unlock', 'remove', 'retry'],
    },
    operator: { pages: ['/audit', '/users'], actions: ['person', 'unlock', 'remove'] },
    auditor: {
      pages: ['/queues', '/review', '/schedules', '/users'],
      actions: ['handled', 'reject', 'requeue', 'pause', 'resume', 'fire', 'unlock', 'remove', 'retry'],
    },
    admin: {
      pages: ['/runs', '/queues', '/review', '/schedules', '/time-saved', '/audit'],
      actions: ['handled', 'reject', 'requeue', 'pause', 'resume', 'fire', 'person', 'retry'],
    },
  };

  it.each(Object.keys(forbidden) as Role[])('answers 403 to a %s on every route the role must not use', async (role) => {
    const client = room.client();
    await client.login(role === 'clerk' ? 'clerk' : role);
    const urls = (name: string) => actions().filter((u) => u.endsWith(`/${name}`));
    for (const page of forbidden[role].pages) {
      const response = await client.get(page);
      expect(response.statusCode, `${role} GET ${page}`).toBe(403);
      expect(response.body).not.toContain('ET-1');
    }
    for (const name of forbidden[role].actions) {
      for (const url of urls(name)) {
        await client.get('/account');
        const response = await client.post(url, { note: 'n', idNumber: '19121212-1212', reason: 'r' });
        expect(response.statusCode, `${role} POST ${url}`).toBe(403);
      }
    }
    expect((await room.store.queue.get(ownItem))!.status).toBe('review');
  });

  it("hides another bot's items from a clerk: guessed ids answer 404 and change nothing", async () => {
    const clerk = room.client();
    await clerk.login('other-clerk');
    expect((await clerk.get('/review')).body).not.toContain('ET-1');
    expect((await clerk.get('/review')).body).toContain('ST-1');
    expect((await clerk.get(`/review/${ownItem}`)).statusCode).toBe(404);
    expect((await clerk.get(`/review/${ownItem}/evidence?file=x`)).statusCode).toBe(404);
    await clerk.get(`/review/${otherItem}`);
    for (const action of ['handled', 'reject', 'requeue']) {
      expect((await clerk.post(`/review/${ownItem}/${action}`, { note: 'mine now' })).statusCode).toBe(404);
    }
    expect((await room.store.queue.get(ownItem))!.status).toBe('review');
  });

  it('renders hostile payloads and reasons as text, never as markup or links', async () => {
    const operator = room.client();
    await operator.login('operator');
    for (const url of ['/review', `/review/${ownItem}`, `/runs/${runId}`]) {
      const body = (await operator.get(url)).body;
      expect(body, url).not.toContain('<script>alert');
      expect(body, url).not.toContain('<img src=x');
      expect(body, url).not.toContain('<b>x</b>');
      expect(body, url).not.toMatch(/href="javascript:/i);
    }
    expect((await operator.get(`/review/${ownItem}`)).body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const headers = (await operator.get('/')).headers;
    expect(String(headers['content-security-policy'])).toMatch(/script-src 'self'/);
  });

  it('answers a wrong name and a wrong password alike, locks an account after five failures, and replaces the session id at login', async () => {
    await room.store.users.add({
      username: 'target',
      displayName: 't',
      passwordHash: (await room.store.users.get('viewer'))!.passwordHash,
      roles: ['viewer'],
      bots: [],
      source: 'local',
    });
    const guesser = room.client();
    const unknown = await guesser.login('nobody', 'whatever-password');
    const wrong = await guesser.login('target', 'wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body.match(/role="alert"[^>]*>([^<]+)</)![1]).toBe(wrong.body.match(/role="alert"[^>]*>([^<]+)</)![1]);
    for (let i = 2; i <= 5; i++) await guesser.login('target', `wrong-password-${i}`);
    const locked = await guesser.login('target', PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect((await room.store.users.get('target'))!.lockedUntil).toBeGreaterThan(Date.now());

    const person = room.client();
    await person.get('/login');
    const before = person.cookie();
    expect(before).toBeDefined();
    expect((await person.post('/login', { username: 'viewer', password: PASSWORD })).statusCode).toBe(303);
    expect(person.cookie()).toBeDefined();
    expect(person.cookie()).not.toBe(before);
  });

  it('ends the sessions of a removed account and of a changed password at once', async () => {
    await room.store.users.add({
      username: 'leaver',
      displayName: 'l',
      passwordHash: (await room.store.users.get('viewer'))!.passwordHash,
      roles: ['viewer'],
      bots: [],
      source: 'local',
    });
    const client = room.client();
    await client.login('leaver');
    expect((await client.get('/runs')).statusCode).toBe(200);
    await room.store.users.setPassword('leaver', (await room.store.users.get('viewer'))!.passwordHash!);
    expect((await client.get('/runs')).statusCode).toBe(303);
    await client.login('leaver');
    await room.store.users.remove('leaver');
    expect((await client.get('/runs')).statusCode).toBe(303);
  });

  it('refuses a person lookup without a reason or with an invalid number, recording nothing', async () => {
    const auditor = room.client();
    await auditor.login('auditor');
    await auditor.get('/audit');
    const before = (await room.store.audit.runIds()).length;
    const noReason = await auditor.post('/audit/person', { idNumber: '19121212-1212', reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Ett skäl krävs');
    const invalid = await auditor.post('/audit/person', { idNumber: '19121212-1213', reason: 'KS 2026/1' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).not.toContain('19121212');
    const records = await room.store.audit.recordsForSubjects(['191212121212']);
    expect(records).toEqual([]);
    expect((await room.store.audit.runIds()).length).toBe(before);
  });

  it('lets an admin unlock and remove accounts (never their own), which ends the removed sessions', async () => {
    await room.store.users.add({
      username: 'locked-out',
      displayName: 'l',
      passwordHash: (await room.store.users.get('viewer'))!.passwordHash,
      roles: ['viewer'],
      bots: [],
      source: 'local',
    });
    for (let i = 0; i < 5; i++) await room.store.users.failedLogin('locked-out', { lockAfter: 5, lockMs: 60_000 });
    const victim = room.client();
    await victim.login('clerk');
    const admin = room.client();
    await admin.login('admin');
    expect((await admin.get('/users')).body).toContain('locked-out');
    expect((await admin.post('/users/locked-out/unlock', {})).statusCode).toBe(303);
    expect((await room.store.users.get('locked-out'))!.lockedUntil).toBeNull();
    await admin.get('/users');
    expect((await admin.post('/users/admin/remove', {})).statusCode).toBe(303);
    expect(await room.store.users.get('admin')).toBeDefined();
    await admin.get('/users');
    expect((await admin.post('/users/locked-out/remove', {})).statusCode).toBe(303);
    expect(await room.store.users.get('locked-out')).toBeUndefined();
  });

  it('ends a session at its maximum age however active it is, and after its idle time', async () => {
    const short = await createTestRoom([{ username: 'viewer', roles: ['viewer'] }], { sessionLimits: { maxMs: 1 } });
    try {
      const client = short.client();
      expect((await client.login('viewer')).statusCode).toBe(303);
      expect((await client.get('/runs')).statusCode).toBe(303);
    } finally {
      await short.close();
    }
    // Idle: the sweep `kanslist serve` runs deletes what expired; here it runs as if 31 minutes had passed.
    const client = room.client();
    expect((await client.login('viewer')).statusCode).toBe(303);
    expect((await client.get('/runs')).statusCode).toBe(200);
    expect(await room.store.webSessions.purgeExpired(Date.now() + 31 * 60_000)).toBeGreaterThan(0);
    expect((await client.get('/runs')).statusCode).toBe(303);
  });

  it('puts logins and actions on the audit trail with the person and role, and the chain verifies', async () => {
    const rows = (await storeDb(room.store)
      .selectFrom('audit_records' as never)
      .selectAll()
      .execute()) as Array<{ kind: string; data: string; run_id: string }>;
    const logins = rows.filter((r) => r.kind === 'control.login').map((r) => JSON.parse(r.data) as { person: string; outcome: string });
    expect(logins).toContainEqual(expect.objectContaining({ person: 'operator', outcome: 'ok' }));
    expect(logins).toContainEqual(expect.objectContaining({ person: 'target', outcome: 'locked' }));
    expect(rows.some((r) => r.data.includes(PASSWORD) || r.data.includes('wrong-password'))).toBe(false);
    const { verifyRun } = await import('../../src/audit/trail.ts');
    const chains = [...new Set(rows.map((r) => r.run_id))];
    for (const chain of chains) expect(await verifyRun(room.store, chain)).toMatchObject({ ok: true });
  });
});
