/**
 * The time-saved report as an Excel workbook: the report facts, the per-bot summary with its total
 * row, the trend, the exception reasons, the method, and — last, streamed from the store page by
 * page — one row per item counted. Summing the items' "minutes freed" column gives the summary's
 * minutes freed.
 */
import {
  commonMessages,
  createXlsxWorkbook,
  reasonMessages,
  timeSavedItems,
  type ReportContext,
  type TimeFigures,
  type TimeSaved,
  type TimeSavedItemRow,
  type XlsxColumn,
} from '../toolkit.ts';
import { readerTitle } from './reason-text.ts';
import { timeSavedMessages } from './time-saved-messages.ts';
import { botName, bucketLabel, methodParagraphs, moneyFacts, moneyOf, sampleText, summaryFacts } from './time-saved-texts.ts';

interface SummaryRow {
  bot: string;
  title: string;
  done: number;
  handled: number;
  review: number;
  failed: number;
  exceptions: number;
  exceptionRate: number | null;
  manualMinutes: number | null;
  minutesFreed: number;
  hoursFreed: number;
  fte: number;
  exceptionMinutes: number;
  exceptionHours: number;
  runs: number;
  runHours: number;
}

function summaryRow(
  bot: string,
  title: string,
  figures: TimeFigures,
  manualMinutes: number | null,
  runs: number,
  runHours: number,
): SummaryRow {
  const { done, handled, review, failed, exceptions, exceptionRate, minutesFreed, hoursFreed, fte, exceptionMinutes, exceptionHours } =
    figures;
  return {
    bot,
    title,
    done,
    handled,
    review,
    failed,
    exceptions,
    exceptionRate,
    manualMinutes,
    minutesFreed,
    hoursFreed,
    fte,
    exceptionMinutes,
    exceptionHours,
    runs,
    runHours,
  };
}

type ItemSheetRow = Omit<TimeSavedItemRow, 'status'> & { status: string };

/** Rows per item sheet: under Excel's 1 048 576 with room to spare; more items continue on "Items 2". */
export const ITEMS_PER_SHEET = 1_000_000;

export async function writeTimeSavedXlsx(
  ctx: ReportContext,
  data: TimeSaved,
  path: string,
  itemsPerSheet = ITEMS_PER_SHEET,
): Promise<string> {
  const t = timeSavedMessages.for(ctx.language);
  const common = commonMessages.for(ctx.language);
  const f = ctx.format;
  const wb = await createXlsxWorkbook(path, {
    language: ctx.language,
    timeZone: ctx.config.timeZone,
    creator: ctx.config.organisation,
    title: `${t.title} ${data.period.label}`,
    created: ctx.now,
  });

  // 1. The report: period, zone, and the summary facts.
  const report = wb.sheet<{ field: string; value: string; number: number | null }>(t.sheetReport, [
    { key: 'field', header: t.field, type: 'text', width: 48 },
    { key: 'value', header: t.value, type: 'text', width: 60 },
    { key: 'number', header: t.number, type: 'decimal2', width: 14 },
  ]);
  report.add({
    field: t.period,
    value: `${data.period.label} (${common.period({ from: f.date(data.period.from), to: f.date(data.period.to - 1) })})`,
    number: null,
  });
  report.add({ field: t.timeZone, value: data.period.timeZone, number: null });
  if (data.bot !== undefined) report.add({ field: t.bot, value: data.bot, number: null });
  report.add({ field: t.generated, value: f.dateTime(ctx.now), number: null });
  for (const [field, value, number] of summaryFacts(ctx, data, t)) report.add({ field, value, number });
  const money = moneyOf(ctx, data);
  if (money !== null) for (const [field, value, number] of moneyFacts(ctx, money, t)) report.add({ field, value, number });
  if (data.missingBaselines.length > 0)
    report.add({ field: t.noBaseline, value: t.missingBaselines({ bots: data.missingBaselines.join(', ') }), number: null });

  // 2. Per bot, and the total row.
  const summary = wb.sheet<SummaryRow>(t.sheetSummary, [
    { key: 'bot', header: t.bot, type: 'text', width: 22 },
    { key: 'title', header: t.botTitle, type: 'text', width: 30 },
    { key: 'done', header: t.done, type: 'integer' },
    { key: 'handled', header: t.handled, type: 'integer' },
    { key: 'review', header: t.review, type: 'integer' },
    { key: 'failed', header: t.failed, type: 'integer' },
    { key: 'exceptions', header: t.exceptionsShort, type: 'integer' },
    { key: 'exceptionRate', header: t.exceptionRate, type: 'percent' },
    { key: 'manualMinutes', header: t.manualMinutes, type: 'minutes' },
    { key: 'minutesFreed', header: t.minutesFreed, type: 'minutes' },
    { key: 'hoursFreed', header: t.hoursFreedShort, type: 'hours' },
    { key: 'fte', header: t.fteShort, type: 'decimal2' },
    { key: 'exceptionMinutes', header: t.exceptionMinutes, type: 'minutes' },
    { key: 'exceptionHours', header: t.exceptionHoursShort, type: 'hours' },
    { key: 'runs', header: t.runs, type: 'integer' },
    { key: 'runHours', header: t.runHoursShort, type: 'hours' },
  ]);
  for (const b of data.bots) summary.add(summaryRow(b.bot, botName(b), b.figures, b.baseline?.manualMinutes ?? null, b.runs, b.runHours));
  summary.add(summaryRow(common.total, '', data.total, null, data.total.runs, data.total.runHours));

  // 3. Trend.
  const trend = wb.sheet<{ label: string; start: number; last: number; done: number; exceptions: number; hoursFreed: number }>(
    t.sheetTrend,
    [
      { key: 'label', header: t.period, type: 'text', width: 16 },
      { key: 'start', header: t.from, type: 'date' },
      { key: 'last', header: t.until, type: 'date' },
      { key: 'done', header: t.done, type: 'integer' },
      { key: 'exceptions', header: t.exceptionsShort, type: 'integer' },
      { key: 'hoursFreed', header: t.hoursFreedShort, type: 'hours' },
    ],
  );
  for (const p of data.trend) {
    trend.add({
      label: bucketLabel(ctx, p, data.bucket, common.week),
      start: p.start,
      last: p.end - 1,
      done: p.done,
      exceptions: p.exceptions,
      hoursFreed: p.hoursFreed,
    });
  }

  // 4. Exception reasons.
  const rt = reasonMessages.for(ctx.language);
  const reasons = wb.sheet<{ title: string; code: string; count: number; share: number; sample: string; technical: string | null }>(
    t.sheetReasons,
    [
      { key: 'title', header: rt.reasonHeader, type: 'text', width: 36 },
      { key: 'code', header: t.code, type: 'text', width: 28 },
      { key: 'count', header: t.count, type: 'integer' },
      { key: 'share', header: t.share, type: 'percent' },
      { key: 'sample', header: t.sampleReason, type: 'text', width: 60 },
      { key: 'technical', header: rt.technicalReason, type: 'text', width: 60 },
    ],
  );
  for (const r of data.topReasons) {
    reasons.add({
      title: readerTitle(ctx, r.code, r.sampleDetails),
      code: r.code ?? t.noCode,
      count: r.count,
      share: r.share,
      sample: sampleText(ctx, r),
      technical: r.sampleReason,
    });
  }

  // 5. Method.
  const method = wb.sheet<{ text: string }>(t.sheetMethod, [{ key: 'text', header: t.methodology, type: 'text', width: 120 }], {
    autoFilter: false,
  });
  for (const text of [...methodParagraphs(ctx, data, t), t.itemsNote]) method.add({ text });

  // 6. Every item counted, streamed; a sheet holds at most itemsPerSheet rows (Excel's limit is 1 048 576).
  const statusNames = {
    done: common.statuses.done,
    handled: common.statuses.handled,
    review: common.statuses.review,
    failed: common.statuses.failed,
  };
  const columns: XlsxColumn<ItemSheetRow>[] = [
    { key: 'key', header: t.key, type: 'text' },
    { key: 'bot', header: t.bot, type: 'text', width: 22 },
    { key: 'status', header: t.status, type: 'text', width: 22 },
    { key: 'finishedAt', header: t.finishedAt, type: 'datetime' },
    { key: 'manualMinutes', header: t.manualMinutes, type: 'minutes' },
    { key: 'minutesFreed', header: t.minutesFreed, type: 'minutes' },
    { key: 'exceptionMinutes', header: t.exceptionMinutes, type: 'minutes' },
    { key: 'errorCode', header: t.errorCode, type: 'text', width: 26 },
  ];
  const rows = timeSavedItems(ctx.store.reports, data)[Symbol.asyncIterator]();
  let next = await rows.next();
  for (let part = 1; part === 1 || !next.done; part++) {
    const sheet = wb.sheet<ItemSheetRow>(part === 1 ? t.sheetItems : `${t.sheetItems} ${part}`, columns);
    let written = 0;
    const chunk = async function* (): AsyncGenerator<ItemSheetRow> {
      while (!next.done && written < itemsPerSheet) {
        yield { ...next.value, status: statusNames[next.value.status] };
        written++;
        next = await rows.next();
      }
    };
    await sheet.addAll(chunk());
  }

  await wb.close();
  return path;
}
