/**
 * `kanslist purge`: removes what is past its retention period — evidence files, operator logs, item
 * payloads (fields replaced by a marker), and the personal fields of audit records (replaced, with
 * the chain kept verifiable: format-2 records hash digests, see trail-hash.ts). The purge is itself
 * an audit record: which rule removed how much, never a value.
 */
import { hostname } from 'node:os';
import { retentionRules, type RetentionConfig, type RetentionKind, type RetentionRule } from '../config/retention.ts';
import type { AuditRow, BotScope, PayloadRow, Store } from '../store/index.ts';
import { packageManifest } from '../util/package-info.ts';
import { deleteEvidenceFiles, listEvidenceFiles, type EvidenceFile } from './purge-files.ts';
import { PURGE_RECORD_KIND } from './purge-kind.ts';
import { purgedPayload, purgedRecordData } from './purge-redact.ts';
import { purgedSubject, sha256 } from './trail-hash.ts';
import { openAuditTrail } from './trail.ts';

export interface PurgeOptions {
  varDir: string;
  retention: RetentionConfig | undefined;
  /** Epoch ms: what is older than its period at this moment goes. Injected so tests need not wait. */
  now: number;
  dryRun: boolean;
  key?: Buffer | null;
  host?: string;
}

/** How much one rule removes (or would remove). */
export interface PurgeLine {
  kind: RetentionKind;
  /** The configuration key, e.g. `retention.traces` or `retention.bots.x.payloads`. */
  rule: string;
  period: string;
  count: number;
  bytes: number;
}

export interface PurgeResult {
  dryRun: boolean;
  at: number;
  /** The purge's audit chain; null for a dry run or when nothing was due. */
  purgeId: string | null;
  lines: PurgeLine[];
  /** Audit records past their period written before format 2: their hash needs their values, so they stay. */
  keptOldAuditRecords: number;
}

export { PURGE_RECORD_KIND } from './purge-kind.ts';

const PAGE = 1_000;
const WRITE_CHUNK = 200;

export async function purge(store: Store, options: PurgeOptions): Promise<PurgeResult> {
  const rules = retentionRules(options.retention);
  const lines = new Map<string, PurgeLine>(
    rules.map((r) => [r.source, { kind: r.kind, rule: r.source, period: r.period, count: 0, bytes: 0 }]),
  );
  const count = (rule: RetentionRule, bytes: number) => {
    const line = lines.get(rule.source)!;
    line.count += 1;
    line.bytes += bytes;
  };

  const files = await dueFiles(store, options, rules);
  for (const { file, rule } of files) count(rule, file.bytes);
  const payloads: Array<{ row: PayloadRow; rule: RetentionRule }> = [];
  const records: Array<{ row: AuditRow; data: string; rule: RetentionRule }> = [];
  let keptOldAuditRecords = 0;
  for (const rule of rules) {
    const scope: BotScope = { bot: rule.bot, exceptBots: rule.exceptBots, before: options.now - rule.periodMs };
    if (rule.kind === 'payloads') {
      for (const row of await allPages((page) => store.retention.payloadsToPurge(scope, page))) {
        payloads.push({ row, rule });
        count(rule, Buffer.byteLength(row.payload));
      }
    } else if (rule.kind === 'auditPersonalFields') {
      for (const row of await allPages((page) => store.retention.auditToPurge(scope, page))) {
        const data = purgedRecordData(row.data);
        // A record with no person in it (a run's start, a click on Save) keeps its data whole.
        if (data === row.data && row.subjects.length === 0) continue;
        records.push({ row, data, rule });
        count(rule, Buffer.byteLength(row.data));
      }
      keptOldAuditRecords += await store.retention.unpurgeableAudit(scope);
    }
  }

  const result: PurgeResult = { dryRun: options.dryRun, at: options.now, purgeId: null, lines: [...lines.values()], keptOldAuditRecords };
  if (options.dryRun || (files.length === 0 && payloads.length === 0 && records.length === 0)) return result;

  const host = options.host ?? hostname();
  const purgeId = `purge:${host}:${new Date(options.now).toISOString()}`;
  deleteEvidenceFiles(
    options.varDir,
    files.map((f) => f.file),
  );
  for (let i = 0; i < payloads.length; i += WRITE_CHUNK) {
    await store.retention.replacePayloads(
      payloads.slice(i, i + WRITE_CHUNK).map(({ row }) => ({ id: row.id, payload: purgedPayload(row.payload) })),
      options.now,
    );
  }
  for (let i = 0; i < records.length; i += WRITE_CHUNK) {
    const chunk = records.slice(i, i + WRITE_CHUNK).map(({ row, data }) => ({
      run_id: row.run_id,
      seq: row.seq,
      data,
      data_digest: sha256(row.data),
      subjects: row.subjects.map(purgedSubject),
    }));
    await store.retention.replaceAuditRecords(chunk, options.now, purgeId);
  }
  await recordPurge(
    store,
    purgeId,
    host,
    options,
    result,
    records.map((r) => r.row.run_id),
  );
  if (payloads.length > 0 || records.length > 0) await store.retention.compact();
  return { ...result, purgeId };
}

/** The purge's own audit record: per rule how much, and per run how many records were purged (verify checks those). */
async function recordPurge(
  store: Store,
  purgeId: string,
  host: string,
  options: PurgeOptions,
  result: PurgeResult,
  purgedRuns: string[],
): Promise<void> {
  const perRun: Record<string, number> = {};
  for (const runId of purgedRuns) perRun[runId] = (perRun[runId] ?? 0) + 1;
  const trail = await openAuditTrail(
    store,
    { runId: purgeId, bot: 'kanslist', botVersion: `kanslist ${packageManifest().version}`, host },
    { key: options.key ?? null },
  );
  await trail.append({
    kind: PURGE_RECORD_KIND,
    at: options.now,
    data: {
      rules: result.lines.map(({ kind, rule, period, count, bytes }) => ({ kind, rule, period, count, bytes })),
      auditRecordsPerRun: perRun,
    },
  });
  await trail.close();
}

/** Files past the period of the rule that covers them (the bot's override, else the project's rule). */
async function dueFiles(
  store: Store,
  options: PurgeOptions,
  rules: RetentionRule[],
): Promise<Array<{ file: EvidenceFile; rule: RetentionRule }>> {
  const botOfRun = new Map<string, string | undefined>();
  const due: Array<{ file: EvidenceFile; rule: RetentionRule }> = [];
  for (const file of listEvidenceFiles(options.varDir)) {
    let bot: string | undefined;
    if (file.runId !== undefined) {
      if (!botOfRun.has(file.runId)) botOfRun.set(file.runId, (await store.runs.get(file.runId).catch(() => undefined))?.bot);
      bot = botOfRun.get(file.runId);
    }
    const rule = ruleFor(rules, file.kind, bot);
    if (rule !== undefined && options.now - file.modifiedAt > rule.periodMs) due.push({ file, rule });
  }
  return due;
}

function ruleFor(rules: RetentionRule[], kind: RetentionKind, bot: string | undefined): RetentionRule | undefined {
  return (
    rules.find((r) => r.kind === kind && bot !== undefined && r.bot === bot) ??
    rules.find((r) => r.kind === kind && r.bot === undefined && !(bot !== undefined && (r.exceptBots ?? []).includes(bot)))
  );
}

/** Reads every page before anything is changed, so paging by offset is stable. */
async function allPages<T>(read: (page: { limit: number; offset: number }) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await read({ limit: PAGE, offset });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}
