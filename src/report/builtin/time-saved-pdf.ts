/**
 * The time-saved report as a PDF: summary, per bot, baselines, trend charts, top exception reasons
 * and the methodology.
 */
import { writeFile } from 'node:fs/promises';
import { commonMessages, createReportPdf, reasonMessages, type PdfReport, type ReportContext, type TimeSaved } from '../toolkit.ts';
import { readerTitle } from './reason-text.ts';
import { timeSavedMessages } from './time-saved-messages.ts';
import {
  botName,
  bucketLabel,
  methodParagraphs,
  moneyFacts,
  moneyFormat,
  moneyOf,
  sampleText,
  summaryFacts,
  type Texts,
} from './time-saved-texts.ts';

export async function writeTimeSavedPdf(ctx: ReportContext, data: TimeSaved, path: string): Promise<string> {
  const t = timeSavedMessages.for(ctx.language);
  const common = commonMessages.for(ctx.language);
  const f = ctx.format;
  const only = data.bot === undefined ? undefined : data.bots.find((b) => b.bot === data.bot);
  const pdf = await createReportPdf(ctx, {
    title: t.title,
    subtitle: t.subtitle({
      period: data.period.label,
      dates: common.period({ from: f.date(data.period.from), to: f.date(data.period.to - 1) }),
      bot: only === undefined ? data.bot : botName(only),
    }),
    subject: `${t.title} ${data.period.label}`,
    keywords: ['kanslist', 'time-saved', data.period.label],
  });

  pdf.heading(t.summary, 2);
  pdf.keyValues(summaryFacts(ctx, data, t).map(([label, text]) => [label, text]));
  if (data.missingBaselines.length > 0) pdf.paragraph(t.missingBaselines({ bots: data.missingBaselines.join(', ') }), { color: 'warning' });
  if (data.total.runs === 0 && data.total.done + data.total.exceptions === 0) pdf.paragraph(t.noRuns, { bold: true });

  moneySection(pdf, ctx, data, t, common.total);
  perBotSection(pdf, ctx, data, t, common.total);
  baselineSection(pdf, data, t, ctx);
  trendSection(pdf, ctx, data, t, common.week);
  reasonSection(pdf, ctx, data, t);

  pdf.heading(t.methodology, 2);
  for (const paragraph of methodParagraphs(ctx, data, t)) pdf.paragraph(paragraph);

  await writeFile(path, await pdf.save());
  return path;
}

function perBotSection(pdf: PdfReport, ctx: ReportContext, data: TimeSaved, t: Texts, totalLabel: string): void {
  const f = ctx.format;
  const rate = (r: number | null) => (r === null ? '–' : f.percent(r));
  pdf.heading(t.perBot, 2);
  const rows = data.bots.map((b) => [
    botName(b),
    f.integer(b.figures.done),
    b.baseline === null ? t.noBaseline : f.number(b.baseline.manualMinutes),
    f.number(b.figures.hoursFreed),
    f.number(b.figures.fte, 2),
    f.integer(b.figures.exceptions),
    rate(b.figures.exceptionRate),
    f.number(b.figures.exceptionHours),
    f.number(b.runHours),
  ]);
  const total = data.total;
  rows.push([
    totalLabel,
    f.integer(total.done),
    '',
    f.number(total.hoursFreed),
    f.number(total.fte, 2),
    f.integer(total.exceptions),
    rate(total.exceptionRate),
    f.number(total.exceptionHours),
    f.number(total.runHours),
  ]);
  const right = { align: 'right' as const };
  pdf.table(
    [
      { header: t.bot, width: 2.6 },
      { header: t.done, width: 1, ...right },
      { header: t.minutesPerItem, width: 1, ...right },
      { header: t.hoursFreedShort, width: 1.2, ...right },
      { header: t.fteShort, width: 0.9, ...right },
      { header: t.exceptionsShort, width: 1.2, ...right },
      { header: t.rateShort, width: 0.9, ...right },
      { header: t.exceptionHoursShort, width: 1.3, ...right },
      { header: t.runHoursShort, width: 1.1, ...right },
    ],
    rows,
    { zebra: true, fontSize: 8 },
  );
  // The narrow columns carry short headers: each one in words.
  pdf.paragraph(t.perBotLegend, { size: 7.5, color: 'muted' });
}

function baselineSection(pdf: PdfReport, data: TimeSaved, t: Texts, ctx: ReportContext): void {
  pdf.heading(t.baselines, 2);
  pdf.paragraph(t.baselinesIntro, { color: 'muted' });
  pdf.table(
    [
      { header: t.bot, width: 2.5 },
      { header: t.minutesPerItem, width: 1, align: 'right' },
      { header: t.howMeasured, width: 4.5 },
    ],
    data.bots.map((b) => [
      botName(b),
      b.baseline === null ? t.noBaseline : ctx.format.number(b.baseline.manualMinutes),
      b.baseline?.manualMinutesNote ?? '',
    ]),
    { fontSize: 8 },
  );
}

function trendSection(
  pdf: PdfReport,
  ctx: ReportContext,
  data: TimeSaved,
  t: Texts,
  week: (p: { week: number; year: number }) => string,
): void {
  const f = ctx.format;
  const labels = data.trend.map((p) => bucketLabel(ctx, p, data.bucket, week));
  // The charts and their table start a page: they read as one picture.
  pdf.pageBreak();
  pdf.heading(t.trend, 2);
  // An empty period says so in words: charts of zeros would read as "the robot stopped".
  if (data.total.runs === 0 && data.total.done + data.total.exceptions === 0) {
    pdf.paragraph(t.noRuns, { bold: true });
    return;
  }
  if (data.period.to > ctx.now) pdf.paragraph(t.trendUntil({ date: f.date(ctx.now) }), { color: 'muted' });
  pdf.barChart({
    title: t.trendHoursTitle,
    labels,
    series: [{ name: t.hoursFreed, values: data.trend.map((p) => p.hoursFreed) }],
    valueLabel: (v) => f.hours(v),
    emptyText: t.noItems,
  });
  pdf.lineChart({
    title: t.trendItemsTitle,
    labels,
    series: [
      { name: t.done, values: data.trend.map((p) => p.done) },
      { name: t.exceptionsShort, values: data.trend.map((p) => p.exceptions) },
    ],
    valueLabel: (v) => f.integer(v),
    integers: true,
    emptyText: t.noItems,
  });
  pdf.table(
    [
      { header: t.period, width: 2 },
      { header: t.from, width: 1.6 },
      { header: t.until, width: 1.6 },
      { header: t.done, width: 1, align: 'right' },
      { header: t.exceptionsShort, width: 1.2, align: 'right' },
      { header: t.hoursFreedShort, width: 1.3, align: 'right' },
    ],
    data.trend.map((p, i) => [
      labels[i] ?? p.label,
      f.date(p.start),
      f.date(p.end - 1),
      f.integer(p.done),
      f.integer(p.exceptions),
      f.number(p.hoursFreed),
    ]),
    { zebra: true, fontSize: 8 },
  );
}

function reasonSection(pdf: PdfReport, ctx: ReportContext, data: TimeSaved, t: Texts): void {
  const f = ctx.format;
  pdf.heading(t.reasons, 2);
  if (data.topReasons.length === 0) {
    pdf.paragraph(t.reasonsNone, { color: 'muted' });
    return;
  }
  pdf.table(
    [
      { header: reasonMessages.for(ctx.language).reasonHeader, width: 2.4 },
      { header: t.count, width: 0.9, align: 'right' },
      { header: t.share, width: 0.9, align: 'right' },
      { header: t.sampleReason, width: 4.2 },
    ],
    data.topReasons.map((r) => [readerTitle(ctx, r.code, r.sampleDetails), f.integer(r.count), f.percent(r.share), sampleText(ctx, r)]),
    { zebra: true, fontSize: 8 },
  );
}

/** Money next to the hours, when reports.hourlyCost is set; otherwise one line saying how to get it. */
function moneySection(pdf: PdfReport, ctx: ReportContext, data: TimeSaved, t: Texts, totalLabel: string): void {
  const money = moneyOf(ctx, data);
  if (money === null) {
    pdf.paragraph(t.moneyNone, { color: 'muted', size: 8 });
    return;
  }
  pdf.heading(t.moneyHeading, 2);
  pdf.keyValues(moneyFacts(ctx, money, t).map(([label, text]) => [label, text]));
  if (money.bots.length > 1) {
    const cur = moneyFormat(ctx, money.currency);
    const right = { align: 'right' as const };
    const rows = money.bots.map((b) => {
      const bot = data.bots.find((x) => x.bot === b.bot);
      return [bot ? botName(bot) : b.bot, ctx.format.number(b.hoursFreed), cur(b.hourlyCost), cur(b.moneyFreed)];
    });
    rows.push([totalLabel, ctx.format.number(data.total.hoursFreed), '', cur(money.moneyFreed)]);
    pdf.table(
      [
        { header: t.bot, width: 3 },
        { header: t.hoursFreedShort, width: 1.2, ...right },
        { header: t.hourlyCostShort, width: 1.2, ...right },
        { header: t.moneyFreedShort, width: 1.5, ...right },
      ],
      rows,
      { zebra: true, fontSize: 8 },
    );
  }
  pdf.paragraph(t.moneyNote, { color: 'muted', size: 8 });
}
