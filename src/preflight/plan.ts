/**
 * Which screens a preflight checks, in which phase, and how each is reached — decided from the
 * system map before any browser starts, so a misspelt --screens name is a usage error.
 */
import { ConfigError } from '../errors.ts';
import type { NavigationContext, ScreensDefinition, System } from '../ui/system.ts';

export interface PlannedScreen {
  screen: string;
  phase: 'before-login' | 'after-login';
  /** Undefined: checked as it shows (before login: the blank page; after login: as login leaves it). */
  reach: ((context: NavigationContext<ScreensDefinition>) => Promise<void>) | undefined;
  /** Set when the screen is not checked; every target of it is reported 'not-checked' with this. */
  notChecked: string | undefined;
  targets: string[];
}

/** The screens in the order the map declares them; `only` (screen names) narrows them. */
export function planScreens(system: System, only?: readonly string[]): PlannedScreen[] {
  const screens = Object.keys(system.screens);
  const unknown = (only ?? []).filter((name) => !screens.includes(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      'KANSLIST_PREFLIGHT_UNKNOWN_SCREEN',
      `The system map "${system.name}" has no screen ${unknown.map((name) => `"${name}"`).join(', ')}.`,
      {
        where: `selectors/${system.name}.ts`,
        remedy: `Name screens of the map: ${screens.join(', ')}.`,
      },
    );
  }
  const chosen = only && only.length > 0 ? screens.filter((screen) => only.includes(screen)) : screens;
  return chosen.map((screen) => planScreen(system, screen));
}

function planScreen(system: System, screen: string): PlannedScreen {
  const navigation = system.navigation?.[screen];
  const targets = [...system.targets.keys()].filter((path) => path.startsWith(`${screen}.`));
  const notChecked =
    navigation === undefined
      ? `selectors/${system.name}.ts declares no navigation for screen "${screen}"`
      : navigation.unreachable === undefined
        ? undefined
        : `screen not reachable without a side effect: ${navigation.unreachable}`;
  return { screen, phase: navigation?.phase ?? 'after-login', reach: navigation?.reach, notChecked, targets };
}
