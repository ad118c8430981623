/**
 * A preflight passes only when the login worked and no target is missing or ambiguous; drift
 * alone passes with a flag. System maps are found by name like bots, with errors naming the file.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { loadSystemMap } from '../../src/preflight/load-system.ts';
import { describeReport, summariseReport } from '../../src/preflight/report.ts';
import type { TargetCheck, TargetCheckStatus } from '../../src/preflight/types.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const SYSTEM_TS = join(import.meta.dirname, '..', '..', 'src', 'ui', 'system.ts');

function targets(...statuses: TargetCheckStatus[]): TargetCheck[] {
  return statuses.map((status, i) => ({ path: `s.t${i}`, screen: 's', status }));
}

function report(login: 'ok' | 'failed' | 'not-needed', checks: TargetCheck[]) {
  return summariseReport({ system: 'casehub', baseUrl: 'http://127.0.0.1:1', startedAt: Date.now(), login, targets: checks });
}

describe('preflight verdict', () => {
  it('passes with drift, flagged', () => {
    const r = report('ok', targets('ok', 'drift', 'not-checked'));
    expect(r).toMatchObject({ ok: true, drift: true, counts: { ok: 1, drift: 1, missing: 0, ambiguous: 0, 'not-checked': 1 } });
    expect(report('not-needed', targets('ok')).ok).toBe(true);
  });

  it('fails on a missing or ambiguous target, and on a failed login even with nothing checked', () => {
    expect(report('ok', targets('ok', 'missing')).ok).toBe(false);
    expect(report('ok', targets('ambiguous', 'drift'))).toMatchObject({ ok: false, drift: true });
    const failed = summariseReport({
      system: 'casehub',
      baseUrl: 'http://x',
      startedAt: Date.now(),
      login: 'failed',
      loginError: 'CASEHUB_LOGIN_REFUSED: refused',
      targets: targets('not-checked'),
    });
    expect(failed.ok).toBe(false);
    expect(describeReport(failed)).toBe(
      'casehub: login FAILED (CASEHUB_LOGIN_REFUSED: refused); 0 ok, 0 drift, 0 missing, 0 ambiguous, 1 not checked',
    );
  });
});

describe('loading a system map by name', () => {
  const dir = useTempDir('kanslist-preflight-maps-');

  async function writeMap(file: string, text: string): Promise<void> {
    await writeFile(join(dir(), file), text);
  }

  it('loads selectors/<name>.ts and hashes it', async () => {
    await writeMap(
      'hub.ts',
      `import { defineSystem } from ${JSON.stringify(SYSTEM_TS)};\nexport default defineSystem({ name: 'hub', baseUrl: 'http://127.0.0.1:1', screens: { a: { b: [{ css: '#b' }] } } });\n`,
    );
    const loaded = await loadSystemMap('hub', dir());
    expect(loaded.system.targets.has('a.b')).toBe(true);
    expect(loaded.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('names the known systems for an unknown one, and the file for a wrong name or a broken file', async () => {
    await writeMap(
      'hub.ts',
      `import { defineSystem } from ${JSON.stringify(SYSTEM_TS)};\nexport default defineSystem({ name: 'other', baseUrl: 'http://127.0.0.1:1', screens: {} });\n`,
    );
    await writeMap('broken.ts', 'export default {\n');
    await writeMap('plain.ts', 'export default { name: "plain" };\n');
    const unknown = await loadSystemMap('casehub', dir()).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ConfigError);
    expect(unknown).toMatchObject({ code: 'KANSLIST_SYSTEM_UNKNOWN', remedy: 'Known systems: broken, hub, plain.' });
    await expect(loadSystemMap('hub', dir())).rejects.toMatchObject({
      code: 'KANSLIST_SYSTEM_NAME_MISMATCH',
      where: join(dir(), 'hub.ts'),
    });
    await expect(loadSystemMap('broken', dir())).rejects.toMatchObject({
      code: 'KANSLIST_SYSTEM_MAP_BROKEN',
      where: join(dir(), 'broken.ts'),
    });
    await expect(loadSystemMap('plain', dir())).rejects.toMatchObject({
      code: 'KANSLIST_SYSTEM_MAP_BROKEN',
      message: expect.stringContaining('default export'),
    });
  });

  it("passes on the map's own validation error, which names the field", async () => {
    await writeMap(
      'bad.ts',
      `import { defineSystem } from ${JSON.stringify(SYSTEM_TS)};\nexport default defineSystem({ name: 'bad', baseUrl: 'http://127.0.0.1:1', screens: { a: { b: [] } }, navigation: {} });\n`,
    );
    await expect(loadSystemMap('bad', dir())).rejects.toMatchObject({
      code: 'KANSLIST_SYSTEM_MAP_INVALID',
      where: 'selectors/bad.ts, screen a, target b',
    });
  });
});
