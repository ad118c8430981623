/**
 * Texts every report shares: page labels, yes/no, totals and the names of item and run statuses.
 * Month and weekday names are not here: they come from Intl through LocaleFormat.
 */
import type { ItemStatus, RunStatus } from '../../store/types.ts';
import { defineMessages } from './messages.ts';

export interface CommonMessages {
  /** `Sida 1 av 3` */
  pageOf: (p: { page: number; pages: number }) => string;
  /** `Skapad 2026-11-22 14:05`; `at` is already formatted (LocaleFormat.dateTime). */
  generatedAt: (p: { at: string }) => string;
  /** `2026-11-01 – 2026-11-30`; both dates already formatted. */
  period: (p: { from: string; to: string }) => string;
  /** ISO week label for trends: `v. 47 2026`. */
  week: (p: { week: number; year: number }) => string;
  yes: string;
  no: string;
  total: string;
  noData: string;
  statuses: Record<ItemStatus, string>;
  runStatuses: Record<RunStatus, string>;
}

export const commonMessages = defineMessages<CommonMessages>({
  en: {
    pageOf: ({ page, pages }) => `Page ${page} of ${pages}`,
    generatedAt: ({ at }) => `Generated ${at}`,
    period: ({ from, to }) => `${from} – ${to}`,
    week: ({ week, year }) => `Week ${week} ${year}`,
    yes: 'Yes',
    no: 'No',
    total: 'Total',
    noData: 'No data',
    statuses: {
      pending: 'Waiting',
      running: 'In progress',
      done: 'Done',
      review: 'For a clerk',
      failed: 'Failed',
      uncertain: 'Uncertain',
      handled: 'Handled manually',
    },
    runStatuses: {
      running: 'Running',
      finished: 'Finished',
      interrupted: 'Interrupted',
      crashed: 'Crashed',
      'timed-out': 'Timed out',
      'system-unavailable': 'System unavailable',
      failed: 'Failed',
    },
  },
  sv: {
    pageOf: ({ page, pages }) => `Sida ${page} av ${pages}`,
    generatedAt: ({ at }) => `Skapad ${at}`,
    period: ({ from, to }) => `${from} – ${to}`,
    week: ({ week, year }) => `v. ${week} ${year}`,
    yes: 'Ja',
    no: 'Nej',
    total: 'Totalt',
    noData: 'Inga uppgifter',
    statuses: {
      pending: 'Väntar',
      running: 'Pågår',
      done: 'Klar',
      review: 'Till handläggare',
      failed: 'Misslyckad',
      uncertain: 'Osäker',
      handled: 'Hanterad manuellt',
    },
    runStatuses: {
      running: 'Pågår',
      finished: 'Avslutad',
      interrupted: 'Avbruten',
      crashed: 'Kraschade',
      'timed-out': 'Tidsgräns nådd',
      'system-unavailable': 'Systemet otillgängligt',
      failed: 'Misslyckades',
    },
  },
  da: {
    pageOf: ({ page, pages }) => `Side ${page} af ${pages}`,
    generatedAt: ({ at }) => `Dannet ${at}`,
    period: ({ from, to }) => `${from} – ${to}`,
    week: ({ week, year }) => `uge ${week} ${year}`,
    yes: 'Ja',
    no: 'Nej',
    total: 'I alt',
    noData: 'Ingen data',
    statuses: {
      pending: 'Afventer',
      running: 'I gang',
      done: 'Færdig',
      review: 'Til sagsbehandler',
      failed: 'Fejlet',
      uncertain: 'Usikker',
      handled: 'Håndteret manuelt',
    },
    runStatuses: {
      running: 'I gang',
      finished: 'Afsluttet',
      interrupted: 'Afbrudt',
      crashed: 'Gået ned',
      'timed-out': 'Tidsgrænse overskredet',
      'system-unavailable': 'Systemet utilgængeligt',
      failed: 'Mislykkedes',
    },
  },
  de: {
    pageOf: ({ page, pages }) => `Seite ${page} von ${pages}`,
    generatedAt: ({ at }) => `Erstellt am ${at}`,
    period: ({ from, to }) => `${from} – ${to}`,
    week: ({ week, year }) => `KW ${week}/${year}`,
    yes: 'Ja',
    no: 'Nein',
    total: 'Gesamt',
    noData: 'Keine Daten',
    statuses: {
      pending: 'Wartend',
      running: 'In Bearbeitung',
      done: 'Erledigt',
      review: 'Zur Sachbearbeitung',
      failed: 'Fehlgeschlagen',
      uncertain: 'Unklar',
      handled: 'Manuell erledigt',
    },
    runStatuses: {
      running: 'Läuft',
      finished: 'Beendet',
      interrupted: 'Unterbrochen',
      crashed: 'Abgestürzt',
      'timed-out': 'Zeitlimit überschritten',
      'system-unavailable': 'System nicht erreichbar',
      failed: 'Fehlgeschlagen',
    },
  },
});
