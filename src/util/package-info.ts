/**
 * Kanslist's own package: where it is installed and what its manifest says. The same relative
 * path holds for the sources (src/util) and the build (dist/util).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The installed package's root folder (node_modules/kanslist, or this repository). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PackageManifest {
  name: string;
  version: string;
  kanslist?: {
    /** What the demo runs: the example bot shipped with the package (bots/, selectors/). */
    demo?: { bot?: string };
    /** The worked example's files (a system map, a bot, its letter, a schedule) that `kanslist init` copies. */
    example?: string[];
  };
}

let manifest: PackageManifest | undefined;

export function packageManifest(): PackageManifest {
  manifest ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageManifest;
  return manifest;
}
