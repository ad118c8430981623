/**
 * The audit trail's HMAC key: from KANSLIST_AUDIT_KEY, or a key file named by
 * KANSLIST_AUDIT_KEY_FILE that only its owner may read. With a key, someone who can write to the
 * database still cannot recompute a forged chain.
 */
import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from '../errors.ts';
import { registerSecret } from '../redact/redact.ts';

const MIN_KEY_BYTES = 16;

export function auditKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer | null {
  const inline = env.KANSLIST_AUDIT_KEY;
  const file = env.KANSLIST_AUDIT_KEY_FILE;
  if (inline && file) {
    throw new ConfigError('KANSLIST_AUDIT_KEY', 'Both KANSLIST_AUDIT_KEY and KANSLIST_AUDIT_KEY_FILE are set', {
      remedy: 'Set only one of them, so it is clear which key signs the audit trail.',
    });
  }
  if (inline) return checked(inline, 'KANSLIST_AUDIT_KEY');
  if (file) return checked(readKeyFile(file), `KANSLIST_AUDIT_KEY_FILE (${file})`);
  return null;
}

function readKeyFile(file: string): string {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    throw new ConfigError(
      'KANSLIST_AUDIT_KEY_FILE',
      `Cannot read the audit key file: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      {
        cause: error,
        where: `KANSLIST_AUDIT_KEY_FILE=${file}`,
        remedy: 'Point KANSLIST_AUDIT_KEY_FILE at an existing file holding the key.',
      },
    );
  }
  if ((mode & 0o077) !== 0) {
    throw new ConfigError('KANSLIST_AUDIT_KEY_FILE', `The audit key file may be read by others (mode ${(mode & 0o777).toString(8)})`, {
      where: `KANSLIST_AUDIT_KEY_FILE=${file}`,
      remedy: `Make it owner-only: chmod 600 ${file}`,
    });
  }
  return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
}

function checked(text: string, source: string): Buffer {
  const key = Buffer.from(text, 'utf8');
  if (key.length < MIN_KEY_BYTES) {
    throw new ConfigError('KANSLIST_AUDIT_KEY', `The audit key is too short (${key.length} bytes, at least ${MIN_KEY_BYTES})`, {
      where: source,
      remedy: 'Use a random key, e.g. `openssl rand -hex 32`.',
    });
  }
  registerSecret(text);
  return key;
}
