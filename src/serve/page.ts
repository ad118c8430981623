/**
 * What every page gets: the person, their language's texts and formats, the navigation their
 * roles open, the CSRF token for its forms, and a one-time message from the last action.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Eta } from 'eta';
import { LANGUAGES, localeFormat, type Language } from '../report/i18n/index.ts';
import { controlRoomMessages } from './messages/index.ts';
import type { ControlRoom } from './context.ts';
import { can, type Permission } from './roles.ts';

const NAV: ReadonlyArray<{
  href: string;
  key: 'overview' | 'runs' | 'queues' | 'review' | 'schedules' | 'timeSaved' | 'audit' | 'users';
  permission: Permission;
}> = [
  { href: '/', key: 'overview', permission: 'overview' },
  { href: '/runs', key: 'runs', permission: 'runs' },
  { href: '/queues', key: 'queues', permission: 'queues' },
  { href: '/review', key: 'review', permission: 'review' },
  { href: '/schedules', key: 'schedules', permission: 'schedules' },
  { href: '/time-saved', key: 'timeSaved', permission: 'time-saved' },
  { href: '/audit', key: 'audit', permission: 'audit' },
  { href: '/users', key: 'users', permission: 'users' },
];

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { sv: 'Svenska', da: 'Dansk', de: 'Deutsch', en: 'English' };

export function pageData(
  request: FastifyRequest,
  reply: FastifyReply,
  timeZone: string,
  title: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const lang = request.language;
  const person = request.person;
  const flash = request.session.flash;
  if (flash !== undefined) request.session.flash = undefined;
  const path = request.url.split('?')[0] ?? '/';
  return {
    ...data,
    t: controlRoomMessages.for(lang),
    lang,
    fmt: localeFormat(lang, timeZone),
    title,
    person,
    flash,
    csrf: reply.generateCsrf(),
    path,
    nav:
      person === null
        ? []
        : NAV.filter((n) => can(person, n.permission)).map((n) => ({
            ...n,
            current: n.href === '/' ? path === '/' : path.startsWith(n.href),
          })),
    languages: LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code] })),
  };
}

export function renderPage(
  views: Eta,
  request: FastifyRequest,
  reply: FastifyReply,
  timeZone: string,
  view: string,
  title: string,
  data: Record<string, unknown> = {},
): FastifyReply {
  const html = views.render(view, pageData(request, reply, timeZone, title, data));
  return reply.type('text/html; charset=utf-8').send(html);
}

/** A page that only says what went wrong (403, 404, 429, 500), in the person's language. */
export function statusPage(room: ControlRoom, request: FastifyRequest, reply: FastifyReply, status: number, message: string): FastifyReply {
  reply.code(status);
  request.person ??= null;
  return renderPage(room.views, request, reply, room.config.timeZone, 'error', String(status), { message, status });
}
