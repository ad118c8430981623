#!/usr/bin/env node
// `npm run lint`: the import table first (it is quick and names the file), then Prettier and
// ESLint side by side — on two cores that is about the time of ESLint alone — each with its cache
// under node_modules/.cache, so a second run looks only at what changed. Each tool's output is
// printed whole when it ends, so the two never interleave.
import { spawn, spawnSync } from 'node:child_process';

const deps = spawnSync(process.execPath, ['scripts/check-deps.mjs'], { stdio: 'inherit' });
if (deps.status !== 0) process.exit(deps.status ?? 1);

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const tools = [
  [bin('prettier'), ['--check', '--cache', '--cache-location', 'node_modules/.cache/prettier/.cache', '.']],
  [bin('eslint'), ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']],
];
const results = await Promise.all(
  tools.map(
    ([command, args]) =>
      new Promise((resolve) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('error', (error) => resolve({ code: 1, output: `${command}: ${error.message}\n` }));
        child.on('close', (code) => resolve({ code: code ?? 1, output }));
      }),
  ),
);
for (const { output } of results) process.stdout.write(output);
process.exit(results.some(({ code }) => code !== 0) ? 1 : 0);
