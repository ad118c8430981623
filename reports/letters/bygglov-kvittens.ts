/**
 * The receipt letter ("kvittens") for a registered building-permit application: which facts go
 * into which field of reports/templates/bygglov-kvittens.pdf, and in which format.
 *
 * What is deliberately not in the letter: the applicant's personnummer. The letter goes to the
 * applicant by post and is kept as evidence; the case number identifies the case, the name and
 * address are what the letter needs to reach them.
 */
import { join } from 'node:path';
import { fillPdfForm, PdfFormError, listPdfFormFields } from 'kanslist/report';

export const BYGGLOV_KVITTENS_TEMPLATE = join(import.meta.dirname, '..', 'templates', 'bygglov-kvittens.pdf');

/** The template's fields; the template marks all of them required. */
export const BYGGLOV_KVITTENS_FIELDS = [
  'organisation',
  'date',
  'caseNumber',
  'applicantName',
  'applicantAddress',
  'propertyDesignation',
  'measure',
  'receivedDate',
  'applicationId',
] as const;
export type BygglovKvittensField = (typeof BYGGLOV_KVITTENS_FIELDS)[number];

/** What the letter says about one registered application. */
export interface BygglovKvittensFacts {
  /** The e-service's id of the application. */
  applicationId: string;
  /** When the application came in through the e-service. */
  submittedAt: Date;
  /** The case number the case system gave the application. */
  caseNumber: string;
  /** The applicant as the case system registered them (from the population register). */
  applicantName: string;
  /** "Street 1, 123 45 Town": each comma starts a new line of the address block. */
  applicantAddress: string;
  propertyDesignation: string;
  /** The measure as registered in the case system. */
  measure: string;
}

export interface LetterSettings {
  /** Printed in the letterhead: the configuration's `organisation`. */
  organisation: string;
  /** Dates are the calendar day in this zone: the configuration's `timeZone`. */
  timeZone: string;
}

/** The template's field values; dates in Swedish format (2026-11-22) in the configured time zone. */
export function bygglovKvittensValues(
  facts: BygglovKvittensFacts,
  settings: LetterSettings,
  now: Date,
): Record<BygglovKvittensField, string> {
  return {
    organisation: settings.organisation,
    date: swedishDate(now, settings.timeZone),
    caseNumber: facts.caseNumber,
    applicantName: facts.applicantName,
    applicantAddress: facts.applicantAddress
      .split(/\s*,\s*/)
      .filter(Boolean)
      .join('\n'),
    propertyDesignation: facts.propertyDesignation,
    measure: facts.measure,
    receivedDate: swedishDate(facts.submittedAt, settings.timeZone),
    applicationId: facts.applicationId,
  };
}

/** The flattened letter's bytes. */
export async function makeBygglovKvittens(facts: BygglovKvittensFacts, settings: LetterSettings, now = new Date()): Promise<Uint8Array> {
  return fillPdfForm(BYGGLOV_KVITTENS_TEMPLATE, bygglovKvittensValues(facts, settings, now), {
    flatten: true,
    boldFields: ['organisation', 'caseNumber'],
    metadata: {
      title: `Bekräftelse på mottagen ansökan om bygglov, ${facts.caseNumber}`,
      author: settings.organisation,
      subject: 'Bekräftelse på mottagen ansökan om bygglov',
      keywords: [facts.caseNumber, facts.applicationId],
      language: 'sv-SE',
      creationDate: now,
    },
  });
}

/** The letter's file name: from the application id, never from anything personal. */
export function bygglovKvittensFileName(applicationId: string): string {
  return `kvittens-${applicationId.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`;
}

/**
 * Checks that the template has every field this mapping fills, so that a wrong template stops the
 * run before anything is registered rather than after.
 */
export async function checkBygglovKvittensTemplate(template = BYGGLOV_KVITTENS_TEMPLATE): Promise<void> {
  const present = new Set((await listPdfFormFields(template)).map((f) => f.name));
  const missing = BYGGLOV_KVITTENS_FIELDS.filter((name) => !present.has(name));
  if (missing.length === 0) return;
  throw new PdfFormError('KANSLIST_PDF_FORM_FIELD_UNKNOWN', `The template has no field ${missing.map((n) => `"${n}"`).join(', ')}.`, {
    template,
    field: missing[0]!,
    remedy: 'Regenerate it with `npx tsx reports/templates/make-bygglov-kvittens.ts`, or add the fields in your PDF editor.',
  });
}

function swedishDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
