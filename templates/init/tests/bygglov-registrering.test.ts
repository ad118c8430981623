/**
 * The permit bot against CaseHub, the legacy case system that ships with Kanslist, in a real
 * browser on loopback: every valid application is registered exactly once, the ones with errors
 * go to a clerk, and a second run does nothing twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLERK_ACCOUNT,
  ROBOT_ACCOUNTS,
  generateEServiceExport,
  robotAccountsEnv,
  runBotForTest,
  startCaseHub,
  type CaseHub,
} from 'kanslist/testing';

let hub: CaseHub;
let inputs: string;

beforeAll(async () => {
  hub = await startCaseHub({ port: 0, users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS] });
  inputs = mkdtempSync(join(tmpdir(), 'bygglov-inputs-'));
});

afterAll(async () => {
  await hub?.close();
  if (inputs) rmSync(inputs, { recursive: true, force: true });
});

describe('bygglov-registrering', () => {
  it('registers each valid application once and sends the others to review', async () => {
    const input = await generateEServiceExport({ count: 4, errorShare: 0.25, seed: 11, outDir: inputs });
    const run = await runBotForTest({ bot: 'bygglov-registrering', input: input.xlsxPath, env: robotAccountsEnv(hub.url) });
    try {
      expect(run.summary.outcomes.done).toBe(input.validCount);
      expect(run.items.filter((item) => item.status === 'review')).toHaveLength(input.invalidCount);
      expect(hub.cases()).toHaveLength(input.validCount);
      expect(Object.values(hub.countsByExternalRef()).every((n) => n === 1)).toBe(true);

      // The same export again: every key is already done, so CaseHub gets nothing new.
      await run.again();
      expect(hub.cases()).toHaveLength(input.validCount);
    } finally {
      await run.close();
    }
  }, 300_000);
});
