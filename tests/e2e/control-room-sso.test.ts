/**
 * Single sign-on against an OpenID provider started on loopback (oidc-provider, with its built-in
 * login form standing in for Entra ID's or Keycloak's), in real Chromium: roles from the groups
 * claim, a person in no mapped group refused, a local account never taken over, and a group
 * change applied at the next login.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { loadConfig } from '../../src/config/load.ts';
import { hashPassword, startControlRoom, type RunningControlRoom } from '../../src/serve/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { launchBrowser } from '../../src/ui/browser.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';

const CLIENT = { id: 'kanslist-control-room', secret: 'a-client-secret-for-the-test-only' };
/** The directory: who is in which group (changed by a test, read at each login). */
const GROUPS: Record<string, string[]> = {
  'olle.operator': ['RPA-Operatorer'],
  'klara.clerk': ['Bygglov-handlaggare'],
  'nils.nobody': ['Kommunstyrelsen'],
  'local.person': ['RPA-Operatorer'],
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

describe('control room single sign-on with OpenID Connect', () => {
  let dir: string;
  let store: Store;
  let room: RunningControlRoom;
  let idp: Server;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kanslist-sso-'));
    const idpPort = await freePort();
    const roomPort = await freePort();
    const issuer = `http://127.0.0.1:${idpPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [`http://127.0.0.1:${roomPort}/login/oidc/callback`],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      findAccount: (_ctx, id) => ({
        accountId: id,
        claims: () => ({ sub: id, preferred_username: id, name: `Person ${id}`, groups: GROUPS[id] ?? [] }),
      }),
      claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['test-cookie-key-1'] },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    });
    const handle = provider.callback();
    idp = createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve) => idp.listen(idpPort, '127.0.0.1', resolve));

    const base = await loadConfig(REPO_ROOT, { ...process.env, KANSLIST_VAR_DIR: join(dir, 'var') });
    const config = {
      ...base,
      controlRoom: {
        oidc: {
          issuer,
          clientId: CLIENT.id,
          scope: 'openid profile groups',
          roles: { 'RPA-Operatorer': ['operator'], 'Bygglov-handlaggare': ['clerk'] },
          bots: { 'Bygglov-handlaggare': ['bygglov-registrering'] },
        },
      },
    };
    store = await openStore(`sqlite:${join(dir, 'var', 'kanslist.db')}`);
    await store.users.add({
      username: 'local.person',
      displayName: 'Local',
      passwordHash: await hashPassword('a local password here'),
      roles: ['viewer'],
      bots: [],
      source: 'local',
    });
    process.env.KANSLIST_OIDC_CLIENT_SECRET = CLIENT.secret;
    room = await startControlRoom({
      config,
      store,
      log: createLogger({ level: 'error', console: false }),
      auditKey: null,
      version: 'test',
      port: roomPort,
      loginAttemptsPerMinute: 1000,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    delete process.env.KANSLIST_OIDC_CLIENT_SECRET;
    await browser?.close();
    await room?.close();
    await store?.close();
    await new Promise((resolve) => idp?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Through the provider's own login and consent pages, as the person would. */
  async function signOn(username: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${room.url}/login`);
    await page.locator('#sso').click();
    await page.locator('input[name="login"]').fill(username);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    // The consent page comes the first time a person uses the client; then back to the control room.
    const back = page.waitForURL((url) => url.origin === room.url);
    const consent = page.getByRole('button', { name: 'Continue' });
    await Promise.race([back, consent.waitFor()]);
    if (new URL(page.url()).origin !== room.url) await consent.click();
    await back;
    return page;
  }

  it('logs an operator in with roles from the groups claim', async () => {
    const page = await signOn('olle.operator');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Översikt');
    expect(await store.users.get('olle.operator')).toMatchObject({
      source: 'oidc',
      roles: ['operator'],
      passwordHash: null,
      displayName: 'Person olle.operator',
    });
    await page.context().close();
  });

  it("gives a clerk only the review queue of their group's bots", async () => {
    const page = await signOn('klara.clerk');
    expect(new URL(page.url()).pathname).toBe('/review');
    expect(await store.users.get('klara.clerk')).toMatchObject({ roles: ['clerk'], bots: ['bygglov-registrering'] });
    expect((await page.goto(`${room.url}/runs`))!.status()).toBe(403);
    await page.context().close();
  });

  it('refuses a person in no mapped group, and never takes over a local account', async () => {
    for (const username of ['nils.nobody', 'local.person']) {
      const page = await signOn(username);
      expect(await page.locator('main').textContent()).toContain('Du har inte behörighet');
      expect((await page.goto(`${room.url}/`))!.url()).toContain('/login');
      await page.context().close();
    }
    expect(await store.users.get('nils.nobody')).toBeUndefined();
    expect(await store.users.get('local.person')).toMatchObject({ source: 'local', roles: ['viewer'] });
  });

  it('applies a change of groups at the next login', async () => {
    GROUPS['klara.clerk'] = ['RPA-Operatorer'];
    const page = await signOn('klara.clerk');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await store.users.get('klara.clerk')).toMatchObject({ roles: ['operator'], bots: [] });
    await page.context().close();
  });
});
