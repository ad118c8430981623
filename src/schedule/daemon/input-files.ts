/**
 * A schedule's `input`: one file, or a glob whose wildcards (`*`, `?`) are in the file name
 * ('inbox/*.xlsx'). Resolved when the fire starts, relative to the project root; a glob's
 * matches are run one after the other, oldest name first.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';

/** The files to run for a fire: [undefined] means "the bot's own source". */
export function resolveScheduleInput(input: string | undefined, root: string): Array<string | undefined> {
  if (input === undefined) return [undefined];
  const path = isAbsolute(input) ? input : join(root, input);
  const name = basename(path);
  if (!/[*?]/.test(name)) return [path]; // a missing file is the run's own clear error
  const dir = dirname(path);
  if (!existsSync(dir)) return [];
  const pattern = globToRegExp(name);
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

function globToRegExp(glob: string): RegExp {
  const source = [...glob].map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`);
}
