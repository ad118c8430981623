/**
 * The store: schema, migrations, SQLite and PostgreSQL, the work queue and runs.
 * Knows nothing of Playwright, bots or the UI.
 */
export { openStore, parseStoreUrl, type OpenStoreOptions } from './open.ts';
export { ItemStateError, LeaseLostError, NotFoundError, StoreError } from './errors.ts';
export { redactUrl } from './postgres.ts';
export type { Database } from './schema.ts';
export * from './types.ts';
export type {
  AuditStore,
  AuditRow,
  AuditHead,
  AuditHeadTable,
  AuditLedgerTable,
  AuditTables,
  BatchSeal,
  LedgerAppend,
  LedgerEntryKind,
  LedgerSealer,
} from './audit.ts';
export type { User, NewUser, UserChanges, UserStore, WebSessionStore } from './users.ts';
export type { BotActivity, BotQueue, DashboardReads } from './dashboard.ts';
export type { BotScope, PayloadRow, PurgedAuditRecord, RetentionStore } from './retention.ts';
export type {
  BucketCount,
  ExceptionStatus,
  FinalStatus,
  ReasonCount,
  ReportReads,
  ReviewCounts,
  ReviewItemRecord,
  RunItemRecord,
  RunTotals,
  Scope as SettledScope,
  SettledItemRow,
  StatusCount,
  TimeRange,
  TimeSavedReads,
} from './report-reads/index.ts';
export { DONE_STATUS, EXCEPTION_STATUSES, FINAL_STATUSES } from './report-reads/index.ts';
