/**
 * @fastify/session's store over the Kanslist store's `web_sessions` table: sessions survive a
 * restart of `kanslist serve`, several instances behind a proxy share them, and removing a user or
 * changing their password ends their sessions (src/store/users.ts deletes the rows).
 */
import type { Session } from 'fastify';
import type { SessionStore } from '@fastify/session';
import type { WebSessionStore } from '../store/index.ts';

/** The fields Kanslist keeps in a session (typed for every route). */
declare module 'fastify' {
  interface Session {
    /** Set at login; absent before. */
    username?: string;
    /** When the person logged in: a session ends after SessionLimits.maxMs however active it is. */
    loginAt?: number;
    /** A one-time message for the next page ("X is marked as handled"). */
    flash?: string;
    /** The language chosen before logging in. */
    language?: string;
  }
}

export function sessionStoreOver(sessions: WebSessionStore, idleMs: number): SessionStore {
  return {
    set(sid: string, session: Session, callback: (err?: unknown) => void): void {
      const expires = session.cookie.expires ? new Date(session.cookie.expires).getTime() : Date.now() + idleMs;
      sessions
        .set(sid, { username: session.username ?? null, json: JSON.stringify(session), expiresAt: expires })
        .then(() => callback(), callback);
    },
    get(sid: string, callback: (err: unknown, result?: Session | null) => void): void {
      sessions.get(sid).then(
        (json) => callback(null, json === undefined ? null : (JSON.parse(json) as Session)),
        (error: unknown) => callback(error),
      );
    },
    destroy(sid: string, callback: (err?: unknown) => void): void {
      sessions.destroy(sid).then(() => callback(), callback);
    },
  };
}
