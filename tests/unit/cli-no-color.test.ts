/**
 * NO_COLOR (https://no-color.org) and terminals: the run progress redraws a bar only on a real
 * terminal without NO_COLOR; the operator log colours its levels only then. Elsewhere: plain lines.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';
import type { ItemOutcome } from '../../src/runner/outcome.ts';
import { colourAllowed } from '../../src/util/terminal.ts';
import { plainEnv } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';

const ESC = '\x1b';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  let text = '';
  const stream = { isTTY, write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WriteStream;
  return { stream, written: () => text };
}

function showRun(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): void {
  const progress = createProgress(stream, env);
  const outcome: ItemOutcome = { itemId: 'i1', key: 'A-1', kind: 'done', attempt: 1, durationMs: 1200, output: 'BN-2026-1' };
  progress.start(2);
  progress.outcome(outcome);
  progress.outcome({ ...outcome, itemId: 'i2', key: 'A-2', kind: 'review', code: 'KANSLIST_X', reason: 'no such property' });
  progress.end();
}

describe('CLI NO_COLOR and terminals', () => {
  it('on a terminal the progress bar is redrawn in place with escape codes', () => {
    const { stream, written } = fakeStream(true);
    showRun(stream, {});
    expect(written()).toContain(`\r`);
    expect(written()).toContain(ESC);
  });

  it('with NO_COLOR set, the progress on a terminal is plain lines without escape codes or carriage returns', () => {
    const { stream, written } = fakeStream(true);
    showRun(stream, { NO_COLOR: '1' });
    expect(written()).not.toContain(ESC);
    expect(written()).not.toContain('\r');
    expect(written().split('\n')).toEqual([
      '2 item(s) to process',
      'done     A-1 (attempt 1, 1.2 s) → BN-2026-1',
      'review   A-2 (attempt 1, 1.2 s) KANSLIST_X: no such property',
      '',
    ]);
  });

  it('piped (not a terminal) or TERM=dumb, the progress is plain lines; an empty NO_COLOR does not count', () => {
    for (const [isTTY, env] of [
      [false, {}],
      [true, { TERM: 'dumb' }],
    ] as const) {
      const { stream, written } = fakeStream(isTTY);
      showRun(stream, env);
      expect(written()).not.toContain(ESC);
      expect(written()).toContain('done     A-1');
    }
    expect(colourAllowed({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colourAllowed({ isTTY: true }, { NO_COLOR: '0' })).toBe(false);
  });

  it('the operator log on a terminal colours its level, and not under NO_COLOR', () => {
    // A child that believes its stderr is a terminal, logs one warning and exits.
    const script = [
      "Object.defineProperty(process.stderr, 'isTTY', { value: true });",
      `const { createLogger } = await import(${JSON.stringify(join(REPO_ROOT, 'src', 'log', 'logger.ts'))});`,
      'const log = createLogger({ console: true });',
      "log.warn('the session expired');",
      'await log.flush();',
    ].join('\n');
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: REPO_ROOT,
        env: plainEnv(env),
        encoding: 'utf8',
      });
    const coloured = run({});
    expect(coloured.status, coloured.stderr).toBe(0);
    expect(coloured.stderr).toContain(ESC);
    expect(coloured.stderr).toContain('the session expired');
    const plain = run({ NO_COLOR: '1' });
    expect(plain.stderr).toBe('warn the session expired\n');
  }, 60_000);
});
