#!/usr/bin/env node
// The `kanslist` command: Kanslist's built JavaScript. The TypeScript loader is registered later,
// and only when a command reads a file the organisation wrote (config, bots, system maps, schedules).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error(
    'kanslist: Kanslist is not built (dist/ is missing). In its repository run `npm run build`, or `npm test` / `npm run demo`, which build it first.',
  );
  process.exit(2);
}
// `kanslist runs | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
await import(main.href);
