/**
 * A stand-alone claimer for the multi-process test: opens the store at argv[2], claims and
 * completes items of bot argv[3] until none is left, and prints the claimed keys as JSON.
 */
import { openStore } from '../../src/store/index.ts';

async function main(): Promise<void> {
  const [url, bot, workerId] = process.argv.slice(2);
  if (url === undefined || bot === undefined || workerId === undefined) throw new Error('usage: claim-worker <url> <bot> <workerId>');
  const store = await openStore(url);
  const keys: string[] = [];
  try {
    for (;;) {
      const item = await store.queue.claim(bot, { runId: 'multi-process', workerId, leaseMs: 60_000 });
      if (item === undefined) break;
      await store.queue.complete(item.id, workerId, { pid: process.pid });
      keys.push(item.key);
    }
  } finally {
    await store.close();
  }
  process.stdout.write(JSON.stringify(keys));
}

await main();
