import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Kanslist's own version, read from its package.json when asked (not copied into the code, so a
 * release only changes package.json). The file is two folders up from both src/cli and a build's
 * dist/cli.
 */
export function kanslistVersion(): string {
  const file = join(import.meta.dirname, '..', '..', 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
