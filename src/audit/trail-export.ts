/**
 * Exporting a run's audit records: JSON Lines (one record per line, for tools) or an Excel
 * workbook (for people). Identity numbers and registered secrets are masked unless the caller asks
 * for personal data (`personal: true`, e.g. a DPO answering an access request): an export leaves
 * the store, and exports are masked everywhere else in Kanslist too.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Store } from '../store/index.ts';
import { redactDeep } from '../redact/redact.ts';
import { toAuditRecord, type AuditRecord } from './trail-records.ts';

export interface ExportOptions {
  /** Keep identity numbers in clear (secrets never reach the trail). @default false */
  personal?: boolean;
}

export async function exportRun(
  store: Store,
  runId: string,
  format: 'jsonl' | 'xlsx',
  outFile: string,
  options: ExportOptions = {},
): Promise<void> {
  const rows = await store.audit.records(runId);
  const records = rows.map(toAuditRecord).map((r) => (options.personal ? r : (redactDeep(r) as AuditRecord)));
  mkdirSync(dirname(outFile), { recursive: true });
  if (format === 'jsonl') await writeJsonLines(records, outFile);
  else await writeWorkbook(records, runId, outFile);
}

async function writeJsonLines(records: AuditRecord[], outFile: string): Promise<void> {
  const out = createWriteStream(outFile, { encoding: 'utf8' });
  for (const record of records) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const COLUMNS = [
  ['seq', 8],
  ['time', 24],
  ['kind', 16],
  ['item', 38],
  ['item key', 20],
  ['target', 24],
  ['action', 12],
  ['value', 24],
  ['data', 60],
  ['subjects', 16],
  ['bot', 20],
  ['bot version', 16],
  ['host', 16],
  ['prev hash', 20],
  ['hash', 20],
] as const;

/** Every cell is text, never a formula: a value typed into a legacy form may start with '='. */
async function writeWorkbook(records: AuditRecord[], runId: string, outFile: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Audit trail');
  sheet.columns = COLUMNS.map(([header, width]) => ({ header, width, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const r of records) {
    sheet.addRow([
      String(r.seq),
      new Date(r.at).toISOString(),
      r.kind,
      r.itemId ?? '',
      r.itemKey ?? '',
      text(r.data.target),
      text(r.data.action),
      text(r.data.value),
      JSON.stringify(r.data),
      r.subjects.join(', '),
      r.bot,
      r.botVersion,
      r.host,
      r.prevHash ?? '',
      r.hash,
    ]);
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  workbook.creator = 'Kanslist';
  workbook.title = `Audit trail of run ${runId}`;
  await workbook.xlsx.writeFile(outFile);
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
