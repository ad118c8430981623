import { defineConfig } from 'kanslist';

// The project's configuration. Every key can be overridden by an environment variable
// (KANSLIST_STORE, KANSLIST_BROWSER, KANSLIST_TIME_ZONE, KANSLIST_LANGUAGE, KANSLIST_ORGANISATION,
// KANSLIST_HEADLESS, KANSLIST_VAR_DIR, KANSLIST_<SYSTEM>_URL) — see docs/operators.md.
export default defineConfig({
  organisation: 'Exempel kommun',
  store: 'sqlite:var/kanslist.db',
  timeZone: 'Europe/Stockholm',
  language: 'sv',
  browser: { headless: true },
});
