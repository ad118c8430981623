/**
 * The operator commands as child processes on the example schedule (schedules/permit-intake.ts):
 * pause with a note shows in `kanslist schedules`, a manual fire of a paused schedule is recorded
 * as skipped (exit 1, no run started), resume clears it, and an unknown name is a usage error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/schedule/ledger.ts';
import { openStore } from '../../src/store/index.ts';
import { cliJson, plainEnv, runCli } from '../helpers/cli.ts';

describe('kanslist schedule pause | resume | fire', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-schedule-cli-'));
  const storeUrl = `sqlite:${join(dir, 'kanslist.db')}`;
  const env = plainEnv({ KANSLIST_VAR_DIR: dir, KANSLIST_STORE: storeUrl });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pauses with a note, skips a manual fire while paused, resumes, and refuses an unknown schedule', async () => {
    const paused = await runCli(['schedule', 'pause', 'permit-intake', '--note', 'CaseHub-uppgradering'], { env });
    expect(paused.code, paused.stderr).toBe(0);
    const listed = await cliJson<Array<{ name: string; paused: boolean; pauseNote: string | null; lastDecision: Decision | null }>>(
      ['schedules'],
      { env },
    );
    expect(listed).toEqual([
      expect.objectContaining({ name: 'permit-intake', paused: true, pauseNote: 'CaseHub-uppgradering', lastDecision: null }),
    ]);

    // Whatever the calendar says today, a paused schedule does not run.
    const fired = await runCli(['schedule', 'fire', 'permit-intake', '--json'], { env });
    expect(fired.code, fired.stderr).toBe(1);
    const decision = JSON.parse(fired.stdout) as Decision;
    expect(decision).toMatchObject({ schedule: 'permit-intake', decision: 'skipped', trigger: 'manual', outcome: null });
    const store = await openStore(storeUrl);
    try {
      expect(await store.runs.list()).toEqual([]);
    } finally {
      await store.close();
    }

    const resumed = await runCli(['schedule', 'resume', 'permit-intake'], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('resumed');
    const unknown = await runCli(['schedule', 'pause', 'no-such-schedule'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('KANSLIST_SCHEDULE_UNKNOWN');
  }, 120_000);
});
