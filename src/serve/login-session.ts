/**
 * What a successful login does, by password or single sign-on alike: a new session id (a session
 * fixed before login is worthless), the person and the time, the language chosen before logging
 * in or else the account's, and a login record on the trail.
 */
import type { FastifyRequest } from 'fastify';
import type { ControlRoom } from './context.ts';

export async function startSession(
  room: ControlRoom,
  request: FastifyRequest,
  username: string,
  accountLanguage: string | null,
): Promise<void> {
  const chosen = request.session.language;
  await request.session.regenerate();
  request.session.username = username;
  request.session.loginAt = Date.now();
  const language = chosen ?? accountLanguage;
  if (language !== null) request.session.language = language;
  await room.trail.login(username, 'ok', request.ip);
}
