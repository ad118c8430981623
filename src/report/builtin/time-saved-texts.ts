/**
 * What the time-saved report's PDF and XLSX share: the summary facts, the methodology paragraphs and
 * the trend labels, so both formats say the same thing in the same words.
 */
import {
  costBenefit,
  type BotBaseline,
  type BucketSize,
  type CostBenefit,
  type ExceptionReason,
  type ReportContext,
  type TimeSaved,
} from '../toolkit.ts';
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
    ...moneyMethod(ctx, data, t),
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
    [
      t.annualHours,
      t.annualHoursValue({ hours: f.hours(data.annualHours.hours), source: annualHoursSource(data, t) }),
      data.annualHours.hours,
    ],
  ];
}

/** 'v. 13 2026' for a week, 'mars 2026' for a month: the trend's labels in the report language. */
export function bucketLabel(
  ctx: ReportContext,
  bucket: TimeSaved['trend'][number],
  kind: BucketSize,
  week: (p: { week: number; year: number }) => string,
): string {
  return kind === 'week'
    ? week({ week: bucket.number, year: bucket.year })
    : `${ctx.format.monthName(bucket.number, 'short')} ${bucket.year}`;
}

/** A top reason's example in the reader's language (the English original stays in the XLSX). */
export function sampleText(ctx: ReportContext, r: ExceptionReason): string {
  return readerReason(ctx, { errorCode: r.code, reason: r.sampleReason, reasonDetails: r.sampleDetails });
}

/** The money figures from reports.hourlyCost and reports.robotCosts; null when no hourly cost is set. */
export function moneyOf(ctx: ReportContext, data: TimeSaved): CostBenefit | null {
  return costBenefit(ctx.config.reports, {
    bots: data.bots.map((b) => ({ bot: b.bot, hoursFreed: b.figures.hoursFreed, exceptionHours: b.figures.exceptionHours })),
    periodDays: data.periodDays,
    country: data.annualHours.country,
  });
}

/** Amounts without decimals, in the currency's local form (sv `119 000 kr`, de `119.000 €`). */
export function moneyFormat(ctx: ReportContext, currency: string): (value: number) => string {
  const format = new Intl.NumberFormat(ctx.format.locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  });
  return (value) => (Number.isFinite(value) ? format.format(value) : '–');
}

/** Cost and benefit as (label, text, number): the PDF's section and rows of the XLSX report sheet. */
export function moneyFacts(ctx: ReportContext, money: CostBenefit, t: Texts): Array<[string, string, number | null]> {
  const cur = moneyFormat(ctx, money.currency);
  const hourly = ctx.config.reports.hourlyCost ?? 0;
  const payback: [string, string, number | null][] =
    money.setupCost === null || money.setupCost <= 0
      ? []
      : [
          [
            t.payback,
            money.paybackMonths === null
              ? t.paybackNever
              : t.paybackMonths({ months: ctx.format.number(money.paybackMonths, 1), setup: cur(money.setupCost) }),
            money.paybackMonths,
          ],
        ];
  return [
    [t.hourlyCost, cur(hourly), hourly],
    [t.moneyFreed, cur(money.moneyFreed), money.moneyFreed],
    [t.exceptionCost, cur(money.exceptionCost), money.exceptionCost],
    [t.robotCost, cur(money.robotCost.total), money.robotCost.total],
    [t.netBenefit, cur(money.netBenefit), money.netBenefit],
    ...payback,
  ];
}

function moneyMethod(ctx: ReportContext, data: TimeSaved, t: Texts): string[] {
  const money = moneyOf(ctx, data);
  return money === null ? [] : [t.method.money({ currency: money.currency }), t.moneyNote];
}
