/**
 * The control room's web application: Fastify with kept plugins for each security concern —
 * @fastify/session (server-side sessions in the store), @fastify/csrf-protection (a token on every
 * form), @fastify/helmet (a strict Content-Security-Policy: no inline script at all),
 * @fastify/rate-limit (login throttling per address; per-account locking is ours, in login.ts).
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { isLanguage, type Language } from '../report/i18n/index.ts';
import type { ControlRoom } from './context.ts';
import { controlRoomMessages } from './messages/index.ts';
import { statusPage } from './page.ts';
import { isRole, type Person } from './roles.ts';
import { registerRoutes } from './routes/index.ts';
import { sessionStoreOver } from './session-store.ts';
import { registerAssets } from './assets.ts';
import { loginFirst } from './guard.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in person, read afresh from the store on every request; null when nobody is. */
    person: Person | null;
    language: Language;
  }
}

export interface SessionLimits {
  /** A session unused this long ends. @default 30 minutes */
  idleMs: number;
  /** A session ends this long after login however active it is. @default 10 hours (a working day) */
  maxMs: number;
}

export interface ControlRoomOptions {
  /** Signs the session cookie; at least 32 characters. */
  sessionSecret: string;
  sessionLimits?: Partial<SessionLimits>;
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (cookies then get `Secure`). @default false */
  trustProxy?: boolean;
  /** Login attempts per address per minute. @default 10 */
  loginAttemptsPerMinute?: number;
}

/** The only forms that work without a session. */
const PUBLIC_POSTS = new Set(['/login', '/language']);

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 30 * 60_000, maxMs: 10 * 3_600_000 };

export async function buildControlRoom(room: ControlRoom, options: ControlRoomOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_SESSION_LIMITS, ...options.sessionLimits };
  const app = Fastify({ logger: false, trustProxy: options.trustProxy ?? false, bodyLimit: 256 * 1024 });
  app.decorateRequest('person', null);
  app.decorateRequest('language', 'en');

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(fastifyFormbody);
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: options.sessionSecret,
    cookieName: 'kanslist_session',
    // 'auto': Secure whenever the request came over TLS (directly or through a trusted proxy).
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: limits.idleMs },
    rolling: true,
    saveUninitialized: false,
    store: sessionStoreOver(room.store.webSessions, limits.idleMs),
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/session',
    getToken: (req) => (req.body as Record<string, string> | undefined)?._csrf,
  });
  await app.register(fastifyRateLimit, { global: false });

  app.addHook('preHandler', async (request) => {
    request.person = await currentPerson(room, request, limits);
    request.language = chosenLanguage(room, request);
  });
  // Every state-changing request carries the form's CSRF token (login and logout included).
  // Without a session, a protected route answers 401 first: the caller learns nothing else.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') return done();
    if (request.person === null && !PUBLIC_POSTS.has(request.routeOptions.url ?? '')) {
      void loginFirst(request, reply);
      return;
    }
    app.csrfProtection(request, reply, done);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => errorPage(room, error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    statusPage(room, request, reply, 404, controlRoomMessages.for(request.language ?? room.config.language).errors.notFound),
  );

  registerAssets(app);
  await registerRoutes(app, room, { loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10 });
  return app;
}

async function currentPerson(room: ControlRoom, request: FastifyRequest, limits: SessionLimits): Promise<Person | null> {
  const username = request.session.username;
  if (username === undefined) return null;
  const user = await room.store.users.get(username);
  const tooOld = (request.session.loginAt ?? 0) + limits.maxMs <= Date.now();
  if (user === undefined || tooOld) {
    // Removed, or past the working day: the session ends here (the request goes on with a fresh, empty one).
    await room.store.webSessions.destroy(request.session.sessionId);
    await request.session.regenerate();
    return null;
  }
  return { username: user.username, displayName: user.displayName, roles: user.roles.filter(isRole), bots: user.bots };
}

function chosenLanguage(room: ControlRoom, request: FastifyRequest): Language {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.lang;
  const candidates = [request.session.language, typeof fromQuery === 'string' ? fromQuery : undefined];
  for (const c of candidates) if (c !== undefined && isLanguage(c)) return c;
  return room.config.language;
}

/** 403 for a bad CSRF token (nothing changed), 429 for throttled logins; anything else is logged and shown without details. */
function errorPage(
  room: ControlRoom,
  error: Error & { statusCode?: number; code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const t = controlRoomMessages.for(request.language ?? room.config.language);
  if (error.code?.startsWith('FST_CSRF')) return statusPage(room, request, reply, 403, t.errors.csrf);
  if (error.statusCode === 429) return statusPage(room, request, reply, 429, t.login.throttled);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return statusPage(room, request, reply, error.statusCode, t.errors.badRequest);
  room.log.error('control room: a request failed', { method: request.method, url: request.url.split('?')[0], error: error.message });
  return statusPage(room, request, reply, 500, t.errors.server);
}
