/** Runs and run detail: items with status, reason, attempts, timings; drift; the chain check; the run report to download. */
import type { FastifyInstance } from 'fastify';
import { verifyRun } from '../../audit/trail.ts';
import { redact } from '../../redact/redact.ts';
import { runReport } from '../../report/builtin/index.ts';
import { localizeReason } from '../../report/i18n/reasons/index.ts';
import { sendReport } from '../send-report.ts';
import type { ControlRoom } from '../context.ts';
import { flash, personOf, requirePermission } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage, statusPage } from '../page.ts';
import { can, seesPersonalNumbers } from '../roles.ts';

const RUNS_PER_PAGE = 100;
const ITEMS_SHOWN = 500;

export function registerRuns(app: FastifyInstance, room: ControlRoom): void {
  const guard = requirePermission(room, 'runs');
  app.get('/runs', { preHandler: guard }, async (request, reply) => {
    const bot = (request.query as Record<string, unknown>).bot;
    const runs = await room.store.runs.list({ limit: RUNS_PER_PAGE, ...(typeof bot === 'string' && bot !== '' ? { bot } : {}) });
    return renderPage(room.views, request, reply, room.config.timeZone, 'runs', controlRoomMessages.for(request.language).runs.title, {
      runs,
    });
  });

  app.get<{ Params: { id: string } }>('/runs/:id', { preHandler: guard }, async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const run = await room.store.runs.get(request.params.id).catch(() => undefined);
    if (run === undefined) return statusPage(room, request, reply, 404, t.errors.notFound);
    const [items, counts, drift, chain] = await Promise.all([
      room.store.queue.list({ runId: run.id, limit: ITEMS_SHOWN }),
      room.store.queue.counts({ runId: run.id }),
      room.store.runs.drift(run.id),
      verifyRun(room.store, run.id, { key: room.auditKey }),
    ]);
    const clear = seesPersonalNumbers(personOf(request));
    const shown = items.map((item) => ({
      ...item,
      reasonText:
        item.errorCode === null && item.reason === null
          ? ''
          : localizeReason(
              {
                code: item.errorCode,
                reason: item.reason,
                details: item.reasonDetails as string | null,
                business: item.status === 'review',
              },
              request.language,
              { organisationLanguage: room.config.language },
            ),
      outputText: item.output === null ? '' : mask(JSON.stringify(item.output), clear),
    }));
    return renderPage(room.views, request, reply, room.config.timeZone, 'run', t.runs.detail({ id: run.id.slice(0, 8) }), {
      run,
      items: shown,
      counts,
      drift,
      chain,
      more: items.length >= ITEMS_SHOWN,
      canRetry: can(personOf(request), 'runs.retry') && counts.failed > 0,
    });
  });

  // An operator's retry: the run's failed items pending again, attempts reset (as `kanslist retry <run>`).
  app.post<{ Params: { id: string } }>('/runs/:id/retry', { preHandler: requirePermission(room, 'runs.retry') }, async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const run = await room.store.runs.get(request.params.id).catch(() => undefined);
    if (run === undefined) return statusPage(room, request, reply, 404, t.errors.notFound);
    const failed = await room.store.queue.list({ runId: run.id, status: 'failed', limit: 100_000 });
    for (const item of failed) await room.store.queue.requeue(item.id);
    await room.trail.record(personOf(request), 'runs.retry', { data: { run: run.id, bot: run.bot, items: failed.length } });
    flash(request, t.runs.wasRetried({ n: failed.length }));
    return reply.redirect(`/runs/${run.id}`, 303);
  });

  app.get<{ Params: { id: string; format: string } }>('/runs/:id/report.:format', { preHandler: guard }, async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const format = request.params.format;
    const run = await room.store.runs.get(request.params.id).catch(() => undefined);
    if (run === undefined) return statusPage(room, request, reply, 404, t.errors.notFound);
    return sendReport(room, request, reply, runReport, { runId: run.id }, format, `run-${run.id.slice(0, 8)}`);
  });
}

/** Personal numbers masked unless the person's role works with them. */
export function mask(text: string, clear: boolean): string {
  return clear ? text : redact(text);
}
