/**
 * The clerks' review queue: each item with its reason in the clerk's language, the masked
 * screenshot and the redacted page; mark handled (note required), correct and send back to the
 * robot (the bot's own validate runs), or reject (note required). A clerk sees only the bots they
 * are assigned to: another bot's item answers 404, exactly as an id that does not exist.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { redact } from '../../redact/redact.ts';
import { localizeReason } from '../../report/i18n/reasons/index.ts';
import { loadBot } from '../../runner/load-bot.ts';
import type { AnyBot } from '../../runner/bot.ts';
import { ItemStateError, type WorkItem } from '../../store/index.ts';
import type { ControlRoom } from '../context.ts';
import { correctPayload, editableFields } from '../correction.ts';
import { evidenceFiles } from '../evidence-files.ts';
import { field, flash, forbidden, personOf, requirePermission } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage, statusPage } from '../page.ts';
import { can, canSeeBot } from '../roles.ts';

const SHOWN = 500;
type ItemRequest = FastifyRequest<{ Params: { id: string } }>;

export function registerReview(app: FastifyInstance, room: ControlRoom): void {
  const read = requirePermission(room, 'review');
  const act = requirePermission(room, 'review.act');

  app.get('/review', { preHandler: read }, async (request, reply) => {
    const person = personOf(request);
    const items = (await room.store.queue.list({ status: 'review', limit: SHOWN })).filter((i) => canSeeBot(person, i.bot));
    const rows = items.map((item) => ({ ...item, reasonText: reasonOf(room, item, request.language) }));
    return renderPage(room.views, request, reply, room.config.timeZone, 'review', controlRoomMessages.for(request.language).review.title, {
      items: rows,
    });
  });

  app.get<{ Params: { id: string } }>('/review/:id', { preHandler: read }, async (request, reply) => {
    const item = await visibleItem(room, request);
    if (item === undefined) return notFound(room, request, reply);
    return itemPage(room, request, reply, item);
  });

  app.get<{ Params: { id: string }; Querystring: { file?: string } }>(
    '/review/:id/evidence',
    { preHandler: read },
    async (request, reply) => {
      const item = await visibleItem(room, request);
      if (item === undefined) return notFound(room, request, reply);
      const file = (await itemEvidence(room, item)).find((f) => f.id === request.query.file);
      if (file === undefined) return notFound(room, request, reply);
      if (file.kind === 'trace' && !can(personOf(request), 'traces')) return forbidden(room, request, reply);
      const body = readFileSync(file.path);
      if (file.kind === 'screenshot') return reply.type('image/png').header('cache-control', 'private, no-store').send(body);
      // The redacted HTML is shown as text: never rendered as a page of this site.
      if (file.kind === 'html') return reply.type('text/plain; charset=utf-8').header('cache-control', 'private, no-store').send(body);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="trace-${item.id.slice(0, 8)}.zip"`)
        .send(body);
    },
  );

  app.post<{ Params: { id: string } }>('/review/:id/handled', { preHandler: act }, (request, reply) =>
    close(room, request, reply, 'handled'),
  );
  app.post<{ Params: { id: string } }>('/review/:id/reject', { preHandler: act }, (request, reply) =>
    close(room, request, reply, 'rejected'),
  );

  app.post<{ Params: { id: string } }>('/review/:id/requeue', { preHandler: act }, async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const item = await visibleItem(room, request);
    if (item === undefined) return notFound(room, request, reply);
    if (item.status !== 'review') return itemPage(room, request, reply, item, t.review.notInReview, 409);
    const bot = await loadBotOf(room, item.bot);
    const form = Object.fromEntries(
      Object.entries((request.body ?? {}) as Record<string, unknown>)
        .filter(([k, v]) => k.startsWith('f_') && typeof v === 'string')
        .map(([k, v]) => [k.slice(2), v as string]),
    );
    const result = correctPayload(bot, item.payload, form);
    if (!result.ok) return itemPage(room, request, reply, item, t.review.invalid({ reason: redact(result.problem) }), 422, form);
    try {
      await room.store.queue.requeue(item.id, result.changed.length > 0 ? { payload: result.payload } : {});
    } catch (error) {
      if (error instanceof ItemStateError) return itemPage(room, request, reply, item, t.review.notInReview, 409);
      throw error;
    }
    // The fields' names go on the trail, not their values: the item's payload holds those.
    await room.trail.record(personOf(request), 'review.requeue', {
      itemId: item.id,
      itemKey: item.key,
      data: { bot: item.bot, corrected: result.changed, note: redact(field(request, 'note')) },
    });
    flash(request, t.review.wasRequeued({ key: item.key }));
    return reply.redirect('/review', 303);
  });
}

async function close(
  room: ControlRoom,
  request: ItemRequest,
  reply: FastifyReply,
  resolution: 'handled' | 'rejected',
): Promise<FastifyReply> {
  const t = controlRoomMessages.for(request.language);
  const item = await visibleItem(room, request);
  if (item === undefined) return notFound(room, request, reply);
  const note = field(request, 'note');
  if (note === '') return itemPage(room, request, reply, item, t.common.noteRequired, 422);
  try {
    await room.store.queue.markHandled(item.id, note, resolution);
  } catch (error) {
    if (error instanceof ItemStateError) return itemPage(room, request, reply, item, t.review.notInReview, 409);
    throw error;
  }
  await room.trail.record(personOf(request), resolution === 'handled' ? 'review.handled' : 'review.reject', {
    itemId: item.id,
    itemKey: item.key,
    data: { bot: item.bot, note: redact(note) },
  });
  flash(request, resolution === 'handled' ? t.review.wasHandled({ key: item.key }) : t.review.wasRejected({ key: item.key }));
  return reply.redirect('/review', 303);
}

async function itemPage(
  room: ControlRoom,
  request: ItemRequest,
  reply: FastifyReply,
  item: WorkItem,
  error?: string,
  status = 200,
  typed?: Record<string, string>,
): Promise<FastifyReply> {
  const person = personOf(request);
  const bot = await loadBotOf(room, item.bot).catch(() => undefined);
  const fields = bot === undefined ? [] : editableFields(bot, item.payload).map((f) => ({ ...f, value: typed?.[f.field] ?? f.value }));
  const evidence = (await itemEvidence(room, item)).filter((f) => f.kind !== 'trace' || can(person, 'traces'));
  reply.code(status);
  return renderPage(room.views, request, reply, room.config.timeZone, 'review-item', item.key, {
    item,
    fields,
    evidence,
    error,
    reasonText: reasonOf(room, item, request.language),
    attempts: await room.store.queue.attempts(item.id),
  });
}

/** The item if this person may see it; undefined for a missing item and another bot's item alike. */
async function visibleItem(room: ControlRoom, request: ItemRequest): Promise<WorkItem | undefined> {
  const id = request.params.id;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const item = await room.store.queue.get(id);
  return item !== undefined && canSeeBot(personOf(request), item.bot) ? item : undefined;
}

async function itemEvidence(room: ControlRoom, item: WorkItem) {
  const runs = [...new Set((await room.store.queue.attempts(item.id)).map((a) => a.runId))];
  return evidenceFiles(room.config.paths.var, item.id, runs);
}

async function loadBotOf(room: ControlRoom, name: string): Promise<AnyBot> {
  return (await loadBot(name, { bots: room.config.paths.bots, selectors: room.config.paths.selectors })).bot;
}

function reasonOf(room: ControlRoom, item: WorkItem, language: FastifyRequest['language']): string {
  return localizeReason(
    { code: item.errorCode, reason: item.reason, details: item.reasonDetails as string | null, business: true },
    language,
    { organisationLanguage: room.config.language },
  );
}

function notFound(room: ControlRoom, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return statusPage(room, request, reply, 404, controlRoomMessages.for(request.language).errors.notFound);
}
