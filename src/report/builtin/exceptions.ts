/**
 * The exceptions list for clerks: every item waiting in review (business exceptions, input rows
 * that failed validation, uncertain items the runner could not settle), longest waiting first,
 * with the reason and what to do in the clerk's language, a link to the item's page in the control
 * room (config dashboardUrl), and the robot's last screen as a picture. What IT operations need —
 * codes, the developer's text, evidence folders, the commands that close an item — is on a sheet
 * of its own.
 *
 * XLSX by default (a clerk filters and sorts it); PDF on request. `kanslist report exceptions`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  commonMessages,
  createReportPdf,
  createXlsxWorkbook,
  defineReport,
  exceptionItems,
  exceptionSummary,
  localizeSource,
  reasonMessages,
  reviewUrl,
  wallClock,
  type ExceptionRow,
  type ExceptionSummary,
  type PdfReport,
  type ReportContext,
  type ReportFile,
} from '../toolkit.ts';
import { exceptionsMessages } from './exceptions-messages.ts';
import { readerReason, readerTitle } from './reason-text.ts';

export interface ExceptionsParams {
  /** Only this bot's items; all bots when undefined. */
  bot?: string | undefined;
}

/** More rows than this make a PDF nobody reads; the XLSX has them all. */
export const PDF_ITEM_LIMIT = 2000;
const DAY_MS = 86_400_000;

export default defineReport<ExceptionsParams>({
  name: 'exceptions',
  formats: ['xlsx', 'pdf'],
  defaultFormats: ['xlsx'],
  async render(ctx, params) {
    const summary = await exceptionSummary(ctx.store, { bot: params.bot });
    const base = join(ctx.outDir, `exceptions-${isoDate(ctx.now, ctx.config.timeZone)}.${ctx.language}`);
    const files: ReportFile[] = [];
    if (ctx.formats.includes('xlsx')) files.push({ format: 'xlsx', path: await writeXlsx(ctx, params, summary, `${base}.xlsx`) });
    if (ctx.formats.includes('pdf')) files.push({ format: 'pdf', path: await writePdf(ctx, params, summary, `${base}.pdf`) });
    ctx.log.info(`exceptions list written (${summary.total} items)`, { files: files.map((f) => f.path) });
    return files;
  },
});

type Texts = ReturnType<typeof exceptionsMessages.for>;

/** The local date for the file name, always YYYY-MM-DD so the files sort by date. */
function isoDate(epochMs: number, timeZone: string): string {
  const w = wallClock(epochMs, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

function reasonText(ctx: ReportContext, item: ExceptionRow): string {
  return readerReason(ctx, { ...item, status: 'review' });
}

/** The item's page in the control room when a dashboard is configured, else where it came from. */
function whereText(ctx: ReportContext, item: ExceptionRow): string {
  if (ctx.config.dashboardUrl) return reviewUrl(ctx.config.dashboardUrl, item.itemId);
  return localizeSource(item.source, ctx.language) ?? '';
}

async function writePdf(ctx: ReportContext, params: ExceptionsParams, summary: ExceptionSummary, path: string): Promise<string> {
  const t = exceptionsMessages.for(ctx.language);
  const f = ctx.format;
  const pdf = await createReportPdf(ctx, {
    title: t.title,
    subtitle: t.subtitle({ date: f.date(ctx.now), bot: params.bot }),
    keywords: ['kanslist', 'exceptions', ...(params.bot ? [params.bot] : [])],
  });
  pdf.paragraph(t.intro);
  pdf.keyValues([
    [t.waiting, f.integer(summary.total)],
    [t.oldest, summary.oldest === null ? '–' : f.dateTime(summary.oldest)],
  ]);
  if (summary.total === 0) {
    pdf.paragraph(t.none, { bold: true });
    await writeFile(path, await pdf.save());
    return path;
  }
  pdf.heading(t.byBot, 2);
  pdf.table(
    [
      { header: t.bot, width: 4 },
      { header: t.count, width: 1, align: 'right' },
    ],
    summary.byBot.map((b) => [b.bot, f.integer(b.count)]),
  );
  pdf.heading(t.byCode, 2);
  pdf.table(
    [
      { header: t.reason, width: 4 },
      { header: t.count, width: 1, align: 'right' },
    ],
    summary.byCode.map((c) => [readerTitle(ctx, c.code || null, c.sampleDetails), f.integer(c.count)]),
  );
  pdf.heading(t.howTo, 2);
  pdf.paragraph(`${ctx.config.dashboardUrl ? t.howToDashboard : t.howToNoDashboard}\n${t.howToEvidence}`, { size: 9 });

  // 1. The list: what, why and what to do, since when, and where to act on it.
  const rows: string[][] = [];
  const shots: Array<{ key: string; reason: string; path: string }> = [];
  for await (const item of exceptionItems(ctx.store, { bot: params.bot, varDir: ctx.config.paths.var })) {
    if (rows.length === PDF_ITEM_LIMIT) break;
    const reason = reasonText(ctx, item);
    rows.push([params.bot ? item.key : `${item.key}\n${item.bot}`, reason, f.dateTime(item.since), whereText(ctx, item)]);
    if (item.screenshot !== null) shots.push({ key: item.key, reason, path: item.screenshot });
  }
  pdf.pageBreak();
  pdf.heading(t.sheetExceptions);
  if (summary.total > rows.length)
    pdf.paragraph(t.capped({ shown: f.integer(rows.length), total: f.integer(summary.total) }), { color: 'warning' });
  pdf.table(
    [
      { header: params.bot ? t.key : `${t.key} / ${t.bot}`, width: 1.7 },
      { header: t.reason, width: 4 },
      { header: t.since, width: 1.2 },
      { header: ctx.config.dashboardUrl ? t.controlRoom : t.source, width: 2.6 },
    ],
    rows,
    { zebra: true, fontSize: 7.5 },
  );

  // 2. The robot's last screen per item (masked when it was taken), as pictures.
  await screenshotSection(pdf, ctx, t, shots);
  await writeFile(path, await pdf.save());
  return path;
}

/** More pictures than this make a PDF too heavy to mail; the files stay in the evidence folders. */
export const PDF_SCREENSHOT_LIMIT = 30;

async function screenshotSection(
  pdf: PdfReport,
  ctx: ReportContext,
  t: Texts,
  shots: Array<{ key: string; reason: string; path: string }>,
): Promise<void> {
  if (shots.length === 0) return;
  pdf.pageBreak();
  pdf.heading(t.screenshots);
  if (shots.length > PDF_SCREENSHOT_LIMIT) {
    pdf.paragraph(t.screenshotsCapped({ shown: ctx.format.integer(PDF_SCREENSHOT_LIMIT), total: ctx.format.integer(shots.length) }), {
      color: 'muted',
    });
  }
  for (const shot of shots.slice(0, PDF_SCREENSHOT_LIMIT)) {
    const bytes = await readFile(shot.path).catch(() => undefined);
    if (bytes !== undefined)
      await pdf.image(bytes, { caption: t.screenshotCaption({ key: shot.key, reason: shot.reason }), maxHeight: 300 });
  }
}

interface XlsxExceptionRow {
  bot: string;
  key: string;
  reason: string;
  since: number;
  days: number;
  attempts: number;
  source: string | null;
  link: string | null;
  screenshot: string | null;
}

interface XlsxOperatorRow {
  itemId: string;
  bot: string;
  key: string;
  code: string | null;
  technical: string | null;
  evidence: string | null;
  run: string | null;
  handled: string;
  requeue: string;
}

async function writeXlsx(ctx: ReportContext, params: ExceptionsParams, summary: ExceptionSummary, path: string): Promise<string> {
  const t = exceptionsMessages.for(ctx.language);
  const common = commonMessages.for(ctx.language);
  const wb = await createXlsxWorkbook(path, {
    language: ctx.language,
    timeZone: ctx.config.timeZone,
    creator: ctx.config.organisation,
    title: t.title,
    created: ctx.now,
  });

  // 1. The list for clerks, first, so it is what opens: why, what to do, where.
  const list = wb.sheet<XlsxExceptionRow>(t.sheetExceptions, [
    { key: 'bot', header: t.bot, type: 'text', width: 22 },
    { key: 'key', header: t.key, type: 'text', width: 22 },
    { key: 'reason', header: t.reason, type: 'text', width: 70 },
    { key: 'since', header: t.since, type: 'datetime' },
    { key: 'days', header: t.days, type: 'number' },
    { key: 'attempts', header: t.attempts, type: 'integer' },
    { key: 'source', header: t.source, type: 'text', width: 28 },
    ...(ctx.config.dashboardUrl ? [{ key: 'link' as const, header: t.controlRoom, type: 'text' as const, width: 50 }] : []),
    { key: 'screenshot', header: t.screenshot, type: 'text', width: 60 },
  ]);
  await list.addAll(xlsxRows(ctx, params));

  // 2. Counts by bot and by reason.
  const counts = wb.sheet<{ group: string; name: string; count: number }>(t.sheetSummary, [
    { key: 'group', header: t.group, type: 'text', width: 20 },
    { key: 'name', header: t.name, type: 'text', width: 40 },
    { key: 'count', header: t.count, type: 'integer' },
  ]);
  counts.add({ group: common.total, name: t.waiting, count: summary.total });
  for (const b of summary.byBot) counts.add({ group: t.byBot, name: b.bot, count: b.count });
  for (const c of summary.byCode)
    counts.add({ group: t.byCode, name: c.code ? `${readerTitle(ctx, c.code, c.sampleDetails)} (${c.code})` : t.noCode, count: c.count });

  // 3. For IT operations: codes, the developer's text, evidence folders and the commands that close an item.
  const operators = wb.sheet<XlsxOperatorRow>(t.sheetOperators, [
    { key: 'itemId', header: t.itemId, type: 'text', width: 38 },
    { key: 'bot', header: t.bot, type: 'text', width: 22 },
    { key: 'key', header: t.key, type: 'text', width: 22 },
    { key: 'code', header: t.code, type: 'text', width: 28 },
    { key: 'technical', header: reasonMessages.for(ctx.language).technicalReason, type: 'text', width: 60 },
    { key: 'evidence', header: t.evidence, type: 'text', width: 60 },
    { key: 'run', header: t.run, type: 'text', width: 38 },
    { key: 'handled', header: t.handled, type: 'text', width: 60 },
    { key: 'requeue', header: t.requeue, type: 'text', width: 50 },
  ]);
  await operators.addAll(operatorRows(ctx, params));

  await wb.close();
  return path;
}

async function* xlsxRows(ctx: ReportContext, params: ExceptionsParams): AsyncGenerator<XlsxExceptionRow> {
  for await (const item of exceptionItems(ctx.store, { bot: params.bot, varDir: ctx.config.paths.var })) {
    yield {
      bot: item.bot,
      key: item.key,
      reason: reasonText(ctx, item),
      since: item.since,
      days: Math.max(0, (ctx.now - item.since) / DAY_MS),
      attempts: item.attempts,
      source: localizeSource(item.source, ctx.language),
      link: ctx.config.dashboardUrl ? reviewUrl(ctx.config.dashboardUrl, item.itemId) : null,
      screenshot: item.screenshot,
    };
  }
}

async function* operatorRows(ctx: ReportContext, params: ExceptionsParams): AsyncGenerator<XlsxOperatorRow> {
  for await (const item of exceptionItems(ctx.store, { bot: params.bot, varDir: ctx.config.paths.var })) {
    yield {
      itemId: item.itemId,
      bot: item.bot,
      key: item.key,
      code: item.errorCode,
      technical: item.reason,
      evidence: item.evidence,
      run: item.runId,
      handled: item.handledCommand,
      requeue: item.requeueCommand,
    };
  }
}
