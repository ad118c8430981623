/**
 * Writing a scaffold: every file is checked first, and if any already exists nothing is written —
 * a scaffold never overwrites an organisation's work, and never leaves half a project behind.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ConfigError } from '../../errors.ts';

export type ScaffoldFile = { path: string; text: string; mode?: number } | { path: string; copyFrom: string };

/** Writes `files` under `root`; throws KANSLIST_SCAFFOLD_EXISTS naming every file that is already there. */
export function writeScaffold(root: string, files: ScaffoldFile[], command: string): string[] {
  const existing = files.filter((f) => existsSync(join(root, f.path))).map((f) => f.path);
  if (existing.length > 0) {
    throw new ConfigError(
      'KANSLIST_SCAFFOLD_EXISTS',
      `${command} would overwrite ${existing.length === 1 ? 'a file that already exists' : `${existing.length} files that already exist`}: ${existing.join(', ')}.`,
      {
        where: root,
        remedy: 'Nothing was written. Choose another folder or name, or move those files away first.',
      },
    );
  }
  for (const file of files) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if ('copyFrom' in file) copyFileSync(file.copyFrom, target);
    else writeFileSync(target, file.text, { mode: file.mode ?? 0o644 });
  }
  return files.map((f) => relative(process.cwd(), join(root, f.path)) || f.path);
}
