import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { ConfigError } from '../../src/errors.ts';
import { breakerOptionsFor } from '../../src/runner/breaker.ts';

const SRC_INDEX = join(import.meta.dirname, '..', '..', 'src', 'index.ts');

function project(configBody: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-breaker-'));
  writeFileSync(
    join(dir, 'kanslist.config.ts'),
    `import { defineConfig } from ${JSON.stringify(SRC_INDEX)};\nexport default defineConfig(${configBody});\n`,
  );
  return dir;
}

describe('when a system counts as down (systems.<name>.unavailable)', () => {
  it("gives a system's settings to its runs' breaker, and lets a caller's own win", async () => {
    const config = await loadConfig(
      project(`{ systems: { casehub: { unavailable: { afterFailures: 8, firstProbeDelayMs: 60000 } } } }`),
      {},
    );
    const configured = config.systems.casehub?.unavailable;
    expect(breakerOptionsFor(configured, undefined)).toEqual({ threshold: 8, firstProbeDelayMs: 60_000 });
    expect(breakerOptionsFor(configured, { firstProbeDelayMs: 10, probes: undefined })).toEqual({ threshold: 8, firstProbeDelayMs: 10 });
    expect(breakerOptionsFor(undefined, undefined)).toEqual({});
  });

  it('names the field of a value that is not a whole number, and says what to write', async () => {
    const error = await loadConfig(project(`{ systems: { casehub: { unavailable: { probes: 0 } } } }`), {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('systems.casehub.unavailable.probes');
    const misspelt = await loadConfig(project(`{ systems: { casehub: { unavailable: { probe: 2 } } } }`), {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((misspelt as ConfigError).message).toContain('did you mean systems.casehub.unavailable.probes?');
  });
});
