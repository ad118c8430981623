/**
 * An operator's mistakes get one line naming what and where, the remedy, and exit code 2 — never a
 * stack trace, and never a run recorded as crashed: an impossible port, a port in use, and
 * `--headed` where there is no screen.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { COLUMNS, SHEET_NAME } from '../../src/fixtures/inputs/index.ts';
import { openStore } from '../../src/store/index.ts';
import { runCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, type Harness } from '../helpers/run-harness.ts';

describe('operator mistakes', () => {
  let h: Harness;
  let taken: Server;
  beforeAll(async () => {
    h = await createHarness({ count: 1, errorShare: 0, seed: 3 });
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => taken?.close(resolve));
    await h?.close();
  });

  it('an impossible port', async () => {
    const result = await runCli(['fixture', 'casehub', '--port', '99999'], { env: cliEnv(h) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be a port number from 0 (any free port) to 65535');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a port in use', async () => {
    const port = (taken.address() as AddressInfo).port;
    const result = await runCli(['fixture', 'casehub', '--port', String(port)], { env: cliEnv(h) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^kanslist: KANSLIST_PORT_IN_USE \\(--port\\): Port ${port} is already in use\\.`));
    expect(result.stderr).toContain('0 takes any free one');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an input with a header only: a warning that names the file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet(SHEET_NAME).addRow([...COLUMNS]);
    const file = join(h.dir, 'bara-rubriker.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await runCli(['run', BOT, '--input', file], { env: cliEnv(h) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`warning: ${file} has no rows`);
  });

  it('a wrong password: the run failed (exit 3), the item waits uncharged, no retries against the account', async () => {
    const result = await runCli(['run', BOT, '--input', h.input.xlsxPath, '--json'], {
      env: { ...cliEnv(h), KANSLIST_CASEHUB_PASSWORD: 'not-the-password' },
    });
    expect(result.code, result.stderr).toBe(3);
    const summary = JSON.parse(result.stdout) as { status: string; fatal: string; outcomes: Record<string, number> };
    expect(summary.status).toBe('failed');
    expect(summary.fatal).toContain('CaseHub refused');
    expect(summary.outcomes).toMatchObject({ retry: 0, failed: 0, released: 1 });
    expect(result.stdout).not.toContain('not-the-password');
    const store = await openStore(h.storeUrl);
    try {
      const [item] = await store.queue.list({ bot: BOT });
      expect(item).toMatchObject({ status: 'pending', attempts: 0 });
    } finally {
      await store.close();
    }
  });

  it('--headed without a screen: stops before the run starts', async () => {
    const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...env } = cliEnv(h);
    const result = await runCli(['run', BOT, '--input', h.input.xlsxPath, '--headed'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kanslist: KANSLIST_NO_DISPLAY \(--headed\)/);
    expect(result.stderr).toContain('xvfb-run');
    expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(3);
    const store = await openStore(h.storeUrl);
    try {
      // Only the wrong-password and the empty-input runs above: the --headed one never started.
      expect((await store.runs.list({ bot: BOT })).map((r) => r.status).sort()).toEqual(['failed', 'finished']);
    } finally {
      await store.close();
    }
  });
});
