/**
 * `kanslist serve`: the control room for operators, clerks, managers and auditors, over the same
 * store the robots write. Binds to loopback unless told otherwise (docs/operators.md shows it
 * behind a TLS reverse proxy).
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../audit/logger.ts';
import type { LoadedConfig } from '../config/load.ts';
import type { Store } from '../store/index.ts';
import { openActionTrail } from './action-trail.ts';
import { buildControlRoom, type ControlRoomOptions } from './app.ts';
import { sessionSecret } from './session-secret.ts';
import { createViews } from './views.ts';

export { ROLES, isRole, type Role, type Person } from './roles.ts';
export { hashPassword, checkNewPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';

export interface StartOptions extends Partial<ControlRoomOptions> {
  config: LoadedConfig;
  store: Store;
  log: Logger;
  auditKey: Buffer | null;
  version: string;
  /** The store's URL, passed to the runs a person starts here (a schedule fired now). */
  storeUrl?: string;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 8800 */
  port?: number;
}

export interface RunningControlRoom {
  url: string;
  app: FastifyInstance;
  /** Stops answering, then writes what is left of the action trail. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8800;

export async function startControlRoom(options: StartOptions): Promise<RunningControlRoom> {
  const trail = openActionTrail(options.store, { key: options.auditKey, version: `kanslist ${options.version}` });
  const app = await buildControlRoom(
    { store: options.store, config: options.config, views: createViews(), trail, log: options.log, auditKey: options.auditKey, storeUrl: options.storeUrl },
    { ...options, sessionSecret: options.sessionSecret ?? sessionSecret(options.config.paths.var) },
  );
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    app,
    async close() {
      await app.close();
      await trail.close();
    },
  };
}
