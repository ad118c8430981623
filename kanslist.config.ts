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
  reports: {
    // The organisation's country: its default working year (hours per full-time equivalent) in the
    // time-saved report, in every language the report is read in. SE, DK, DE or NO; without it, the
    // country of timeZone. annualHoursPerFte: 1650 would set your own agreement's figure instead.
    country: 'SE',
    // Money next to the hours: a clerk's full cost per hour, and what running the robots costs.
    // hourlyCost: 450,
    // robotCosts: { machinePerMonth: 1500, maintenanceHoursPerMonth: 8, setupCost: 120000 },
  },
});
