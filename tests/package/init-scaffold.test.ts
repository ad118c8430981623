/**
 * Kanslist as an organisation adopts it: the packed package (what npm would publish) installed as
 * a `file:` dependency of a fresh repository made by `kanslist init`, and that repository's own
 * commands run there — type check with the default skipLibCheck: false, its bot test in real
 * Chromium, a run of the example bot against CaseHub (each application registered once, also on a
 * second run), and the built-in reports. Nothing is copied from this repository by hand.
 *
 * Slow (npm installs the dependencies, which builds the SQLite binding), so it runs apart from
 * `npm test`: `npm run test:package`, and in CI.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROBOT_ACCOUNTS } from '../../src/fixtures/casehub/index.ts';

const REPO = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kanslist-package-'));
const project = join(work, 'solna-robots');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const MINUTES = 60_000;

/** A command in the scaffold, as its user would type it; the output is kept for the failure message. */
function inProject(command: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: project,
    encoding: 'utf8',
    timeout: 20 * MINUTES,
    env: { ...process.env, FORCE_COLOR: '0', npm_config_audit: 'false', npm_config_fund: 'false', ...env },
  });
}

function expectOk(result: SpawnSyncReturns<string>): string {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

let tarball: string;

beforeAll(() => {
  const pack = spawnSync(NPM, ['pack', '--pack-destination', work, '--json'], { cwd: REPO, encoding: 'utf8', timeout: 5 * MINUTES });
  expect(pack.status, pack.stderr).toBe(0);
  const packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{ filename: string }>;
  tarball = join(work, packed[0]!.filename);
  const init = spawnSync(
    process.execPath,
    [join(REPO, 'bin', 'kanslist.mjs'), 'init', project, '--organisation', 'Solna stad', '--kanslist', `file:${tarball}`],
    { encoding: 'utf8' },
  );
  expect(init.status, init.stderr).toBe(0);
}, 10 * MINUTES);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a robot repository made with kanslist init', () => {
  it(
    'installs the packed Kanslist and type-checks with skipLibCheck off',
    () => {
      expectOk(inProject(NPM, ['install', '--prefer-offline']));
      expect(existsSync(join(project, 'node_modules', 'kanslist', 'dist', 'index.d.ts'))).toBe(true);
      expect(existsSync(join(project, 'node_modules', 'kanslist', 'src'))).toBe(false);
      expectOk(inProject('npx', ['tsc', '--noEmit']));
    },
    25 * MINUTES,
  );

  it(
    'adds typed skeletons that type-check, and refuses to overwrite',
    () => {
      expectOk(inProject('npx', ['kanslist', 'new', 'system', 'intranet']));
      expectOk(inProject('npx', ['kanslist', 'new', 'bot', 'arende-status', '--system', 'intranet']));
      const again = inProject('npx', ['kanslist', 'new', 'system', 'intranet']);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('KANSLIST_SCAFFOLD_EXISTS');
      expectOk(inProject('npx', ['tsc', '--noEmit']));
    },
    5 * MINUTES,
  );

  it(
    'passes its own test: the example bot against CaseHub in real Chromium',
    () => {
      expectOk(inProject(NPM, ['test']));
    },
    15 * MINUTES,
  );

  it(
    'runs the example bot against CaseHub, each application once, then writes the built-in reports',
    async () => {
      // The installed command itself (not through npx), so that stopping it stops CaseHub.
      const hub = spawn(join(project, 'node_modules', '.bin', 'kanslist'), ['fixture', 'casehub', '--port', '0'], {
        cwd: project,
        env: { ...process.env, FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          hub.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            out += chunk;
            const match = /listening on (http:\/\/\S+)/.exec(out);
            if (match) resolve(match[1]!);
          });
          hub.once('exit', (code) => reject(new Error(`CaseHub ended (${code}) before it listened: ${out}`)));
        });
        const robot = ROBOT_ACCOUNTS[0]!;
        const env = { KANSLIST_CASEHUB_URL: url, KANSLIST_CASEHUB_USERNAME: robot.username, KANSLIST_CASEHUB_PASSWORD: robot.password };
        expectOk(
          inProject('npx', ['kanslist', 'fixture', 'inputs', '--count', '5', '--errors', '0.2', '--seed', '3', '--out', 'var/inputs']),
        );
        const input = join(
          'var',
          'inputs',
          readdirSync(join(project, 'var', 'inputs')).find((f) => f.endsWith('.xlsx'))!,
        );
        // The export has a row with a business error: it goes to review, so the run is not all done.
        const run = () => inProject('npx', ['kanslist', 'run', 'bygglov-registrering', '--input', input, '--json'], env);
        const firstRun = run();
        expect(firstRun.stdout, firstRun.stderr).toMatch(/"runId"/);
        const first = JSON.parse(firstRun.stdout) as { runId: string; outcomes: { done: number }; queue: { review: number } };
        expect(first.queue.review).toBe(1);
        expect(run().stdout).toMatch(/"runId"/);

        const state = (await (await fetch(new URL('/__test/state', url))).json()) as { countsByExternalRef: Record<string, number> };
        const counts = Object.values(state.countsByExternalRef);
        expect(counts.length).toBe(first.outcomes.done);
        expect(counts.length).toBeGreaterThan(0);
        expect(counts.every((n) => n === 1)).toBe(true);

        const month = new Date().toISOString().slice(0, 7);
        expect(expectOk(inProject('npx', ['kanslist', 'report', 'time-saved', '--month', month, '--format', 'pdf']))).toMatch(
          /Wrote PDF .*time-saved.*\.pdf/,
        );
        expect(expectOk(inProject('npx', ['kanslist', 'report', 'run', first.runId.slice(0, 8)]))).toMatch(/Wrote PDF .*run-/);
      } finally {
        hub.kill('SIGTERM');
      }
    },
    15 * MINUTES,
  );
});
