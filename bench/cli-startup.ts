/**
 * CPU time (user + sys) of starting the `kanslist` command, against `node -e 0` measured in the
 * same run: `--help`, `--version`, and `runs --json` on an empty store in a fresh project folder
 * that has its own kanslist.config.ts (so the TypeScript loader for the user's files is counted).
 * CPU time rather than wall time, because on a shared machine wall time mostly measures the others.
 *
 *   npx tsx bench/cli-startup.ts            # 9 repetitions
 *   npx tsx bench/cli-startup.ts --reps 15
 *
 * Each child is measured by /usr/bin/time (`%U %S`, 10 ms resolution) when it is installed, else by
 * the growth of this process's reaped-children CPU in /proc/self/stat (Linux). Commands run in turn,
 * the order reversed every other repetition, so a change of machine load hits them all alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '..');
const KANSLIST_BIN = join(REPO_ROOT, 'bin', 'kanslist.mjs');
const GNU_TIME = '/usr/bin/time';
const CLOCK_TICKS_PER_SECOND = 100;

interface Sample {
  cpuMs: number;
  wallMs: number;
}

interface Contestant {
  name: string;
  args: string[];
  samples: Sample[];
}

function main(): void {
  const reps = repetitions(process.argv.slice(2));
  const project = mkdtempSync(join(tmpdir(), 'kanslist-cli-startup-'));
  // A project's config is TypeScript the CLI loads through tsx: part of what `runs` costs.
  writeFileSync(
    join(project, 'kanslist.config.ts'),
    "const config: { organisation: string } = { organisation: 'Bänkby kommun' };\nexport default config;\n",
  );
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, LANG: process.env.LANG, NO_COLOR: '1' };
  try {
    const contestants: Contestant[] = [
      { name: 'node -e 0', args: ['-e', '0'], samples: [] },
      { name: 'kanslist --help', args: [KANSLIST_BIN, '--help'], samples: [] },
      { name: 'kanslist --version', args: [KANSLIST_BIN, '--version'], samples: [] },
      { name: 'kanslist runs --json', args: [KANSLIST_BIN, 'runs', '--json'], samples: [] },
    ];
    // Once unmeasured: creates the empty store, warms the file cache and tsx's transform cache.
    for (const c of contestants) measure(c.args, project, env);
    const loadBefore = loadavg()[0]!;
    for (let rep = 0; rep < reps; rep++) {
      const order = rep % 2 === 0 ? contestants : [...contestants].reverse();
      for (const c of order) c.samples.push(measure(c.args, project, env));
    }
    const loadAfter = loadavg()[0]!;
    const base = median(contestants[0]!.samples.map((s) => s.cpuMs));
    console.log(
      `CLI start-up, ${reps} repetitions, CPU by ${existsSync(GNU_TIME) ? GNU_TIME : '/proc/self/stat (children)'}; Node ${process.version}; 1-min load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${cpuCount()} cores\n`,
    );
    console.log('| command | CPU ms (user+sys), median | × node -e 0 | CPU ms min–max | wall ms, median |');
    console.log('|---|---:|---:|---:|---:|');
    for (const c of contestants) {
      const cpu = c.samples.map((s) => s.cpuMs);
      const ratio = base > 0 ? (median(cpu) / base).toFixed(1) : '–';
      console.log(
        `| \`${c.name}\` | ${median(cpu).toFixed(0)} | ${ratio} | ${Math.min(...cpu).toFixed(0)}–${Math.max(...cpu).toFixed(0)} | ${median(c.samples.map((s) => s.wallMs)).toFixed(0)} |`,
      );
    }
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

function measure(args: string[], cwd: string, env: NodeJS.ProcessEnv): Sample {
  if (existsSync(GNU_TIME)) {
    const out = join(cwd, 'time.txt');
    const started = performance.now();
    const result = spawnSync(GNU_TIME, ['-f', '%U %S', '-o', out, process.execPath, ...args], { cwd, env, encoding: 'utf8' });
    const wallMs = performance.now() - started;
    check(result.status, args, result.stderr);
    const [user, sys] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { cpuMs: (user! + sys!) * 1000, wallMs };
  }
  const before = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  check(result.status, args, result.stderr);
  return { cpuMs: childrenCpuMs() - before, wallMs };
}

function check(status: number | null, args: string[], stderr: string): void {
  if (status !== 0) throw new Error(`node ${args.join(' ')} exited ${status}:\n${stderr}`);
}

/** CPU of the children this process has reaped (cutime + cstime). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function repetitions(argv: string[]): number {
  const at = argv.indexOf('--reps');
  const n = at === -1 ? 9 : Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error('--reps must be a whole number ≥ 1.');
  return n;
}

function cpuCount(): number {
  return readFileSync('/proc/cpuinfo', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('processor')).length;
}

main();
