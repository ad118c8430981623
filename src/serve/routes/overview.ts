/** The overview: what runs now (with live progress), what each bot did today, what waits, what fires next, drift. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { wallClock } from '../../util/wall-clock.ts';
import type { ControlRoom } from '../context.ts';
import { requirePermission } from '../guard.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage } from '../page.ts';
import { projectSchedules, upcomingFires } from '../schedules-data.ts';
import type { Run } from '../../store/index.ts';
import { listDecisions } from '../../schedule/ledger-queries.ts';
import { redact } from '../../redact/redact.ts';

const RECENT_RUNS_FOR_DRIFT = 10;
const ATTENTION_DAYS = 7;
/** Run endings an operator is alerted for; the overview lists them whether or not a webhook is set. */
const PROBLEM_STATUSES = new Set(['failed', 'crashed', 'system-unavailable', 'timed-out']);

export function registerOverview(app: FastifyInstance, room: ControlRoom): void {
  const guard = requirePermission(room, 'overview');
  app.get('/', { preHandler: guard }, async (request, reply) => {
    const now = Date.now();
    const since = now - ATTENTION_DAYS * 86_400_000;
    const [live, activity, queues, schedules, recent, decisions] = await Promise.all([
      liveRuns(room),
      room.store.dashboard.activitySince(startOfLocalDay(now, room.config.timeZone)),
      room.store.dashboard.queues(),
      projectSchedules(room).catch(() => []),
      room.store.runs.list({ limit: 100 }),
      listDecisions(room.store, { since, limit: 200 }),
    ]);
    // What an operator would have been alerted for: runs that did not end well, fires that did not happen.
    const attention = {
      runs: recent.filter((r) => r.startedAt >= since && PROBLEM_STATUSES.has(r.status)),
      decisions: decisions
        .filter((d) => d.decision === 'preflight-failed' || d.decision === 'missed')
        .map((d) => ({ ...d, detail: d.detail === null ? null : redact(d.detail) })),
    };
    const drift = (
      await Promise.all(
        recent
          .slice(0, RECENT_RUNS_FOR_DRIFT)
          .map(async (run) => (await room.store.runs.drift(run.id)).map((d) => ({ ...d, runId: run.id, bot: run.bot }))),
      )
    ).flat();
    const t = controlRoomMessages.for(request.language);
    return renderPage(room.views, request, reply, room.config.timeZone, 'overview', t.overview.title, {
      live,
      activity,
      queues,
      drift,
      attention,
      next: upcomingFires(schedules, new Date(now), 5),
    });
  });
  // The live region's fragment: the overview's script swaps it in every few seconds.
  app.get('/live', { preHandler: guard }, async (request: FastifyRequest, reply: FastifyReply) => {
    const live = await liveRuns(room);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(room.views.render('live-runs', { live, t: controlRoomMessages.for(request.language), fmt: undefined }));
  });
}

export interface LiveRun {
  run: Run;
  done: number;
  total: number;
}

async function liveRuns(room: ControlRoom): Promise<LiveRun[]> {
  const running = (await room.store.runs.list({ limit: 200 })).filter((r) => r.status === 'running');
  return Promise.all(
    running.map(async (run) => {
      const counts = await room.store.queue.counts({ runId: run.id });
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return { run, done: total - counts.pending - counts.running, total };
    }),
  );
}

/** Local midnight of today in the organisation's time zone. */
export function startOfLocalDay(now: number, timeZone: string): number {
  const c = wallClock(now, timeZone);
  return now - (((c.hour * 60 + c.minute) * 60 + c.second) * 1000 + c.millisecond);
}
