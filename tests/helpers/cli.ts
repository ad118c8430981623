/**
 * Running `kanslist` as a child process, as an operator or a scheduler would: a finished command
 * (code, stdout, stderr), or a started one whose output can be waited on line by line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { KANSLIST_BIN, REPO_ROOT } from './run-harness.ts';

export interface CliResult {
  /** Exit code; null when the process was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env: NodeJS.ProcessEnv;
  /** @default REPO_ROOT: the CLI loads kanslist.config.ts, bots/ and selectors/ from here */
  cwd?: string;
  /** Piped to stdin (a password, a secret); without it stdin is closed. */
  input?: string;
}

export interface StartedCli {
  child: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line matching `pattern`; rejects if the process ends first. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Resolves when the process has ended. */
  exited: Promise<CliResult>;
}

/** The environment variables a child needs to find node and tsx, without the test's own settings. */
export function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { PATH, HOME, TMPDIR, LANG } = process.env;
  return { PATH, HOME, TMPDIR, LANG, FORCE_COLOR: '0', ...extra };
}

export function startCli(args: string[], options: CliOptions): StartedCli {
  const child = spawn(process.execPath, [KANSLIST_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Closed at once without input, as `< /dev/null` would be.
  // A child that exits without reading it must not fail the test with EPIPE.
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  let out = '';
  let err = '';
  const lineWaiters: { pattern: RegExp; resolve(line: string): void; reject(error: Error): void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    settleLineWaiters();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  function settleLineWaiters(): void {
    const lines = out.split('\n');
    for (const waiter of [...lineWaiters]) {
      const line = lines.find((l) => waiter.pattern.test(l));
      if (line === undefined) continue;
      lineWaiters.splice(lineWaiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  }
  let closed: string | undefined;
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      closed = `code ${code}, signal ${signal}`;
      for (const waiter of lineWaiters.splice(0)) waiter.reject(endedBefore(waiter.pattern));
      resolve({ code, signal, stdout: out, stderr: err });
    });
  });
  const endedBefore = (pattern: RegExp) =>
    new Error(`kanslist ${args.join(' ')} ended (${closed}) before printing a line matching ${pattern}.\nstdout:\n${out}\nstderr:\n${err}`);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitForLine(pattern) {
      return new Promise<string>((resolve, reject) => {
        lineWaiters.push({ pattern, resolve, reject });
        settleLineWaiters();
        if (closed !== undefined && lineWaiters.some((w) => w.pattern === pattern)) {
          lineWaiters.splice(
            lineWaiters.findIndex((w) => w.pattern === pattern),
            1,
          );
          reject(endedBefore(pattern));
        }
      });
    },
    exited,
  };
}

/** Runs `kanslist …` to its end. */
export function runCli(args: string[], options: CliOptions): Promise<CliResult> {
  return startCli(args, options).exited;
}

/** Runs `kanslist …` expecting exit code 0 and JSON on stdout. */
export async function cliJson<T>(args: string[], options: CliOptions): Promise<T> {
  const result = await runCli([...args, '--json'], options);
  if (result.code !== 0) throw new Error(`kanslist ${args.join(' ')} --json exited ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** The forms an identity number may be printed in (as typed, with and without century and dash). */
export function identityNumberForms(typed: string): string[] {
  const digits = typed.replace(/\D/g, '');
  const short = digits.length === 12 ? digits.slice(2) : digits;
  const forms = [typed, short, `${short.slice(0, 6)}-${short.slice(6)}`];
  if (digits.length === 12) forms.push(digits, `${digits.slice(0, 8)}-${digits.slice(8)}`);
  return [...new Set(forms)];
}
