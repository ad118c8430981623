/**
 * What the time-saved report's PDF and XLSX share: the summary facts, the methodology paragraphs and
 * the trend labels, so both formats say the same thing in the same words.
 */
import type { BotBaseline, BucketSize, ExceptionReason, ReportContext, TimeSaved } from 'kanslist';
import { readerReason } from './reason-text.ts';
import { timeSavedMessages } from './time-saved-messages.ts';

export type Texts = ReturnType<typeof timeSavedMessages.for>;

/** The bot's title when its definition loaded, else its name. */
export function botName(bot: { bot: string; baseline: BotBaseline | null }): string {
  return bot.baseline?.title ?? bot.bot;
}

/** The methodology, one paragraph per number: the same text in the PDF and the XLSX. */
export function methodParagraphs(ctx: ReportContext, data: TimeSaved, t: Texts): string[] {
  const f = ctx.format;
  const m = t.method;
  const hours = f.integer(data.annualHours.hours);
  return [
    m.period({ first: f.date(data.period.from), last: f.date(data.period.to - 1), zone: data.period.timeZone }),
    m.done,
    m.exceptions,
    m.rate,
    m.baseline,
    m.freed,
    m.exceptionCost,
    m.fte({ hours, source: annualHoursSource(data, t) }),
    m.annualHours({ basis: t.countryBasis[data.annualHours.country] }),
    m.country({ country: t.countries[data.annualHours.country], how: data.annualHours.countrySource, zone: ctx.config.timeZone }),
    m.runHours,
    m.trend({ bucket: data.bucket === 'week' ? m.bucketWeek : m.bucketMonth }),
    m.reasons,
    m.spreadsheet,
  ];
}

export function annualHoursSource(data: TimeSaved, t: Texts): string {
  return data.annualHours.source === 'config' ? t.sourceConfig : t.sourceCountry({ country: t.countries[data.annualHours.country] });
}

/** The summary facts, as (label, text, number) — the PDF shows the text, the XLSX the number. */
export function summaryFacts(ctx: ReportContext, data: TimeSaved, t: Texts): Array<[string, string, number | null]> {
  const f = ctx.format;
  const total = data.total;
  return [
    [t.itemsDone, f.integer(total.done), total.done],
    [t.hoursFreed, f.hours(total.hoursFreed), total.hoursFreed],
    [t.fte, f.number(total.fte, 2), total.fte],
    [t.averageFte, f.number(total.averageFte, 2), total.averageFte],
    [t.exceptions, f.integer(total.exceptions), total.exceptions],
    [t.exceptionRate, total.exceptionRate === null ? '–' : f.percent(total.exceptionRate), total.exceptionRate],
    [t.exceptionHours, f.hours(total.exceptionHours), total.exceptionHours],
    [t.runHours, f.hours(total.runHours), total.runHours],
    [t.runs, f.integer(total.runs), total.runs],
    [t.annualHours, t.annualHoursValue({ hours: f.hours(data.annualHours.hours), source: annualHoursSource(data, t) }), data.annualHours.hours],
  ];
}

/** 'v. 13 2026' for a week, 'mars 2026' for a month: the trend's labels in the report language. */
export function bucketLabel(ctx: ReportContext, bucket: TimeSaved['trend'][number], kind: BucketSize, week: (p: { week: number; year: number }) => string): string {
  return kind === 'week' ? week({ week: bucket.number, year: bucket.year }) : `${ctx.format.monthName(bucket.number, 'short')} ${bucket.year}`;
}

/** A top reason's example in the reader's language (the English original stays in the XLSX). */
export function sampleText(ctx: ReportContext, r: ExceptionReason): string {
  return readerReason(ctx, { errorCode: r.code, reason: r.sampleReason, reasonDetails: r.sampleDetails });
}
