/**
 * Route guards. Without a session: a page redirects to the login (and back afterwards), anything
 * else answers 401 — never data. With a session but without the permission: 403.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { statusPage } from './page.ts';
import type { ControlRoom } from './context.ts';
import { controlRoomMessages } from './messages/index.ts';
import { can, type Permission, type Person } from './roles.ts';

export function requirePermission(room: ControlRoom, permission: Permission): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    if (request.person === null) return loginFirst(request, reply);
    if (!can(request.person, permission)) return forbidden(room, request, reply);
  };
}

export function loginFirst(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (request.method === 'GET') return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
  return reply.code(401).type('text/plain; charset=utf-8').send('401 Unauthorized: log in first.');
}

export function forbidden(room: ControlRoom, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return statusPage(room, request, reply, 403, controlRoomMessages.for(request.language).errors.forbidden);
}

/** The person on a guarded route (the guard has run). */
export function personOf(request: FastifyRequest): Person {
  if (request.person === null) throw new Error('personOf() on an unguarded route');
  return request.person;
}

/** A one-time message shown on the next page. */
export function flash(request: FastifyRequest, message: string): void {
  request.session.flash = message;
}

/** The trimmed text field of a form, or '' when absent. */
export function field(request: FastifyRequest, name: string): string {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body?.[name];
  return typeof value === 'string' ? value.trim() : '';
}
