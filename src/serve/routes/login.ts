/**
 * Logging in and out, and the language switch. A wrong name and a wrong password get the same
 * answer in the same time (a decoy hash is verified for unknown names); five wrong passwords
 * lock the account for 15 minutes; the address is throttled too. The session id is replaced at
 * login, so a session fixed before login is worthless.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLanguage } from '../../report/i18n/index.ts';
import type { ControlRoom } from '../context.ts';
import { field, loginFirst } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage } from '../page.ts';
import { startSession } from '../login-session.ts';
import { decoyHash, passwordMatches } from '../passwords.ts';
import { homePath, isRole } from '../roles.ts';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

export function registerLogin(
  app: FastifyInstance,
  room: ControlRoom,
  options: { loginAttemptsPerMinute: number; sso?: { label: string | undefined } | undefined },
): void {
  app.get('/login', (request, reply) => {
    if (request.person !== null) return reply.redirect(homePath(request.person), 303);
    return renderPage(room.views, request, reply, room.config.timeZone, 'login', controlRoomMessages.for(request.language).login.title, {
      next: safeNext(request),
      error: undefined,
      username: '',
      sso: options.sso,
    });
  });

  app.post('/login', { config: { rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const username = field(request, 'username');
    const password = (request.body as Record<string, unknown> | undefined)?.password;
    const fail = (error: string) => {
      reply.code(401);
      return renderPage(room.views, request, reply, room.config.timeZone, 'login', t.login.title, {
        next: safeNext(request),
        error,
        username,
        sso: options.sso,
      });
    };
    const user = username === '' ? undefined : await room.store.users.get(username);
    if (user?.lockedUntil != null && user.lockedUntil > Date.now()) {
      await room.trail.login(username, 'locked', request.ip);
      return fail(t.login.locked({ minutes: Math.ceil((user.lockedUntil - Date.now()) / 60_000) }));
    }
    const ok =
      typeof password === 'string' &&
      password !== '' &&
      (await passwordMatches(user?.passwordHash ?? (await decoyHash()), password)) &&
      user?.passwordHash != null;
    if (!ok || user === undefined) {
      if (user !== undefined) await room.store.users.failedLogin(user.username, { lockAfter: LOCK_AFTER_FAILURES, lockMs: LOCK_MS });
      await room.trail.login(username.slice(0, 100), 'failed', request.ip);
      return fail(t.login.failed);
    }
    await room.store.users.succeededLogin(user.username);
    await startSession(room, request, user.username, user.language);
    const person = { username: user.username, displayName: user.displayName, roles: user.roles.filter(isRole), bots: user.bots };
    return reply.redirect(safeNext(request) ?? homePath(person), 303);
  });

  app.post('/logout', async (request, reply) => {
    if (request.person === null) return loginFirst(request, reply);
    await room.trail.login(request.person.username, 'logout', request.ip);
    await request.session.destroy();
    return reply.redirect('/login', 303);
  });

  // Anyone may choose a language, before or after logging in; a person's choice is kept with their account.
  app.post('/language', async (request, reply) => {
    const chosen = field(request, 'language');
    if (isLanguage(chosen)) {
      request.session.language = chosen;
      if (request.person !== null) await room.store.users.update(request.person.username, { language: chosen });
    }
    const back = field(request, 'back');
    return reply.redirect(back.startsWith('/') && !back.startsWith('//') ? back : '/', 303);
  });

  app.get('/account', async (request, reply) => {
    if (request.person === null) return loginFirst(request, reply);
    return renderPage(room.views, request, reply, room.config.timeZone, 'account', controlRoomMessages.for(request.language).account.title);
  });
}

/** Where to go after login: only a path on this site (never `//evil.example`). */
function safeNext(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown>;
  const body = request.body as Record<string, unknown> | undefined;
  const next = body?.next ?? query.next;
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  return next;
}
