/**
 * CLI start-up: `kanslist --help` and `--version` list every command without loading what the
 * commands do. Each command's work (store, runner, Playwright, exceljs, pdf-lib…) is imported when
 * that command runs. Checked by recording what the process resolves (tests/helpers/trace-imports.mjs),
 * never by timing it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainEnv } from '../helpers/cli.ts';
import { KANSLIST_BIN, REPO_ROOT } from '../helpers/run-harness.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const HEAVY = ['playwright-core', 'playwright', 'exceljs', 'pdf-lib', 'kysely', 'better-sqlite3', 'pg', 'winston'];
const tempDir = useTempDir('kanslist-trace-');
// The command runs Kanslist's build (npm test builds it first).
const COMMANDS_DIR = pathToFileURL(join(REPO_ROOT, 'dist', 'cli', 'commands')).href + '/';

interface Edge {
  parent: string | null;
  url: string;
}

function trace(args: string[]): { edges: Edge[]; stdout: string } {
  const file = join(tempDir(), 'imports.jsonl');
  const hook = join(REPO_ROOT, 'tests', 'helpers', 'trace-imports.mjs');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, KANSLIST_BIN, ...args], {
    cwd: REPO_ROOT,
    env: plainEnv({ KANSLIST_TRACE_IMPORTS: file }),
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const edges = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Edge);
  return { edges, stdout: result.stdout };
}

function heavyPackage(url: string): string | undefined {
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return match && HEAVY.includes(match[1]!) ? match[1] : undefined;
}

/** For each command file, the heavy packages reachable from it through what was resolved. */
function heavyByCommandFile(edges: Edge[]): Map<string, Set<string>> {
  const children = new Map<string, Set<string>>();
  for (const { parent, url } of edges) if (parent) children.set(parent, (children.get(parent) ?? new Set()).add(url));
  const found = new Map<string, Set<string>>();
  for (const start of children.keys()) {
    // index.ts registers every command, so it reaches whatever any of them imports.
    if (!start.startsWith(COMMANDS_DIR) || start === `${COMMANDS_DIR}index.ts`) continue;
    const seen = new Set<string>([start]);
    const todo = [start];
    const heavy = new Set<string>();
    while (todo.length > 0) {
      for (const next of children.get(todo.pop()!) ?? []) {
        const pkg = heavyPackage(next);
        if (pkg) heavy.add(pkg);
        else if (!seen.has(next)) {
          todo.push(next);
          seen.add(next);
        }
      }
    }
    if (heavy.size > 0) found.set(fileURLToPath(start).slice(fileURLToPath(COMMANDS_DIR).length), heavy);
  }
  return found;
}

describe('CLI lazy command loading', () => {
  it('--help lists every command but loads none of their work (no Playwright, exceljs, pdf-lib, kysely)', () => {
    const { edges, stdout } = trace(['--help']);
    for (const command of [
      'demo',
      'run',
      'bots',
      'runs',
      'items',
      'retry',
      'review',
      'report',
      'fixture',
      'browser',
      'audit',
      'vault',
      'schedules',
      'schedule',
      'scheduler',
      'check',
    ]) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    const offenders = [...heavyByCommandFile(edges)];
    expect(offenders.map(([file, pkgs]) => `${file} loads ${[...pkgs].join(', ')}`)).toEqual([]);
    // The trace must have seen the command files at all, or the check above proves nothing.
    expect(edges.some((e) => e.url === `${COMMANDS_DIR}run.js`)).toBe(true);
    // Nothing heavy is resolved at all.
    expect(edges.map((e) => heavyPackage(e.url)).filter(Boolean)).toEqual([]);
  }, 120_000);

  it("a subcommand's --help loads none of its work either", () => {
    const { edges, stdout } = trace(['audit', 'export', '--help']);
    expect(stdout).toContain('--format <format>');
    const loaded = edges.map((e) => e.url);
    expect(loaded.some((url) => url.endsWith('/commands/audit.js'))).toBe(true);
    expect(loaded.filter((url) => url.endsWith('-action.js'))).toEqual([]);
  }, 120_000);
});
