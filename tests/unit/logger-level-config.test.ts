/** The operator log level comes from the config (`logLevel`) or KANSLIST_LOG_LEVEL; `--log-level` wins in the CLI. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { ConfigError } from '../../src/errors.ts';

const root = mkdtempSync(join(tmpdir(), 'kanslist-loglevel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('config logLevel', () => {
  it("is 'info' by default", async () => {
    expect((await loadConfig(root, {})).logLevel).toBe('info');
  });

  it('is taken from KANSLIST_LOG_LEVEL, in any case', async () => {
    expect((await loadConfig(root, { KANSLIST_LOG_LEVEL: 'DEBUG' })).logLevel).toBe('debug');
  });

  it('rejects an unknown level with an error naming the key and the allowed levels', async () => {
    const error = await loadConfig(root, { KANSLIST_LOG_LEVEL: 'verbose' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/logLevel.*verbose/);
    expect(String((error as ConfigError & { remedy?: string }).remedy)).toMatch(/error, warn, info, debug/);
  });
});
