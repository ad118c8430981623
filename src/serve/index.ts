/**
 * `kanslist serve`: the control room for operators, clerks, managers and auditors, over the same
 * store the robots write. Binds to loopback unless told otherwise (docs/operators.md shows it
 * behind a TLS reverse proxy).
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../log/logger.ts';
import type { LoadedConfig } from '../config/load.ts';
import type { Store } from '../store/index.ts';
import { ConfigError } from '../errors.ts';
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
    {
      store: options.store,
      config: options.config,
      views: createViews(),
      trail,
      log: options.log,
      auditKey: options.auditKey,
      storeUrl: options.storeUrl,
    },
    { ...options, sessionSecret: options.sessionSecret ?? sessionSecret(options.config.paths.var) },
  );
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_PORT;
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    await trail.close();
    throw listenError(error, host, port);
  }
  const address = app.server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}`,
    app,
    async close() {
      await app.close();
      await trail.close();
    },
  };
}

/** A port in use or an address this machine does not have is the operator's to fix: say which and how. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new ConfigError('KANSLIST_PORT_IN_USE', `Port ${port} on ${host} is already in use.`, {
      where: '--port',
      remedy: 'Stop what listens there (another `kanslist serve`?) or choose another port with --port.',
    });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new ConfigError('KANSLIST_HOST_UNKNOWN', `This machine has no address ${host}.`, {
      where: '--host',
      remedy: 'Use 127.0.0.1 (the default, behind a reverse proxy) or an address of this machine.',
    });
  if (code === 'EACCES')
    return new ConfigError('KANSLIST_PORT_DENIED', `Port ${port} needs privileges this process does not have.`, {
      where: '--port',
      remedy: 'Use a port above 1023 (the default is 8800) and let the reverse proxy listen on 443.',
    });
  return error;
}
