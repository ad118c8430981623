/**
 * Accounts, for admins: who may log in, with which roles and bots, whether locked out; unlock and
 * remove (which ends their sessions). Adding accounts and setting passwords stays on the server
 * (`kanslist users add|passwd`), so no password ever crosses the web form.
 */
import type { FastifyInstance } from 'fastify';
import type { ControlRoom } from '../context.ts';
import { flash, personOf, requirePermission } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage, statusPage } from '../page.ts';

export function registerUsers(app: FastifyInstance, room: ControlRoom): void {
  const guard = requirePermission(room, 'users');
  app.get('/users', { preHandler: guard }, async (request, reply) => {
    const users = (await room.store.users.list()).map((u) => ({ ...u, locked: u.lockedUntil !== null && u.lockedUntil > Date.now() }));
    return renderPage(room.views, request, reply, room.config.timeZone, 'users', controlRoomMessages.for(request.language).users.title, {
      users,
    });
  });

  app.post<{ Params: { name: string } }>('/users/:name/unlock', { preHandler: guard }, async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const name = request.params.name;
    if ((await room.store.users.get(name)) === undefined) return statusPage(room, request, reply, 404, t.errors.notFound);
    await room.store.users.succeededLogin(name);
    await room.trail.record(personOf(request), 'users.unlock', { data: { username: name } });
    flash(request, t.users.wasUnlocked({ name }));
    return reply.redirect('/users', 303);
  });

  app.post<{ Params: { name: string } }>('/users/:name/remove', { preHandler: guard }, async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const name = request.params.name;
    if (name === personOf(request).username) {
      flash(request, t.users.notSelf);
      return reply.redirect('/users', 303);
    }
    if (!(await room.store.users.remove(name))) return statusPage(room, request, reply, 404, t.errors.notFound);
    await room.trail.record(personOf(request), 'users.rm', { data: { username: name } });
    flash(request, t.users.wasRemoved({ name }));
    return reply.redirect('/users', 303);
  });
}
