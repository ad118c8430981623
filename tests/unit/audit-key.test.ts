/**
 * The audit HMAC key from the environment: inline or a key file that only its owner may read;
 * every mistake is a ConfigError naming the variable or file. And the canonical JSON the hash is
 * computed over does not depend on key order.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditKeyFromEnv } from '../../src/audit/trail.ts';
import { canonicalJson, recordHash } from '../../src/audit/trail-hash.ts';
import { redact } from '../../src/redact/redact.ts';
import { ConfigError } from '../../src/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'kanslist-audit-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function keyFile(name: string, content: string, mode: number): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

describe('auditKeyFromEnv', () => {
  it('is null when no key is configured (plain SHA-256)', () => {
    expect(auditKeyFromEnv({})).toBeNull();
  });

  it('reads KANSLIST_AUDIT_KEY and registers it as a secret so logs never show it', () => {
    const key = auditKeyFromEnv({ KANSLIST_AUDIT_KEY: 'inline-test-key-0123456789' });
    expect(key?.toString('utf8')).toBe('inline-test-key-0123456789');
    expect(redact('key=inline-test-key-0123456789')).not.toContain('inline-test-key-0123456789');
  });

  it('reads an owner-only key file, without its trailing newline', () => {
    const file = keyFile('good.key', 'file-test-key-0123456789\n', 0o600);
    expect(auditKeyFromEnv({ KANSLIST_AUDIT_KEY_FILE: file })?.toString('utf8')).toBe('file-test-key-0123456789');
  });

  it('refuses a key file others may read, naming the file and how to fix it', () => {
    const file = keyFile('open.key', 'file-test-key-0123456789', 0o644);
    const error = catchError(() => auditKeyFromEnv({ KANSLIST_AUDIT_KEY_FILE: file }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.where).toContain(file);
    expect(error.remedy).toContain('chmod 600');
  });

  it('names a missing key file, a too-short key, and two keys at once', () => {
    expect(catchError(() => auditKeyFromEnv({ KANSLIST_AUDIT_KEY_FILE: join(dir, 'absent.key') })).where).toContain('absent.key');
    expect(catchError(() => auditKeyFromEnv({ KANSLIST_AUDIT_KEY: 'short' })).message).toMatch(/too short/);
    const file = keyFile('both.key', 'file-test-key-0123456789', 0o600);
    expect(
      catchError(() => auditKeyFromEnv({ KANSLIST_AUDIT_KEY: 'inline-test-key-0123456789', KANSLIST_AUDIT_KEY_FILE: file })).message,
    ).toMatch(/Both/);
  });
});

describe('record hash', () => {
  const fields = {
    run_id: 'r1',
    seq: 1,
    at: 1_700_000_000_000,
    kind: 'ui.action',
    item_id: 'i1',
    item_key: 'APP-1',
    bot: 'b',
    bot_version: 'v',
    host: 'h',
    data: canonicalJson({ target: 'save', action: 'click' }),
    subjects: [],
    prev_hash: null,
  };

  it('serialises data the same whatever order its keys were built in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 2 } })).toBe('{"a":{"c":2,"d":[1,{"z":1}]},"b":1}');
  });

  it('differs with and without a key, and between keys', () => {
    const plain = recordHash(fields, null);
    const keyed = recordHash(fields, Buffer.from('k'.repeat(32)));
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(plain);
    expect(recordHash(fields, Buffer.from('j'.repeat(32)))).not.toBe(keyed);
  });
});

function catchError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected an error');
}
