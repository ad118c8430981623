/**
 * The screens a bot uses, read from its source: every string literal 'screen.target' that names a
 * target of its system map (`ui.click('menu.newCase')`). A static read, so a check never runs bot
 * code; a target path built at run time from pieces is not seen — name the screens with --screens.
 */
import { readFileSync } from 'node:fs';
import type { System } from '../ui/system.ts';
import type { ScreenNavigation, ScreensDefinition } from '../ui/system.ts';

const PATH_LITERAL = /(['"`])([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\1/g;

export function screensUsedInSource(source: string, system: System): string[] {
  const used = new Set<string>();
  for (const match of source.matchAll(PATH_LITERAL)) {
    if (system.targets.has(`${match[2]}.${match[3]}`)) used.add(match[2]!);
  }
  // The login screen is used by every session the bot opens, though the bot never names it.
  const navigation = (system.navigation ?? {}) as Readonly<Record<string, ScreenNavigation<ScreensDefinition> | undefined>>;
  for (const screen of Object.keys(system.screens)) if (navigation[screen]?.phase === 'before-login') used.add(screen);
  return Object.keys(system.screens).filter((screen) => used.has(screen));
}

export function screensUsedByBotFile(file: string, system: System): string[] {
  return screensUsedInSource(readFileSync(file, 'utf8'), system);
}
