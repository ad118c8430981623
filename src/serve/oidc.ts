/**
 * Single sign-on with OpenID Connect through openid-client (a kept, certified client): the
 * authorization code flow with PKCE, state and nonce, the ID token checked by the library. The
 * person's groups (a claim) decide their roles and, for clerks, their bots; a person in no mapped
 * group is refused. Roles are taken afresh at every login, so a change in the directory applies
 * at the next login.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../config/config.ts';
import { ConfigError } from '../errors.ts';
import { isRole, type Role } from './roles.ts';

export interface SsoIdentity {
  username: string;
  displayName: string;
  roles: Role[];
  bots: string[];
  groups: string[];
}

export interface SsoStart {
  url: URL;
  state: string;
  nonce: string;
  verifier: string;
}

export class OidcLogin {
  readonly #settings: OidcConfig;
  readonly #secret: string | undefined;
  #configuration: Promise<client.Configuration> | undefined;

  constructor(settings: OidcConfig, secret: string | undefined) {
    this.#settings = settings;
    this.#secret = secret;
  }

  get label(): string | undefined {
    return this.#settings.label;
  }

  /** The provider's metadata, fetched once; a failure is retried at the next login. */
  #provider(): Promise<client.Configuration> {
    const issuer = new URL(this.#settings.issuer);
    // Plain HTTP only to a provider on this machine (a test or a local Keycloak); anything else must be TLS.
    const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    this.#configuration ??= client
      .discovery(
        issuer,
        this.#settings.clientId,
        this.#secret,
        this.#secret === undefined ? client.None() : undefined,
        loopback ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.#configuration = undefined;
        throw new ConfigError(
          'KANSLIST_OIDC_DISCOVERY',
          `The OpenID provider at ${issuer.origin} could not be reached or described itself wrongly: ${(error as Error).message}`,
          {
            where: 'kanslist.config.ts › controlRoom.oidc.issuer',
            remedy: 'Check the issuer URL (its /.well-known/openid-configuration must answer) and that this server can reach it.',
          },
        );
      });
    return this.#configuration;
  }

  async start(redirectUri: string): Promise<SsoStart> {
    const provider = await this.#provider();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(provider, {
      redirect_uri: redirectUri,
      scope: this.#settings.scope ?? 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, verifier };
  }

  /** Exchanges the code (checking state, nonce and PKCE) and maps the person's groups to roles. */
  async finish(callbackUrl: URL, checks: { state: string; nonce: string; verifier: string }): Promise<SsoIdentity> {
    const provider = await this.#provider();
    const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims: Record<string, unknown> = tokens.claims() ?? {};
    const groupsClaim = claims[this.#settings.groupsClaim ?? 'groups'];
    const groups = Array.isArray(groupsClaim) ? groupsClaim.filter((g): g is string => typeof g === 'string') : [];
    const roles = [...new Set(groups.flatMap((g) => this.#settings.roles[g] ?? []).filter(isRole))];
    const bots = [...new Set(groups.flatMap((g) => this.#settings.bots?.[g] ?? []))];
    const username = [this.#settings.usernameClaim, 'preferred_username', 'email', 'sub']
      .map((c) => (c === undefined ? undefined : claims[c]))
      .find((v): v is string => typeof v === 'string' && v !== '');
    if (username === undefined) throw new Error('the ID token names nobody');
    const name = typeof claims.name === 'string' && claims.name !== '' ? claims.name : username;
    return { username, displayName: name, roles, bots, groups };
  }
}
