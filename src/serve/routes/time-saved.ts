/**
 * Time saved: the report's own numbers (the same function computes both), for a period the
 * person chooses, with a chart; the PDF and the spreadsheet to download.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadTimeSaved, timeSavedReport } from '../../report/builtin/index.ts';
import { reportContext } from '../../report/render-report.ts';
import { sendReport } from '../send-report.ts';
import { periodFromMonth } from '../../report/time-saved/index.ts';
import { wallClock } from '../../util/wall-clock.ts';
import type { ControlRoom } from '../context.ts';
import { requirePermission } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage } from '../page.ts';

type PeriodQuery = { month?: string };

export function registerTimeSaved(app: FastifyInstance, room: ControlRoom): void {
  const guard = requirePermission(room, 'time-saved');
  app.get<{ Querystring: PeriodQuery }>('/time-saved', { preHandler: guard }, async (request, reply) => {
    const month = chosenMonth(room, request);
    const period = periodFromMonth(month, room.config.timeZone);
    const ctx = reportContext(timeSavedReport, { config: room.config, store: room.store, log: room.log, language: request.language });
    const data = await loadTimeSaved(ctx, { from: period.from, to: period.to, label: period.label });
    const peak = Math.max(1, ...data.trend.map((p) => p.hoursFreed));
    return renderPage(
      room.views,
      request,
      reply,
      room.config.timeZone,
      'time-saved',
      controlRoomMessages.for(request.language).timeSaved.title,
      {
        month,
        data,
        bars: data.trend.map((p) => ({ ...p, percent: Math.round((p.hoursFreed / peak) * 100) })),
      },
    );
  });

  app.get<{ Querystring: PeriodQuery; Params: { format: string } }>(
    '/time-saved/report.:format',
    { preHandler: guard },
    async (request, reply) => {
      const month = chosenMonth(room, request);
      const period = periodFromMonth(month, room.config.timeZone);
      return sendReport(
        room,
        request,
        reply,
        timeSavedReport,
        { from: period.from, to: period.to, label: period.label },
        request.params.format,
        `time-saved-${month}`,
      );
    },
  );
}

/** `?month=2026-11`, or this month in the organisation's time zone. */
function chosenMonth(room: ControlRoom, request: FastifyRequest<{ Querystring: PeriodQuery }>): string {
  const asked = request.query.month;
  if (typeof asked === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked)) return asked;
  const c = wallClock(Date.now(), room.config.timeZone);
  return `${c.year}-${String(c.month).padStart(2, '0')}`;
}
