/** Queues: per bot, how many items wait in each state and since when, across runs. */
import type { FastifyInstance } from 'fastify';
import type { ControlRoom } from '../context.ts';
import { requirePermission } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage } from '../page.ts';

export function registerQueues(app: FastifyInstance, room: ControlRoom): void {
  app.get('/queues', { preHandler: requirePermission(room, 'queues') }, async (request, reply) => {
    const queues = await room.store.dashboard.queues();
    return renderPage(room.views, request, reply, room.config.timeZone, 'queues', controlRoomMessages.for(request.language).queues.title, {
      queues,
    });
  });
}
