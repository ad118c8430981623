/**
 * Server-rendered pages with Eta (a kept template library): `<%= %>` escapes every value, so text
 * a robot scraped or a citizen typed is shown, never run. Templates live in the package's `views/`
 * folder, next to `src/` and `dist/` alike.
 */
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';

export const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));

export function createViews(): Eta {
  return new Eta({ views: VIEWS_DIR, autoEscape: true, cache: process.env.NODE_ENV !== 'development', autoTrim: [false, 'nl'] });
}
