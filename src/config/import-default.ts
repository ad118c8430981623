/**
 * Loading one of the project's own files (a bot, a system map) and taking its default export. A
 * syntax or import error, or a file that exports something else, becomes one ConfigError that
 * names the file and says what to write — never a stack trace from deep inside the loader.
 */
import { ConfigError } from '../errors.ts';
import { importUserModule } from '../util/user-module.ts';

export interface DefaultExportKind<T> {
  /** Words for the file in messages: 'bot file', 'system map'. */
  what: string;
  /** Code when the file cannot be loaded at all. */
  brokenCode: string;
  /** Code and message when it loads but its default export is not the expected kind. */
  wrongCode: string;
  wrongMessage: string;
  /** What the file should end with, e.g. 'export default defineBot({ ... })'. */
  expected: string;
  accepts(value: unknown): value is T;
  /** A ConfigError thrown while the file loads (its define…() call validating) already names the field: pass it on as it is. */
  passConfigErrors?: boolean;
}

export async function importDefaultExport<T>(file: string, kind: DefaultExportKind<T>): Promise<T> {
  let module: { default?: unknown };
  try {
    module = await importUserModule(file);
  } catch (cause) {
    if (kind.passConfigErrors && cause instanceof ConfigError) throw cause;
    const detail = cause instanceof Error ? firstLines(cause.message) : String(cause);
    throw new ConfigError(kind.brokenCode, `The ${kind.what} could not be loaded: ${detail}`, {
      where: file,
      remedy: 'Fix the error in the file (run `npx tsc --noEmit` for details).',
      cause,
    });
  }
  if (!kind.accepts(module.default)) {
    throw new ConfigError(kind.wrongCode, kind.wrongMessage, { where: file, remedy: `End the file with \`${kind.expected}\`.` });
  }
  return module.default;
}

/**
 * The part of a loader error a person needs: its first line, and when that only announces what
 * follows ("Transform failed with 1 error:"), the line that says where (file:line:column) and what.
 */
export function firstLines(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const first = lines[0] ?? message;
  return first.endsWith(':') && lines[1] ? `${first} ${lines[1]}` : first;
}
