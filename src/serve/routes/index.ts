/** Every page and action of the control room. */
import type { FastifyInstance } from 'fastify';
import type { ControlRoom } from '../context.ts';
import { registerAudit } from './audit.ts';
import { registerLogin } from './login.ts';
import { registerOverview } from './overview.ts';
import { registerQueues } from './queues.ts';
import { registerReview } from './review.ts';
import { registerRuns } from './runs.ts';
import { registerSchedules } from './schedules.ts';
import { registerTimeSaved } from './time-saved.ts';
import { registerSso } from './sso.ts';
import { registerUsers } from './users.ts';
import { OidcLogin } from '../oidc.ts';

export function registerRoutes(app: FastifyInstance, room: ControlRoom, options: { loginAttemptsPerMinute: number }): Promise<void> {
  const settings = room.config.controlRoom?.oidc;
  const oidc = settings === undefined ? undefined : new OidcLogin(settings, process.env.KANSLIST_OIDC_CLIENT_SECRET || undefined);
  registerLogin(app, room, { ...options, sso: oidc === undefined ? undefined : { label: oidc.label } });
  if (oidc !== undefined) registerSso(app, room, oidc);
  registerOverview(app, room);
  registerRuns(app, room);
  registerQueues(app, room);
  registerReview(app, room);
  registerSchedules(app, room);
  registerTimeSaved(app, room);
  registerAudit(app, room);
  registerUsers(app, room);
  return Promise.resolve();
}
