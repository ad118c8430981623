/**
 * A control room over a temporary store, driven in-process with Fastify's inject (no port, no
 * browser) for the security tests, with a small cookie jar and the CSRF token each page carries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createLogger } from '../../src/log/logger.ts';
import { loadConfig, type LoadedConfig } from '../../src/config/load.ts';
import { openActionTrail } from '../../src/serve/action-trail.ts';
import { buildControlRoom, type SessionLimits } from '../../src/serve/app.ts';
import { hashPassword, type Role } from '../../src/serve/index.ts';
import { createViews } from '../../src/serve/views.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { REPO_ROOT } from './run-harness.ts';

export const PASSWORD = 'correct horse battery staple';

export interface TestRoom {
  app: FastifyInstance;
  store: Store;
  config: LoadedConfig;
  dir: string;
  /** A browser-like client: keeps the session cookie, finds the CSRF token on the last page. */
  client(): RoomClient;
  close(): Promise<void>;
}

export interface RoomClient {
  get(url: string): Promise<LightMyRequestResponse>;
  /** Posts a form; `_csrf` is the token of the last page fetched unless the form gives its own (or null for none). */
  post(url: string, form: Record<string, string>, options?: { csrf?: string | null }): Promise<LightMyRequestResponse>;
  login(username: string, password?: string): Promise<LightMyRequestResponse>;
  cookie(): string | undefined;
}

export async function createTestRoom(
  users: Array<{ username: string; roles: Role[]; bots?: string[] }>,
  options: { storeUrl?: string; dir?: string; sessionLimits?: Partial<SessionLimits> } = {},
): Promise<TestRoom> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kanslist-room-'));
  const config = await loadConfig(REPO_ROOT, { ...process.env, KANSLIST_VAR_DIR: join(dir, 'var') });
  const store = await openStore(options.storeUrl ?? `sqlite:${join(dir, 'var', 'kanslist.db')}`);
  const hash = await hashPassword(PASSWORD);
  for (const u of users)
    await store.users.add({
      username: u.username,
      displayName: u.username,
      passwordHash: hash,
      roles: u.roles,
      bots: u.bots ?? [],
      source: 'local',
    });
  const trail = openActionTrail(store, { key: null, version: 'test' });
  const log = createLogger({ level: 'error', console: false });
  const app = await buildControlRoom(
    { store, config, views: createViews(), trail, log, auditKey: null },
    {
      sessionSecret: 'x'.repeat(40),
      loginAttemptsPerMinute: 1000,
      ...(options.sessionLimits ? { sessionLimits: options.sessionLimits } : {}),
    },
  );
  return {
    app,
    store,
    config,
    dir,
    client: () => newClient(app),
    async close() {
      await app.close();
      await trail.close();
      await store.close();
      if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TOKEN = /name="_csrf" value="([^"]+)"/;

function newClient(app: FastifyInstance): RoomClient {
  let session: string | undefined;
  let token: string | undefined;
  const remember = (response: LightMyRequestResponse) => {
    const set = response.cookies.find((c) => c.name === 'kanslist_session');
    if (set !== undefined) session = set.value === '' ? undefined : set.value;
    const found = TOKEN.exec(response.body);
    if (found) token = found[1];
    return response;
  };
  const headers = () => (session === undefined ? {} : { cookie: `kanslist_session=${session}` });
  const client: RoomClient = {
    async get(url) {
      return remember(await app.inject({ method: 'GET', url, headers: headers() }));
    },
    async post(url, form, options = {}) {
      const csrf = options.csrf === undefined ? token : options.csrf;
      const body = new URLSearchParams({ ...form, ...(csrf === null || csrf === undefined ? {} : { _csrf: csrf }) }).toString();
      return remember(
        await app.inject({
          method: 'POST',
          url,
          payload: body,
          headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
        }),
      );
    },
    async login(username, password = PASSWORD) {
      await client.get('/login');
      return client.post('/login', { username, password });
    },
    cookie: () => session,
  };
  return client;
}
