/**
 * Schedules: each in words, its next fires with skip reasons, its last decisions; operators pause
 * and resume, each with a note. The pause goes through the schedule ledger (so every scheduler
 * reads it) on a chain of this server's own, and the person's action with their note on the
 * control room's trail.
 */
import type { FastifyInstance } from 'fastify';
import { redact } from '../../redact/redact.ts';
import { listDecisions, readState } from '../../schedule/ledger-queries.ts';
import { nextFires, openScheduleLedger, type ScheduleLedger } from '../../schedule/index.ts';
import { schedulerOwner } from '../../schedule/daemon/runtime.ts';
import type { ControlRoom } from '../context.ts';
import { field, flash, personOf, requirePermission } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage, statusPage } from '../page.ts';
import { can, type Person } from '../roles.ts';
import type { ControlRoomMessages } from '../messages/index.ts';
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
    return renderPage(
      room.views,
      request,
      reply,
      room.config.timeZone,
      'schedules',
      controlRoomMessages.for(request.language).schedules.title,
      { rows, canAct: can(personOf(request), 'schedules.act') },
    );
  });

  // Each action needs the schedule to exist and a note; the note goes on the trail with the person.
  const act = requirePermission(room, 'schedules.act');
  const actions: Record<
    'pause' | 'resume' | 'fire',
    (name: string, note: string, person: Person, t: ControlRoomMessages) => Promise<string>
  > = {
    pause: async (name, note, person, t) => {
      await withLedger(room, (ledger) => ledger.pause(name, `${person.username} (control room)`, note));
      return t.schedules.wasPaused({ name });
    },
    resume: async (name, _note, person, t) => {
      await withLedger(room, (ledger) => ledger.resume(name, `${person.username} (control room)`));
      return t.schedules.wasResumed({ name });
    },
    fire: (name, _note, person, t) => {
      const pid = fireScheduleInChild(room, name);
      room.log.info('control room: a schedule was fired now', { schedule: name, by: person.username, pid });
      return Promise.resolve(t.schedules.wasFired({ name }));
    },
  };
  for (const [action, perform] of Object.entries(actions)) {
    app.post<{ Params: { name: string } }>(`/schedules/:name/${action}`, { preHandler: act }, async (request, reply) => {
      const t = controlRoomMessages.for(request.language);
      const name = request.params.name;
      if (!(await projectSchedules(room)).some((s) => s.name === name)) return statusPage(room, request, reply, 404, t.errors.notFound);
      const note = redact(field(request, 'note'));
      if (note === '') {
        flash(request, t.common.noteRequired);
        return reply.redirect('/schedules', 303);
      }
      const person = personOf(request);
      // On the trail first: a fire is the person's decision, whatever the child then decides.
      await room.trail.record(person, `schedule.${action}`, { data: { schedule: name, note } });
      flash(request, await perform(name, note, person, t));
      return reply.redirect('/schedules', 303);
    });
  }
}

/** The schedule ledger on a chain of this server's own, closed after one operator action. */
async function withLedger(room: ControlRoom, work: (ledger: ScheduleLedger) => Promise<void>): Promise<void> {
  const ledger = await openScheduleLedger(room.store, { owner: schedulerOwner(), auditKey: room.auditKey });
  try {
    await work(ledger);
  } finally {
    await ledger.close();
  }
}
