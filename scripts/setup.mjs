#!/usr/bin/env node
// First-run set-up behind `npm run demo` and `npm test`: installs the npm dependencies when they
// are missing or stale, then makes sure a browser is there. Plain Node only: this runs before
// any dependency exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Kanslist needs Node.js 20 or newer; this is ${process.version}. Install Node 20 LTS and try again.`);
  process.exit(2);
}

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function dependenciesStale() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  const lock = join(root, 'package-lock.json');
  const manifest = join(root, 'package.json');
  const newest = Math.max(statSync(manifest).mtimeMs, existsSync(lock) ? statSync(lock).mtimeMs : 0);
  return statSync(installed).mtimeMs < newest;
}

if (dependenciesStale()) {
  console.log('Kanslist: installing npm dependencies (first run)…');
  // Playwright's own browser download needs the internet; Kanslist finds a system browser instead.
  const env = { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_audit: 'false', npm_config_fund: 'false' };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, existsSync(join(root, 'package-lock.json')) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'], env);
}

// Kanslist itself runs as built JavaScript (dist/): build it when it is missing or older than a source.
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildStale() {
  const stamp = join(root, 'dist', '.tsbuildinfo');
  if (!existsSync(stamp)) return true;
  const sources = Math.max(
    newestMtime(join(root, 'src')),
    ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => statSync(join(root, f)).mtimeMs),
  );
  return statSync(stamp).mtimeMs < sources;
}

if (existsSync(join(root, 'src')) && buildStale()) {
  console.log('Kanslist: building (src/ to dist/)…');
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
}

run(process.execPath, [join(root, 'bin', 'kanslist.mjs'), 'browser', '--install-if-missing']);

// The PDF report tests render pages with poppler's pdftoppm. Like the browser, it is installed only
// where that is safe to do unasked (root on Debian); best effort, quiet, and never failing set-up.
function hasCommand(command) {
  return spawnSync(command, ['-v'], { stdio: 'ignore' }).error === undefined;
}

if (!hasCommand('pdftoppm') && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('Kanslist: installing poppler-utils (pdftoppm, used by the PDF report tests)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet = { cwd: root, stdio: 'ignore', env };
  let install = spawnSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], quiet);
  if (install.status !== 0 && spawnSync('apt-get', ['update', '-qq'], quiet).status === 0) {
    install = spawnSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], quiet);
  }
  if (install.status !== 0 || !hasCommand('pdftoppm')) {
    console.log('Kanslist: could not install poppler-utils; the PDF rendering tests will say how to install it.');
  }
}
