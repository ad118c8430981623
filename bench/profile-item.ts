/**
 * Where an item's time goes: `npx tsx bench/profile-item.ts [--items N] [--latency MS]`
 *
 * Registers N applications on one logged-in page, first with the plain script, then with the bot's
 * process() through ctx.ui (no runner, no store), and prints per item: wall time and the number of
 * Chrome DevTools Protocol messages sent (a measure of work that does not depend on machine load),
 * and for ctx.ui the time per action kind. A developer's tool for docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import bot from '../bots/bygglov-registrering.ts';
import { CLERK_ACCOUNT, ROBOT_ACCOUNTS, startCaseHub } from '../src/fixtures/casehub/index.ts';
import { generateEServiceExport } from '../src/fixtures/inputs/index.ts';
import { createLogger } from '../src/log/logger.ts';
import { systemAddress, type BotContext } from '../src/runner/bot.ts';
import { revivePayload } from '../src/runner/payload.ts';
import { readInput } from '../src/inputs/index.ts';
import { createUi, launchBrowser, type UiActionEvent } from '../src/ui/index.ts';
import { median } from './measure.ts';
import { openLoggedIn, readApplications, registerApplication } from './plain-playwright.ts';

let lastPlainMethods = new Map<string, number>();
let lastUiMethods = new Map<string, number>();

interface ProtocolCounter {
  sent(): number;
  /** Methods sent since the last call, counted. */
  takeMethods(): Map<string, number>;
}

/** Counts the protocol messages Playwright sends to Chromium for this browser (all its sessions). */
function countProtocol(): ProtocolCounter {
  // playwright-core's in-process connection exposes no public hook; its debug logger does.
  let sent = 0;
  let methods = new Map<string, number>();
  const debug = process.env.DEBUG;
  if (!debug?.includes('pw:protocol')) throw new Error('Run with DEBUG=pw:protocol (the script sets it when it re-runs itself).');
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    for (const line of text.split('\n')) {
      if (!line.includes('pw:protocol SEND')) continue;
      sent++;
      const method = /"method":"([^"]+)"/.exec(line)?.[1] ?? '?';
      methods.set(method, (methods.get(method) ?? 0) + 1);
    }
    return text.includes('pw:protocol') ? true : write(chunk, ...(rest as []));
  };
  return {
    sent: () => sent,
    takeMethods: () => {
      const taken = methods;
      methods = new Map();
      return taken;
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { items: { type: 'string', default: '6' }, latency: { type: 'string', default: '20' } } });
  const items = Number(values.items);
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-profile-'));
  const hub = await startCaseHub({ users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS], faults: { latencyMs: Number(values.latency) } });
  const browser = await launchBrowser();
  const protocol = countProtocol();
  try {
    const input = await generateEServiceExport({ count: items, errorShare: 0, seed: 5, outDir: join(dir, 'inputs') });
    // Plain: one page, N items.
    const account = ROBOT_ACCOUNTS[0]!;
    const plainPage = await openLoggedIn(
      await browser.newContext({ locale: 'sv-SE' }),
      { baseUrl: hub.url, xlsxPath: input.xlsxPath, accounts: [account], concurrency: 1 },
      account,
    );
    const plain: { ms: number; sent: number }[] = [];
    for (const application of await readApplications(input.xlsxPath)) {
      const [started, sent] = [Date.now(), protocol.sent()];
      protocol.takeMethods();
      await registerApplication(plainPage, application, dir); // the same receipt letter the bot writes
      lastPlainMethods = protocol.takeMethods();
      plain.push({ ms: Date.now() - started, sent: protocol.sent() - sent });
    }
    await plainPage.context().close();
    hub.reset();
    // ctx.ui: the bot's process() on one page.
    const framework = await profileBot(browser, hub.url, input.xlsxPath, protocol);
    report('plain', plain);
    report('ctx.ui', framework.items);
    console.log('\nprotocol methods of the last item (plain / ctx.ui):');
    for (const method of [...new Set([...lastPlainMethods.keys(), ...lastUiMethods.keys()])].sort()) {
      console.log(
        `  ${method.padEnd(40)} ${String(lastPlainMethods.get(method) ?? 0).padStart(4)} ${String(lastUiMethods.get(method) ?? 0).padStart(4)}`,
      );
    }
    console.log('\nctx.ui per action (all items):');
    for (const [kind, durations] of [...framework.actions.entries()].sort()) {
      console.log(`  ${kind.padEnd(40)} n=${String(durations.length).padStart(3)}  median ${median(durations).toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function profileBot(browser: Browser, baseUrl: string, xlsxPath: string, protocol: ProtocolCounter) {
  const actions = new Map<string, number[]>();
  const recorder = {
    action: (e: UiActionEvent) =>
      void actions.set(`${e.action} ${e.target}`, [...(actions.get(`${e.action} ${e.target}`) ?? []), e.durationMs]),
    drift: () => undefined,
    dialog: () => undefined,
  };
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page: Page = await context.newPage();
  const ui = createUi({ page, system: bot.system, recorder, timeoutMs: 15_000 });
  await bot.system.login?.({ ui, credentials: ROBOT_ACCOUNTS[0]!, baseUrl });
  const log = createLogger({ console: false });
  const results: { ms: number; sent: number }[] = [];
  for await (const row of readInput(bot.input, { file: xlsxPath, cwd: process.cwd() })) {
    if (row.data === undefined) continue;
    const payload = revivePayload(bot.input, JSON.parse(JSON.stringify(row.data)));
    const ctx = {
      ui,
      page,
      item: { id: 'x', key: 'x', attempt: 1, source: null },
      runId: 'profile',
      log,
      credentials: ROBOT_ACCOUNTS[0]!,
      system: systemAddress('casehub', baseUrl),
      evidence: { dir: tmpdir(), capture: () => Promise.resolve(undefined) },
      signal: new AbortController().signal,
      settings: { organisation: 'Exempel kommun', timeZone: 'Europe/Stockholm', language: 'sv' },
    } satisfies BotContext<typeof bot.system>;
    const [started, sent] = [Date.now(), protocol.sent()];
    protocol.takeMethods();
    await bot.process(payload as never, ctx);
    lastUiMethods = protocol.takeMethods();
    results.push({ ms: Date.now() - started, sent: protocol.sent() - sent });
  }
  await context.close();
  return { items: results, actions };
}
function report(name: string, items: { ms: number; sent: number }[]): void {
  console.log(
    `${name.padEnd(7)} items ${items.length}: median ${median(items.map((i) => i.ms)).toFixed(0)} ms, protocol messages sent per item: median ${median(items.map((i) => i.sent))}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
