/**
 * The reason of an item as the report's reader reads it: in their language, with row, column and
 * field filled in (see localizeReason in kanslist). The code and the developer's English stay in
 * the XLSX files' own columns for operators.
 */
import { isLanguage, localizeReason, reasonTitle, type Language, type ReportContext } from '../toolkit.ts';

export interface ReasonOf {
  errorCode: string | null;
  reason: string | null;
  reasonDetails: string | null;
  /** Failed items are system exceptions; everything else is treated as a business exception. */
  status?: string;
}

export function readerReason(ctx: ReportContext, item: ReasonOf): string {
  if (item.errorCode === null && item.reason === null) return '';
  return localizeReason(
    { code: item.errorCode, reason: item.reason, details: item.reasonDetails, business: item.status !== 'failed' },
    ctx.language,
    { organisationLanguage: organisationLanguage(ctx) },
  );
}

/** A short name for a reason code in the reader's language; a bot's own code by its author's message in `sampleDetails`. */
export function readerTitle(ctx: ReportContext, code: string | null, sampleDetails: string | null): string {
  return reasonTitle(code, ctx.language, { details: sampleDetails, organisationLanguage: organisationLanguage(ctx) });
}

function organisationLanguage(ctx: ReportContext): Language | undefined {
  return isLanguage(ctx.config.language) ? ctx.config.language : undefined;
}
