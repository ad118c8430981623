/**
 * An operations-notice alert() that nobody declared pops up after every login. It blocks the page
 * until answered, so the system map's dialog policy must answer it, and the operator log must
 * say that it happened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { createHarness, type Harness } from '../helpers/run-harness.ts';

// A whole run with a real browser: generous on a busy 2-core machine (a limit, not a wait).
const RUN_HOOK_TIMEOUT_MS = 180_000;

interface LogLine {
  level: string;
  message: string;
}

function readLogLines(dir: string): LogLine[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine);
}

describe('run: an unexpected alert after login is answered and logged', () => {
  let h: Harness;
  let summary: RunSummary;
  let logLines: LogLine[];

  beforeAll(async () => {
    h = await createHarness({ count: 3, errorShare: 0, seed: 9, faults: { noticeAlertRate: 1 } });
    const logDir = join(h.dir, 'logs');
    const log = createLogger({ dir: logDir, console: false });
    summary = await h.run({ concurrency: 2, log });
    await log.flush();
    logLines = readLogLines(logDir);
  }, RUN_HOOK_TIMEOUT_MS);
  afterAll(() => h?.close());

  it('finishes the run with every application registered exactly once', () => {
    expect(summary.status).toBe('finished');
    expect(summary.allDone).toBe(true);
    expect(summary.outcomes).toMatchObject({ done: 3, retry: 0, failed: 0 });
    const counts = h.hub.countsByExternalRef();
    for (const a of h.input.applications) expect(counts[a.applicationId], a.applicationId).toBe(1);
    expect(h.hub.cases()).toHaveLength(3);
  });

  it('warns in the operator log about the unexpected dialog, with its text', () => {
    const notices = logLines.filter((l) => /unexpected dialog/i.test(l.message));
    // One notice per login: two workers, two logins.
    expect(notices.length, JSON.stringify(logLines.map((l) => l.message))).toBe(2);
    for (const notice of notices) {
      expect(notice.level).toBe('warn');
      expect(notice.message).toMatch(/alert/);
      expect(notice.message).toMatch(/Driftinformation/);
    }
  });
});
