import { defineSchedule } from 'kanslist';

/**
 * Permit intake: register new building-permit applications in CaseHub three times each weekday.
 * Not on Swedish public holidays, nor on Midsummer Eve, Christmas Eve and New Year's Eve (work-free
 * by custom: `closeCustomaryDays`), only while CaseHub is up, never twice at once.
 */
export default defineSchedule({
  name: 'permit-intake',
  bot: 'bygglov-registrering',
  cron: '0 7,10,14 * * 1-5',
  timeZone: 'Europe/Stockholm',
  calendar: { country: 'SE', closeCustomaryDays: true },
  windows: { available: [{ days: 'mon-fri', from: '06:00', to: '22:00' }] },
  overlap: 'skip',
  catchUp: 'last',
  maxDurationMinutes: 60,
});
