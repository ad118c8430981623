/**
 * `kanslist users` as an administrator uses it: passwords piped (never on the command line),
 * mistakes answered with a clear message and no stack trace, changes on the audit trail, and
 * `kanslist serve` starting on loopback and answering the login page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { plainEnv, runCli, startCli } from '../helpers/cli.ts';

describe('kanslist users and serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-users-cli-'));
  const env = plainEnv({ KANSLIST_VAR_DIR: join(dir, 'var'), KANSLIST_STORE: `sqlite:${join(dir, 'var', 'kanslist.db')}` });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[], input?: string) => runCli(args, { env, ...(input === undefined ? {} : { input }) });

  it('adds accounts with piped passwords and lists them without any hash', async () => {
    const added = await cli(
      ['users', 'add', 'anna.berg', '--role', 'clerk', '--bot', 'bygglov-registrering', '--name', 'Anna Berg'],
      'a long enough passphrase\n',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Added anna.berg (clerk; bots bygglov-registrering)');
    expect((await cli(['users', 'add', 'olle', '--role', 'operator,auditor'], 'another long passphrase')).code).toBe(0);
    const listed = await cli(['users', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        username: 'anna.berg',
        name: 'Anna Berg',
        roles: ['clerk'],
        bots: ['bygglov-registrering'],
        source: 'local',
        locked: false,
      }),
      expect.objectContaining({ username: 'olle', roles: ['operator', 'auditor'] }),
    ]);
    expect(listed.stdout).not.toContain('argon2');
  });

  it('answers mistakes with the field and a remedy, never a stack trace', async () => {
    const cases: Array<[string[], string | undefined, RegExp]> = [
      [['users', 'add', 'x', '--role', 'boss'], 'a long enough passphrase', /Unknown role "boss"/],
      [['users', 'add', 'x', '--role', 'clerk'], 'a long enough passphrase', /A clerk works the review queue of named bots/],
      [['users', 'add', 'x y', '--role', 'viewer'], 'a long enough passphrase', /cannot be a username/],
      [['users', 'add', 'shorty', '--role', 'viewer'], 'short', /shorter than 12 characters/],
      [['users', 'add', 'olle', '--role', 'viewer'], 'a long enough passphrase', /already a user named "olle"/],
      [['users', 'passwd', 'nobody'], 'a long enough passphrase', /no account "nobody"/],
    ];
    for (const [args, input, message] of cases) {
      const result = await cli(args, input);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).not.toContain('short\n');
    }
  });

  it('changes a password and removes an account, each on the audit trail without the password', async () => {
    expect((await cli(['users', 'passwd', 'olle'], 'a brand new passphrase')).code).toBe(0);
    expect((await cli(['users', 'rm', 'anna.berg'])).code).toBe(0);
    const store = await openStore(`sqlite:${join(dir, 'var', 'kanslist.db')}`);
    try {
      expect(await store.users.get('anna.berg')).toBeUndefined();
      const chains = (await store.audit.runIds()).filter((c) => c.startsWith('control-room:'));
      const records = (await Promise.all(chains.map((c) => store.audit.records(c)))).flat();
      const actions = records.map((r) => JSON.parse(r.data) as { action: string; username: string });
      expect(actions.map((a) => a.action)).toEqual(['users.add', 'users.add', 'users.passwd', 'users.rm']);
      expect(records.some((r) => r.data.includes('passphrase'))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('serves the login page on loopback and stops on SIGTERM', async () => {
    const serve = startCli(['serve', '--port', '0'], { env });
    const line = await serve.waitForLine(/^Control room: http:\/\/127\.0\.0\.1:\d+/);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)![0];
    const response = await fetch(`${url}/runs`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fruns');
    expect((await fetch(`${url}/login`)).status).toBe(200);
    serve.child.kill('SIGTERM');
    expect((await serve.exited).code).toBe(0);
  });

  it('says which port is taken, with exit 2 and no stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const result = await cli(['serve', '--port', String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
