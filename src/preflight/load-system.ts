/**
 * Finds and loads `selectors/<system>.ts` for a check. Like a bot (src/runner/load-bot.ts), every
 * way this can go wrong is a ConfigError naming the system and file, so `kanslist check` exits 2.
 */
import { basename, extname } from 'node:path';
import { ConfigError } from '../errors.ts';
import { contentHash, listBotFiles } from '../runner/load-bot.ts';
import type { System } from '../ui/system.ts';
import { importDefaultExport } from '../config/import-default.ts';

export interface LoadedSystemMap {
  system: System;
  file: string;
  /** Content hash of the map file: which version of the map was checked, for the audit trail. */
  version: string;
}

export async function loadSystemMap(name: string, selectorsDir: string): Promise<LoadedSystemMap> {
  const files = listBotFiles(selectorsDir);
  const file = files.find((f) => basename(f, extname(f)) === name);
  if (!file) {
    const known = files.map((f) => basename(f, extname(f)));
    throw new ConfigError('KANSLIST_SYSTEM_UNKNOWN', `There is no system map named "${name}".`, {
      where: selectorsDir,
      remedy: known.length ? `Known systems: ${known.join(', ')}.` : `Add selectors/${name}.ts that exports default defineSystem({...}).`,
    });
  }
  const system = await importSystemMap(file);
  if (system.name !== name) {
    throw new ConfigError('KANSLIST_SYSTEM_NAME_MISMATCH', `The system map in this file is named "${system.name}", not "${name}".`, {
      where: file,
      remedy: 'Name the file after the system: selectors/<name>.ts.',
    });
  }
  return { system, file, version: contentHash([file]) };
}

function importSystemMap(file: string): Promise<System> {
  return importDefaultExport(file, {
    what: 'system map',
    brokenCode: 'KANSLIST_SYSTEM_MAP_BROKEN',
    wrongCode: 'KANSLIST_SYSTEM_MAP_BROKEN',
    wrongMessage: 'The file does not export a system map as its default export.',
    expected: 'export default defineSystem({ ... })',
    accepts: isSystem,
    passConfigErrors: true,
  });
}

function isSystem(value: unknown): value is System {
  const candidate = value as Partial<System> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.name === 'string' &&
    candidate.targets instanceof Map &&
    typeof candidate.target === 'function'
  );
}
