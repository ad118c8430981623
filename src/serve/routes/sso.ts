/**
 * `/login/oidc` and its callback. The state, nonce and PKCE verifier live in the (pre-login)
 * session; the session id is replaced at login as for a password. A local account of the same
 * name is never taken over by single sign-on.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ControlRoom } from '../context.ts';
import { controlRoomMessages } from '../messages/index.ts';
import type { OidcLogin } from '../oidc.ts';
import { statusPage } from '../page.ts';
import { startSession } from '../login-session.ts';
import { homePath } from '../roles.ts';

declare module 'fastify' {
  interface Session {
    sso?: { state: string; nonce: string; verifier: string; next?: string | undefined };
  }
}

export function registerSso(app: FastifyInstance, room: ControlRoom, oidc: OidcLogin): void {
  app.get('/login/oidc', async (request, reply) => {
    const next = (request.query as Record<string, unknown>).next;
    const started = await oidc.start(redirectUri(room, request));
    request.session.sso = {
      state: started.state,
      nonce: started.nonce,
      verifier: started.verifier,
      next: typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : undefined,
    };
    return reply.redirect(started.url.href, 303);
  });

  app.get('/login/oidc/callback', async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const checks = request.session.sso;
    request.session.sso = undefined;
    if (checks === undefined) return statusPage(room, request, reply, 400, t.login.ended);
    let identity;
    try {
      identity = await oidc.finish(new URL(request.url, redirectUri(room, request)), checks);
    } catch (error) {
      room.log.warn('control room: a single sign-on login failed', { error: (error as Error).message });
      await room.trail.login('(single sign-on)', 'failed', request.ip);
      return statusPage(room, request, reply, 401, t.login.failed);
    }
    const existing = await room.store.users.get(identity.username);
    if (identity.roles.length === 0 || (existing !== undefined && existing.source !== 'oidc')) {
      await room.trail.login(identity.username, 'failed', request.ip);
      return statusPage(room, request, reply, 403, t.errors.forbidden);
    }
    if (existing === undefined) {
      await room.store.users.add({
        username: identity.username,
        displayName: identity.displayName,
        passwordHash: null,
        roles: identity.roles,
        bots: identity.bots,
        source: 'oidc',
      });
    } else {
      await room.store.users.update(identity.username, { displayName: identity.displayName, roles: identity.roles, bots: identity.bots });
    }
    await startSession(room, request, identity.username, existing?.language ?? null);
    return reply.redirect(checks.next ?? homePath({ ...identity }), 303);
  });
}

/** The callback URL the provider knows: configured, else under dashboardUrl, else where this request came. */
function redirectUri(room: ControlRoom, request: FastifyRequest): string {
  const configured = room.config.controlRoom?.oidc?.redirectUri;
  if (configured !== undefined) return configured;
  if (room.config.dashboardUrl !== undefined)
    return new URL(
      'login/oidc/callback',
      room.config.dashboardUrl.endsWith('/') ? room.config.dashboardUrl : `${room.config.dashboardUrl}/`,
    ).href;
  return `${request.protocol}://${request.host}/login/oidc/callback`;
}
