/**
 * The system goes down in the middle of a run (CaseHub stopped): the breaker stops the run instead
 * of burning every item's attempts — status 'system-unavailable', exit code 4, no item failed, the
 * items pending, an alert on the configured webhook, and a summary that says what to check. When
 * CaseHub is back, the same command registers the rest, each application exactly once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLERK_ACCOUNT, ROBOT_ACCOUNTS, startCaseHub, type CaseHub } from '../../src/fixtures/casehub/index.ts';
import { formatSummary } from '../../src/cli/print-summary.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { runCli, startCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, type Harness } from '../helpers/run-harness.ts';

describe('kanslist run when the system goes down', () => {
  let h: Harness;
  let store: Store;
  let webhook: Server;
  const alerts: Array<{ kind: string; message: string }> = [];
  let restarted: CaseHub | undefined;

  beforeAll(async () => {
    h = await createHarness({ count: 12, errorShare: 0, seed: 31, faults: { latencyMs: 60 } });
    store = await openStore(h.storeUrl);
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        alerts.push(JSON.parse(body) as { kind: string; message: string });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await store?.close();
    await restarted?.close();
    await new Promise((resolve) => webhook?.close(resolve));
    await h?.close();
  });

  it('stops as system-unavailable with the items pending, alerts, and registers each once when the system is back', async () => {
    const env = { ...cliEnv(h), KANSLIST_ALERT_WEBHOOK: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hooks/rpa` };
    const args = ['run', BOT, '--input', h.input.xlsxPath, '--concurrency', '2', '--json'];
    const run = startCli(args, { env });
    let summary: RunSummary;
    try {
      // 1. Some applications registered, then CaseHub goes away.
      await expect.poll(() => h.hub.cases().length, { timeout: 180_000, interval: 25 }).toBeGreaterThanOrEqual(2);
      const port = Number(new URL(h.hub.url).port);
      const before = h.hub.countsByExternalRef();
      await h.hub.close();
      const ended = await run.exited;
      expect(ended.code, ended.stderr).toBe(4);
      summary = JSON.parse(ended.stdout) as RunSummary;

      // 2. What the run says, and what it left: nothing failed, every item still with attempts to spare.
      expect(summary.status).toBe('system-unavailable');
      expect(summary.unavailable?.probes).toBeGreaterThan(0);
      expect(summary.outcomes.failed).toBe(0);
      const items = await store.queue.list({ bot: BOT });
      expect(items.filter((i) => i.status === 'failed' || i.status === 'running')).toEqual([]);
      for (const item of items.filter((i) => i.status === 'pending')) expect(item.attempts, item.key).toBeLessThan(item.maxAttempts);
      expect(items.filter((i) => i.status === 'pending').length).toBeGreaterThan(0);
      await expect.poll(() => alerts.map((a) => a.kind), { timeout: 30_000, interval: 25 }).toContain('system-unavailable');
      expect(formatSummary(summary)).toMatch(/system unavailable: .*\n.*items stay pending.*\n.*run the same command again/);

      // 3. CaseHub is back (same address): the same command finishes the work, each application once.
      restarted = await startCaseHub({ port, layout: 'v1', users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS], seed: 7 });
      const resumed = await runCli(args, { env });
      expect(resumed.code, resumed.stderr).toBe(0);
      const after = restarted.countsByExternalRef();
      for (const a of h.input.applications) expect((before[a.applicationId] ?? 0) + (after[a.applicationId] ?? 0), a.applicationId).toBe(1);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 600_000);
});
