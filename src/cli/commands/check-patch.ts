/**
 * The suggested patch of `kanslist check --suggest`: printed last (so `git apply` and `patch`
 * skip the report above it), or saved with --write-patch. Kanslist never applies it.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MapPatch } from '../../preflight/index.ts';

export async function showPatch(patch: MapPatch, options: { print: boolean; file: string | undefined; drifted: number }): Promise<void> {
  for (const path of patch.unplaced) {
    console.error(
      `kanslist: warning: a strategy was suggested for ${path}, but its definition was not found in ${patch.file}; add it there by hand (see --json).`,
    );
  }
  if (patch.diff === '') {
    const why =
      options.drifted === 0
        ? 'no target drifted'
        : `none of the ${options.drifted} drifted target(s) has an id, name, data-*, aria-label, role name or label that matches it alone`;
    console.error(`kanslist: no patch to suggest: ${why}${options.file === undefined ? '' : `; ${options.file} was not written`}.`);
    return;
  }
  if (options.file !== undefined) {
    await writeFile(resolve(options.file), patch.diff, 'utf8');
    console.error(`kanslist: patch for ${patch.file} written to ${options.file}; review it, then apply it with: git apply ${options.file}`);
    return;
  }
  if (options.print) console.log(`\n${patch.diff}`);
}
