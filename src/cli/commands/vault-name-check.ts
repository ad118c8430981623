/**
 * Whether a system map uses a vault name: `kanslist vault set casehub.pasword` stores the value as
 * asked, but warns that no map reads it and names the likely meant one, so a typo is seen at
 * once instead of as a missing password in the night's run.
 */
import { basename, extname } from 'node:path';
import { nearestKey } from '../../config/known-keys.ts';
import { listBotFiles } from '../../runner/load-bot.ts';

const FIELDS = ['username', 'password'];

/** The warning to print, or undefined when a map in `selectorsDir` uses the name. */
export function unusedNameWarning(name: string, selectorsDir: string): string | undefined {
  // A map's file is named after its system (loadSystemMap insists), so no map needs importing.
  const systems = listBotFiles(selectorsDir).map((file) =>
    basename(file, extname(file))
      .toLowerCase()
      .replace(/[^a-z0-9_-]/g, '_'),
  );
  if (systems.length === 0) return undefined;
  // <system>.<field>, then .2, .3 … for more accounts, and .pending while a rotation runs.
  const parsed = /^(.*?)((?:\.(?:[2-9]|[1-9]\d+))?(?:\.pending)?)$/.exec(name)!;
  const [stem, suffix] = [parsed[1]!, parsed[2]!];
  const known = systems.flatMap((system) => FIELDS.map((field) => `${system}.${field}`));
  if (known.includes(stem)) return undefined;
  const nearest = nearestKey(stem, known);
  return `no system map uses ${name}${nearest ? `; did you mean ${nearest}${suffix}?` : ` (the maps use ${known.join(', ')}; more accounts add .2, .3 …)`}`;
}
