/**
 * Schedules: each in words, its next fires with skip reasons, its last decisions; operators pause
 * and resume, each with a note. The pause goes through the schedule ledger (so every scheduler
 * reads it) on a chain of this server's own, and the person's action with their note on the
 * control room's trail.
 */
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { redact } from '../../audit/redact.ts';
import { listDecisions, readState } from '../../schedule/ledger-queries.ts';
import { nextFires, openScheduleLedger } from '../../schedule/index.ts';
import type { ControlRoom } from '../context.ts';
import { field, flash, personOf, requirePermission } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage, statusPage } from '../page.ts';
import { can } from '../roles.ts';
import { describeIn, projectSchedules } from '../schedules-data.ts';
import { fireScheduleInChild } from '../fire-schedule.ts';

export function registerSchedules(app: FastifyInstance, room: ControlRoom): void {
  app.get('/schedules', { preHandler: requirePermission(room, 'schedules') }, async (request, reply) => {
    const now = new Date();
    const schedules = await projectSchedules(room);
    const rows = await Promise.all(
      schedules.map(async (s) => ({
        schedule: s,
        text: describeIn(s, request.language),
        state: await readState(room.store, s.name),
        next: nextFires(s, now, 5),
        decisions: await listDecisions(room.store, { schedule: s.name, limit: 5 }),
      })),
    );
    return renderPage(room.views, request, reply, room.config.timeZone, 'schedules', controlRoomMessages.for(request.language).schedules.title, { rows, canAct: can(personOf(request), 'schedules.act') });
  });

  const act = requirePermission(room, 'schedules.act');
  app.post<{ Params: { name: string } }>('/schedules/:name/fire', { preHandler: act }, async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const name = request.params.name;
    if (!(await projectSchedules(room)).some((s) => s.name === name)) return statusPage(room, request, reply, 404, t.errors.notFound);
    const note = redact(field(request, 'note'));
    if (note === '') {
      flash(request, t.common.noteRequired);
      return reply.redirect('/schedules', 303);
    }
    // On the trail before the child starts: the fire is the person's decision, whatever the child decides.
    await room.trail.record(personOf(request), 'schedule.fire', { data: { schedule: name, note } });
    const pid = fireScheduleInChild(room, name);
    room.log.info('control room: a schedule was fired now', { schedule: name, by: personOf(request).username, pid });
    flash(request, t.schedules.wasFired({ name }));
    return reply.redirect('/schedules', 303);
  });

  for (const action of ['pause', 'resume'] as const) {
    app.post<{ Params: { name: string } }>(`/schedules/:name/${action}`, { preHandler: act }, async (request, reply) => {
      const t = controlRoomMessages.for(request.language);
      const name = request.params.name;
      if (!(await projectSchedules(room)).some((s) => s.name === name)) return statusPage(room, request, reply, 404, t.errors.notFound);
      const note = redact(field(request, 'note'));
      if (note === '') {
        flash(request, t.common.noteRequired);
        return reply.code(303).redirect('/schedules');
      }
      const person = personOf(request);
      const by = `${person.username} (control room)`;
      const ledger = await openScheduleLedger(room.store, { owner: `${hostname()}:${process.pid}`, auditKey: room.auditKey });
      try {
        if (action === 'pause') await ledger.pause(name, by, note);
        else await ledger.resume(name, by);
      } finally {
        await ledger.close();
      }
      await room.trail.record(person, `schedule.${action}`, { data: { schedule: name, note } });
      flash(request, action === 'pause' ? t.schedules.wasPaused({ name }) : t.schedules.wasResumed({ name }));
      return reply.redirect('/schedules', 303);
    });
  }
}
