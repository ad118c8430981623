/**
 * The key that signs session cookies: KANSLIST_SESSION_SECRET when set (several instances behind
 * one proxy must share it), else a random one kept owner-only in var/, so a restart does not log
 * everybody out.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.ts';

const MIN_LENGTH = 32;

export function sessionSecret(varDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.KANSLIST_SESSION_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_LENGTH) {
      throw new ConfigError('KANSLIST_SESSION_SECRET_SHORT', `KANSLIST_SESSION_SECRET is shorter than ${MIN_LENGTH} characters.`, {
        remedy: "Generate one with `node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"`.",
      });
    }
    return fromEnv;
  }
  const file = join(varDir, 'secrets', 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
