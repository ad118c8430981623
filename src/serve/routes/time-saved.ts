/**
 * Time saved: the report's own numbers (the same function computes both), for a period the
 * person chooses, with a chart; the PDF and the spreadsheet to download.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadTimeSaved, timeSavedReport } from '../../report/builtin/index.ts';
import { renderReport, reportContext } from '../../report/render-report.ts';
import { periodFromMonth } from '../../report/time-saved/index.ts';
import { wallClock } from '../../util/wall-clock.ts';
import type { ControlRoom } from '../context.ts';
import { requirePermission } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage, statusPage } from '../page.ts';

type PeriodQuery = { month?: string };

export function registerTimeSaved(app: FastifyInstance, room: ControlRoom): void {
  const guard = requirePermission(room, 'time-saved');
  app.get<{ Querystring: PeriodQuery }>('/time-saved', { preHandler: guard }, async (request, reply) => {
    const month = chosenMonth(room, request);
    const period = periodFromMonth(month, room.config.timeZone);
    const ctx = reportContext(timeSavedReport, { config: room.config, store: room.store, log: room.log, language: request.language });
    const data = await loadTimeSaved(ctx, { from: period.from, to: period.to, label: period.label });
    const peak = Math.max(1, ...data.trend.map((p) => p.hoursFreed));
    return renderPage(room.views, request, reply, room.config.timeZone, 'time-saved', controlRoomMessages.for(request.language).timeSaved.title, {
      month, data, bars: data.trend.map((p) => ({ ...p, percent: Math.round((p.hoursFreed / peak) * 100) })),
    });
  });

  app.get<{ Querystring: PeriodQuery; Params: { format: string } }>('/time-saved/report.:format', { preHandler: guard }, async (request, reply) => {
    const format = request.params.format;
    if (format !== 'pdf' && format !== 'xlsx') return statusPage(room, request, reply, 404, controlRoomMessages.for(request.language).errors.notFound);
    const month = chosenMonth(room, request);
    const period = periodFromMonth(month, room.config.timeZone);
    const dir = mkdtempSync(join(tmpdir(), 'kanslist-report-'));
    try {
      const files = await renderReport(timeSavedReport, { from: period.from, to: period.to, label: period.label }, { config: room.config, store: room.store, log: room.log, language: request.language, formats: format, outDir: dir });
      const file = files.find((f) => f.format === format);
      if (file === undefined) return statusPage(room, request, reply, 404, controlRoomMessages.for(request.language).errors.notFound);
      return reply
        .type(format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="time-saved-${month}.${request.language}.${format}"`)
        .send(readFileSync(file.path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** `?month=2026-11`, or this month in the organisation's time zone. */
function chosenMonth(room: ControlRoom, request: FastifyRequest<{ Querystring: PeriodQuery }>): string {
  const asked = request.query.month;
  if (typeof asked === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked)) return asked;
  const c = wallClock(Date.now(), room.config.timeZone);
  return `${c.year}-${String(c.month).padStart(2, '0')}`;
}
