/**
 * Reasons in the reader's language. An item that failed keeps its code, the developer's English
 * reason and — since migration 005 — its reason details (the facts of the reason, the bot author's
 * own translations). Reports show what this module makes of them; the XLSX files keep the code and
 * the English text beside it for operators.
 *
 * Order: the author's message in the reader's language, else in the organisation's language; else
 * Kanslist's text for the code with the facts filled in; else a plain sentence that never shows a
 * Kanslist code or the developer's English (in English reports a bot's own reason is shown as written).
 */
import type { ReasonDetails } from '../../../errors.ts';
import type { Language } from '../language.ts';
import { defineMessages } from '../messages.ts';
import { da } from './da.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import type { Facts } from './facts.ts';
import { sv } from './sv.ts';

export const reasonMessages = defineMessages({ en, sv, da, de });

type CodeKey = keyof typeof en.codes;

/** A failure as a report reads it from the store. */
export interface StoredReason {
  code: string | null;
  /** The developer's English reason (already redacted). */
  reason: string | null;
  /** The `reason_details` column: JSON text, or already parsed. */
  details: string | ReasonDetails | null | undefined;
  /** A business exception (review) or a system one; chooses the plain sentence for an unknown code. @default true */
  business?: boolean;
}

export interface LocalizeOptions {
  /** The organisation's language (config `language`): an author's message in it is used when none is in the reader's. */
  organisationLanguage?: Language | undefined;
}

/** The Kanslist codes that have a text of their own (the rest fall back to a plain sentence). */
export const TRANSLATED_CODES: readonly string[] = Object.keys(en.codes);

/** True when `code` has its own text (KANSLIST_PAGE_ERROR_* counts: one text for all error pages). */
export function hasReasonText(code: string): boolean {
  return code in en.codes || code.startsWith('KANSLIST_PAGE_ERROR_');
}

export function parseReasonDetails(details: StoredReason['details']): ReasonDetails | null {
  if (details === null || details === undefined) return null;
  if (typeof details !== 'string') return details;
  try {
    const parsed = JSON.parse(details) as unknown;
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/** The reason in `language`, with row, column and field filled in. */
export function localizeReason(stored: StoredReason, language: Language, options: LocalizeOptions = {}): string {
  const t = reasonMessages.for(language);
  const details = parseReasonDetails(stored.details);
  const params: Facts = details?.params ?? {};
  const authored = authorMessage(details, language, options.organisationLanguage);
  if (authored !== undefined) return `${t.rowAt(params)}${authored}`;
  if (details?.parts && details.parts.length > 0)
    return details.parts.map((part) => codeText(part.code, part.params, stored, language)).join(' ');
  if (stored.code === null || stored.code === '') return stored.reason && language === 'en' ? stored.reason : t.noReason;
  return codeText(stored.code, params, stored, language);
}

/**
 * A short name for the code, for tables that group by reason. A bot's own code is named by the
 * first sentence of its author's message in `sample` (one stored reason of that code), when there is one.
 */
export function reasonTitle(
  code: string | null,
  language: Language,
  sample?: { details: StoredReason['details']; organisationLanguage?: Language | undefined },
): string {
  const t = reasonMessages.for(language);
  if (code === null || code === '') return t.noReason;
  if (code in t.titles) return t.titles[code as CodeKey];
  if (code.startsWith('KANSLIST_PAGE_ERROR_')) return t.titles.KANSLIST_PAGE_ERROR;
  if (code.startsWith('KANSLIST_') || code.startsWith('INPUT_')) return t.unknownKanslistTitle;
  const authored =
    sample === undefined ? undefined : authorMessage(parseReasonDetails(sample.details), language, sample.organisationLanguage);
  return authored === undefined ? t.unknownTitle({ code }) : firstSentence(authored);
}

/** "Sökanden finns inte i folkbokföringen. Kontrollera …" → "Sökanden finns inte i folkbokföringen". */
function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end > 0 ? text.slice(0, end) : text;
}

function authorMessage(details: ReasonDetails | null, language: Language, organisation: Language | undefined): string | undefined {
  const messages = details?.messages;
  if (!messages) return undefined;
  const text = messages[language] ?? (organisation === undefined ? undefined : messages[organisation]);
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

function codeText(code: string, params: Facts, stored: StoredReason, language: Language): string {
  const t = reasonMessages.for(language);
  if (code in t.codes) {
    const text = t.codes[code as CodeKey];
    return typeof text === 'function' ? text(params) : text;
  }
  if (code.startsWith('KANSLIST_PAGE_ERROR_')) return t.pageError;
  if (code.startsWith('KANSLIST_') || code.startsWith('INPUT_')) return stored.business === false ? t.unknownSystem : t.unknownBusiness;
  // A bot's own code without a translation: its English text is what an English reader gets.
  if (language === 'en' && stored.reason) return stored.reason;
  return t.unknownCode({ code });
}

/**
 * Where an item came from in the reader's words: 'e-tjanst.xlsx, rad 4' from a stored source
 * 'e-tjanst.xlsx row 4'; any other source (a function's own text) is shown as stored.
 */
export function localizeSource(source: string | null, language: Language): string | null {
  if (source === null) return null;
  const match = /^(.*) row (\d+)$/.exec(source);
  return match ? reasonMessages.for(language).sourceOf({ file: match[1], row: Number(match[2]) }) : source;
}
