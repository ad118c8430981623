/**
 * The run report: what one run did — when, by which bot version, counts, each item with its
 * outcome, drift warnings, evidence folders, and whether the audit trail verifies.
 *
 * PDF for reading (the item table stops at PDF_ITEM_LIMIT rows), XLSX with every item (streamed
 * from the store, so 10 000 items never sit in memory at once). Item payloads are never shown:
 * they hold identity numbers. `kanslist report run <run>` writes it.
 */
import { writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import {
  commonMessages,
  createReportPdf,
  createXlsxWorkbook,
  defineReport,
  loadRunReportData,
  localizeSource,
  reasonMessages,
  runItems,
  type AttemptOutcome,
  type PdfReport,
  type ReportContext,
  type ReportFile,
  type RunItemRow,
  type RunReportData,
} from '../toolkit.ts';
import type { ItemStatus } from '../../store/types.ts';
import { readerReason } from './reason-text.ts';
import { runReportMessages } from './run-report-messages.ts';

export interface RunReportParams {
  /** A run id or a unique prefix of it (6+ characters). */
  runId: string;
  /** At most this many items in the PDF's item table. @default PDF_ITEM_LIMIT */
  pdfItemLimit?: number | undefined;
}

/** More rows than this make a PDF nobody reads; the XLSX has them all. */
export const PDF_ITEM_LIMIT = 2000;

export default defineReport<RunReportParams>({
  name: 'run',
  formats: ['pdf', 'xlsx'],
  defaultFormats: ['pdf', 'xlsx'],
  async render(ctx, params) {
    const data = await loadRunReportData(ctx.store, params.runId, { varDir: ctx.config.paths.var });
    const base = join(ctx.outDir, `run-${data.run.id.slice(0, 8)}.${ctx.language}`);
    const files: ReportFile[] = [];
    if (ctx.formats.includes('pdf'))
      files.push({ format: 'pdf', path: await writePdf(ctx, data, `${base}.pdf`, params.pdfItemLimit ?? PDF_ITEM_LIMIT) });
    if (ctx.formats.includes('xlsx')) files.push({ format: 'xlsx', path: await writeXlsx(ctx, data, `${base}.xlsx`) });
    ctx.log.info(`run report for ${data.run.id} written`, { files: files.map((f) => f.path) });
    return files;
  },
});

type Texts = ReturnType<typeof runReportMessages.for>;

/** The facts at the top of both formats, as (label, text) pairs. */
function facts(ctx: ReportContext, data: RunReportData, t: Texts): Array<[string, string]> {
  const { run } = data;
  const f = ctx.format;
  const common = commonMessages.for(ctx.language);
  return [
    [t.run, run.id],
    [t.bot, run.bot],
    [t.botVersion, run.botVersion],
    [t.trigger, run.trigger],
    [t.host, run.host],
    [t.started, f.dateTime(run.startedAt)],
    [t.ended, run.endedAt === null ? t.notEnded : f.dateTime(run.endedAt)],
    [t.duration, data.durationMs === null ? t.notEnded : f.duration(data.durationMs)],
    [t.status, common.runStatuses[run.status]],
    ...(data.input ? [[t.input, data.input] as [string, string]] : []),
    [t.evidenceFolder, data.evidenceDir],
  ];
}

/** The audit line: verified with the record count, broken at a record, or no trail. */
function auditLines(data: RunReportData, t: Texts, f: ReportContext['format']): { head: string; check: string; ok: boolean } {
  const head = data.auditHead === null ? '–' : t.auditRecord({ seq: f.integer(data.auditHead.seq), hash: data.auditHead.hash });
  const v = data.verification;
  if (v === null) return { head, check: t.auditNone, ok: false };
  if (v.ok) return { head, check: t.auditVerified({ records: f.integer(v.records) }), ok: true };
  return { head, check: t.auditBroken({ seq: f.integer(v.firstBroken.seq), detail: v.firstBroken.detail }), ok: false };
}

/** Counts in a fixed order: every item status, then the attempts, then the input. */
function countRows(
  data: RunReportData,
  t: Texts,
  common: ReturnType<typeof commonMessages.for>,
): Array<{ label: string; count: number; group: string }> {
  const rows = [{ label: t.itemsTotal, count: data.items, group: t.byStatus }];
  // The records hold every status and outcome, in the store's order (pending … handled, done … uncertain).
  for (const [status, count] of Object.entries(data.counts))
    rows.push({ label: common.statuses[status as ItemStatus], count, group: t.byStatus });
  for (const [outcome, count] of Object.entries(data.attempts))
    rows.push({ label: t.outcomes[outcome as AttemptOutcome], count, group: t.attemptsHeading });
  if (data.enqueue) {
    const e = data.enqueue;
    rows.push(
      { label: t.added, count: e.added, group: t.inputHeading },
      { label: t.rejected, count: e.rejected, group: t.inputHeading },
      { label: t.skippedDone, count: e.skippedDone, group: t.inputHeading },
      { label: t.alreadyQueued, count: e.alreadyQueued, group: t.inputHeading },
    );
  }
  return rows;
}

function outcomeText(item: RunItemRow, t: Texts): string {
  return item.outcome === null ? '' : t.outcomes[item.outcome];
}

/** What a reader wants to know about the item: its output when done, else the reason in their language. */
function resultText(ctx: ReportContext, item: RunItemRow): string {
  if (item.output !== '' && (item.status === 'done' || item.status === 'handled')) return item.output;
  return readerReason(ctx, item);
}

async function writePdf(ctx: ReportContext, data: RunReportData, path: string, itemLimit: number): Promise<string> {
  const t = runReportMessages.for(ctx.language);
  const common = commonMessages.for(ctx.language);
  const f = ctx.format;
  const pdf = await createReportPdf(ctx, {
    title: t.title,
    subtitle: t.subtitle({ bot: data.run.bot, started: f.dateTime(data.run.startedAt) }),
    subject: `${data.run.bot} ${data.run.id}`,
    keywords: ['kanslist', 'run', data.run.bot],
  });
  pdf.keyValues(facts(ctx, data, t));

  const audit = auditLines(data, t, f);
  pdf.heading(t.auditHeading, 2);
  pdf.keyValues([[t.auditHead, audit.head]]);
  pdf.paragraph(audit.check, { bold: true, color: audit.ok ? 'normal' : 'warning' });

  pdf.heading(t.counts, 2);
  // One small table per group (items by status, attempts, input), each headed by the group's name.
  const counts = countRows(data, t, common);
  for (const group of [...new Set(counts.map((c) => c.group))]) {
    pdf.table(
      [
        { header: group, width: 5 },
        { header: t.number, width: 1.5, align: 'right' },
      ],
      counts.filter((c) => c.group === group).map((c) => [c.label, f.integer(c.count)]),
      { zebra: true },
    );
    pdf.spacer(6);
  }

  pdf.heading(t.driftHeading, 2);
  if (data.drift.length === 0) pdf.paragraph(t.driftNone, { color: 'muted' });
  else {
    pdf.paragraph(t.driftIntro, { color: 'warning' });
    // The suggestion sits next to the drift it heals (found by the runner on the live page).
    pdf.table(
      [
        { header: t.system, width: 1.1 },
        { header: t.target, width: 1.8 },
        { header: t.expected, width: 2.2 },
        { header: t.matched, width: 2.2 },
        { header: t.suggested, width: 2.4 },
        { header: t.count, width: 0.8, align: 'right' },
      ],
      data.drift.map((d) => [d.system, d.target, d.failedStrategy, d.matchedStrategy, d.suggested ?? '–', f.integer(d.count)]),
    );
    if (data.drift.some((d) => d.suggested !== null)) pdf.paragraph(t.driftSuggestion, { color: 'muted' });
  }

  await itemSection(pdf, ctx, data, t, itemLimit);
  await writeFile(path, await pdf.save());
  return path;
}

/** The item table (up to `limit` rows, in finish order) and where each item's evidence is. */
async function itemSection(pdf: PdfReport, ctx: ReportContext, data: RunReportData, t: Texts, limit: number): Promise<void> {
  const f = ctx.format;
  const common = commonMessages.for(ctx.language);
  const rows: string[][] = [];
  const evidence: string[][] = [];
  for await (const item of runItems(ctx.store, data.run.id, { varDir: ctx.config.paths.var })) {
    if (rows.length === limit) break;
    // Files the bot wrote into the evidence folder (a receipt, a letter) print relative to it: the folder is named above.
    const result = resultText(ctx, item).split(`${data.evidenceDir}${sep}`).join('');
    rows.push([
      item.key,
      common.statuses[item.status],
      item.finishedAt === null ? '' : f.dateTime(item.finishedAt),
      item.durationMs === null ? '' : f.duration(item.durationMs),
      result,
    ]);
    if (item.evidence !== null) evidence.push([item.key, item.evidence.slice(data.evidenceDir.length + 1)]);
  }
  pdf.pageBreak();
  pdf.heading(t.itemsHeading);
  if (rows.length === 0) {
    pdf.paragraph(t.itemsNone, { color: 'muted' });
    return;
  }
  pdf.paragraph(`${t.evidenceFolder}: ${data.evidenceDir}`, { color: 'muted' });
  if (data.items > rows.length)
    pdf.paragraph(t.itemsCapped({ shown: f.integer(rows.length), total: f.integer(data.items) }), { color: 'warning' });
  pdf.table(
    [
      { header: t.key, width: 2.2 },
      { header: t.status, width: 1.6 },
      { header: t.finished, width: 1.7 },
      { header: t.time, width: 1.1, align: 'right' },
      { header: t.result, width: 3.6 },
    ],
    rows,
    { zebra: true, fontSize: 8 },
  );
  if (evidence.length === 0) return;
  pdf.heading(t.evidence, 2);
  pdf.table(
    [
      { header: t.key, width: 2 },
      { header: t.evidence, width: 4 },
    ],
    evidence,
    { fontSize: 8 },
  );
}

async function writeXlsx(ctx: ReportContext, data: RunReportData, path: string): Promise<string> {
  const t = runReportMessages.for(ctx.language);
  const common = commonMessages.for(ctx.language);
  const wb = await createXlsxWorkbook(path, {
    language: ctx.language,
    timeZone: ctx.config.timeZone,
    creator: ctx.config.organisation,
    title: `${t.title} ${data.run.id}`,
    created: ctx.now,
  });

  // 1. Summary: the facts, the audit check, every count.
  const summary = wb.sheet<{ group: string; field: string; value: string | null; number: number | null }>(t.sheetSummary, [
    { key: 'group', header: '', type: 'text', width: 26 },
    { key: 'field', header: t.field, type: 'text', width: 34 },
    { key: 'value', header: t.value, type: 'text', width: 70 },
    { key: 'number', header: t.number, type: 'integer' },
  ]);
  for (const [field, value] of facts(ctx, data, t)) summary.add({ group: t.run, field, value, number: null });
  const audit = auditLines(data, t, ctx.format);
  summary.add({ group: t.auditHeading, field: t.auditHead, value: audit.head, number: data.auditHead?.seq ?? null });
  summary.add({ group: t.auditHeading, field: t.auditCheck, value: audit.check, number: data.verification?.records ?? null });
  for (const c of countRows(data, t, common)) summary.add({ group: c.group, field: c.label, value: null, number: c.count });

  // 2. Every item, in finish order, streamed page by page from the store.
  const items = wb.sheet<XlsxItemRow>(t.sheetItems, [
    { key: 'key', header: t.key, type: 'text' },
    { key: 'status', header: t.status, type: 'text', width: 18 },
    { key: 'outcome', header: t.outcome, type: 'text', width: 18 },
    { key: 'attempts', header: t.attempts, type: 'integer' },
    { key: 'startedAt', header: t.started, type: 'datetime' },
    { key: 'finishedAt', header: t.finished, type: 'datetime' },
    { key: 'seconds', header: t.seconds, type: 'decimal2' },
    { key: 'output', header: t.output, type: 'text', width: 30 },
    { key: 'code', header: t.code, type: 'text' },
    { key: 'reason', header: t.reason, type: 'text', width: 50 },
    { key: 'technical', header: reasonMessages.for(ctx.language).technicalReason, type: 'text', width: 50 },
    { key: 'evidence', header: t.evidence, type: 'text', width: 50 },
    { key: 'source', header: t.source, type: 'text' },
    { key: 'itemId', header: t.itemId, type: 'text', width: 38 },
  ]);
  await items.addAll(xlsxItemRows(ctx, data, t));

  // 3. Drift, one row per target and strategy pair.
  const drift = wb.sheet<{
    system: string;
    target: string;
    expected: string;
    matched: string;
    suggested: string;
    count: number;
    firstSeen: number;
  }>(t.sheetDrift, [
    { key: 'system', header: t.system, type: 'text' },
    { key: 'target', header: t.target, type: 'text' },
    { key: 'expected', header: t.expected, type: 'text', width: 40 },
    { key: 'matched', header: t.matched, type: 'text', width: 40 },
    { key: 'suggested', header: t.suggested, type: 'text', width: 44 },
    { key: 'count', header: t.count, type: 'integer' },
    { key: 'firstSeen', header: t.firstSeen, type: 'datetime' },
  ]);
  for (const d of data.drift)
    drift.add({
      system: d.system,
      target: d.target,
      expected: d.failedStrategy,
      matched: d.matchedStrategy,
      suggested: d.suggested ?? '',
      count: d.count,
      firstSeen: d.firstAt,
    });

  await wb.close();
  return path;
}

interface XlsxItemRow {
  key: string;
  status: string;
  outcome: string;
  attempts: number;
  startedAt: number | null;
  finishedAt: number | null;
  seconds: number | null;
  output: string;
  code: string | null;
  reason: string | null;
  technical: string | null;
  evidence: string | null;
  source: string | null;
  itemId: string;
}

async function* xlsxItemRows(ctx: ReportContext, data: RunReportData, t: Texts): AsyncGenerator<XlsxItemRow> {
  const common = commonMessages.for(ctx.language);
  for await (const item of runItems(ctx.store, data.run.id, { varDir: ctx.config.paths.var })) {
    yield {
      key: item.key,
      status: common.statuses[item.status],
      outcome: outcomeText(item, t),
      attempts: item.attempts,
      startedAt: item.startedAt,
      finishedAt: item.finishedAt,
      seconds: item.durationMs === null ? null : item.durationMs / 1000,
      output: item.output,
      code: item.errorCode,
      reason: item.errorCode === null && item.reason === null ? null : readerReason(ctx, item),
      technical: item.reason,
      evidence: item.evidence,
      source: localizeSource(item.source, ctx.language),
      itemId: item.itemId,
    };
  }
}
