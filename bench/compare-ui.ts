/**
 * ctx.ui against the plain script, item by item: `npx tsx bench/compare-ui.ts [--items N] [--base DIR]`
 *
 * One CaseHub (20 ms per request), one browser, one logged-in page per contestant (each its own
 * robot account). The contestants take turns on every item, in a rotating order, so a machine that
 * gets busier or quieter during the run weighs on all of them alike — on a shared machine that is
 * what makes a few percent visible at all. Contestants: the plain script (`plain-playwright.ts`,
 * receipt letter included), the bot's process() through this checkout's ctx.ui, and with `--base`
 * the same through another checkout's src/ui (e.g. a `git worktree` of main, built) to measure a
 * change; `--base` may be given more than once. No runner, no store: the runner's own share is measured by run-bench.ts.
 *
 * Prints each contestant's median item time and Node CPU per item (this process: Playwright's
 * client and server, ctx.ui, the letter, and CaseHub, which is the same for all), and the median
 * of the per-item ratios to the plain script.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import bot from '../bots/bygglov-registrering.ts';
import { CLERK_ACCOUNT, ROBOT_ACCOUNTS, startCaseHub } from '../src/fixtures/casehub/index.ts';
import { generateEServiceExport } from '../src/fixtures/inputs/index.ts';
import { createLogger } from '../src/log/logger.ts';
import { systemAddress, type BotContext } from '../src/runner/bot.ts';
import { revivePayload } from '../src/runner/payload.ts';
import { readInput } from '../src/inputs/index.ts';
import * as currentUi from '../src/ui/index.ts';
import { median } from './measure.ts';
import { openLoggedIn, readApplications, registerApplication, type PlainApplication } from './plain-playwright.ts';

type UiModule = Pick<typeof currentUi, 'createUi'>;
type Account = { username: string; password: string };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { items: { type: 'string', default: '24' }, base: { type: 'string', multiple: true } } });
  const items = Number(values.items);
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-compare-ui-'));
  const hub = await startCaseHub({ users: [CLERK_ACCOUNT, ...ROBOT_ACCOUNTS], faults: { latencyMs: 20 }, seed: 3 });
  const browser = await currentUi.launchBrowser();
  try {
    const input = await generateEServiceExport({ count: items, errorShare: 0, seed: 5, outDir: join(dir, 'inputs') });
    const applications = await readApplications(input.xlsxPath);
    const payloads: unknown[] = [];
    for await (const row of readInput(bot.input, { file: input.xlsxPath, cwd: process.cwd() })) {
      if (row.data !== undefined) payloads.push(revivePayload(bot.input, JSON.parse(JSON.stringify(row.data))));
    }
    const accounts = ROBOT_ACCOUNTS as readonly Account[];
    const plainPage = await openLoggedIn(
      await browser.newContext({ locale: 'sv-SE' }),
      { baseUrl: hub.url, xlsxPath: input.xlsxPath, accounts: [accounts[0]!], concurrency: 1 },
      accounts[0]!,
    );
    const runners = new Map<string, (index: number) => Promise<unknown>>([
      ['plain', (index) => registerApplication(plainPage, applications[index] as PlainApplication, dir)],
    ]);
    const current = await botContext(currentUi, browser, hub.url, accounts[1]!, dir);
    runners.set('ctx.ui', (index) => bot.process(payloads[index] as never, current));
    for (const [n, folder] of (values.base ?? []).entries()) {
      const baseUi = (await import(join(resolve(folder), 'src', 'ui', 'index.ts'))) as UiModule;
      const base = await botContext(baseUi, browser, hub.url, accounts[2 + n]!, dir);
      runners.set(values.base!.length === 1 ? 'ctx.ui (base)' : `ctx.ui (base ${n + 1})`, (index) =>
        bot.process(payloads[index] as never, base),
      );
    }
    const names = [...runners.keys()];
    const wall = new Map(names.map((name) => [name, [] as number[]]));
    const cpu = new Map(names.map((name) => [name, [] as number[]]));
    for (let index = 0; index < items; index++) {
      const order = names.map((_, k) => names[(index + k) % names.length]!);
      for (const name of order) {
        const [started, cpuBefore] = [performance.now(), process.cpuUsage()];
        await runners.get(name)!(index);
        const used = process.cpuUsage(cpuBefore);
        wall.get(name)!.push(performance.now() - started);
        cpu.get(name)!.push((used.user + used.system) / 1000);
      }
    }
    const plain = wall.get('plain')!;
    console.log(`${items} items each, interleaved; CaseHub latency 20 ms`);
    for (const name of names) {
      const ratios = wall.get(name)!.map((ms, index) => ms / plain[index]!);
      console.log(
        `${name.padEnd(14)} median item ${median(wall.get(name)!).toFixed(0).padStart(5)} ms   Node CPU ${median(cpu.get(name)!).toFixed(0).padStart(4)} ms   ÷ plain (median of pairs) ${median(ratios).toFixed(3)}`,
      );
    }
  } finally {
    await browser.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bot's context on its own logged-in page, as the runner would build it (no runner, no store). */
async function botContext(
  ui: UiModule,
  browser: Browser,
  baseUrl: string,
  account: Account,
  dir: string,
): Promise<BotContext<typeof bot.system>> {
  const page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
  const created = ui.createUi({ page, system: bot.system, timeoutMs: 15_000 });
  await bot.system.login?.({ ui: created, credentials: account, baseUrl });
  return {
    ui: created,
    page,
    item: { id: 'compare', key: 'compare', attempt: 1, source: null },
    runId: 'compare',
    log: createLogger({ console: false }),
    credentials: account,
    system: systemAddress('casehub', baseUrl),
    evidence: { dir, capture: () => Promise.resolve(undefined) },
    signal: new AbortController().signal,
    settings: { organisation: 'Exempel kommun', timeZone: 'Europe/Stockholm', language: 'sv' },
  };
}

await main();
