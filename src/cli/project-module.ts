import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';
import { importUserModule } from '../util/user-module.ts';

/**
 * Imports a module from the project (fixtures, bots, system maps) by path relative to the root.
 * The framework never imports these statically: they belong to the organisation, not to src/.
 */
export async function importProjectModule<T>(root: string, relativePath: string, purpose: string): Promise<T> {
  const file = join(root, relativePath);
  if (!existsSync(file)) {
    throw new ConfigError('KANSLIST_PROJECT_FILE_MISSING', `${purpose} is not in this project.`, {
      where: file,
      remedy: 'Run the command from the project root (where kanslist.config.ts is).',
    });
  }
  return await importUserModule<T>(file);
}
