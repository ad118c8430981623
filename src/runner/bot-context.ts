/**
 * The one way a bot's `ctx` is built, for `process` and `verify` in a worker and for `verify`
 * while uncertain items are settled: the same fields, and evidence capture that works in both.
 */
import type { Logger } from '../log/logger.ts';
import type { WorkItem } from '../store/index.ts';
import type { Credentials } from '../ui/index.ts';
import { systemAddress, type AnySystem, type BotContext, type BotSettings } from './bot.ts';
import type { EvidenceKeeper } from './evidence.ts';
import type { Session } from './session.ts';

/** What stays the same for every item of a run (or of one worker, for its credentials). */
export interface BotContextBase {
  system: AnySystem;
  baseUrl: string;
  runId: string;
  credentials: Credentials;
  settings: BotSettings;
  evidence: EvidenceKeeper;
}

export interface BotContextFor {
  session: Pick<Session, 'ui' | 'page'>;
  item: Pick<WorkItem, 'id' | 'key' | 'attempts' | 'source'>;
  log: Logger;
  /** The item's evidence folder (itemEvidenceDir). */
  dir: string;
  signal: AbortSignal;
}

export function createBotContext(base: BotContextBase, f: BotContextFor): BotContext {
  const { session, item, dir } = f;
  return {
    ui: session.ui,
    page: session.page,
    item: { id: item.id, key: item.key, attempt: item.attempts, source: item.source },
    runId: base.runId,
    log: f.log,
    credentials: base.credentials,
    settings: base.settings,
    system: systemAddress(base.system.name, base.baseUrl),
    evidence: { dir, capture: async (label) => void (await base.evidence.capture(session.page, base.system, dir, label)) },
    signal: f.signal,
  };
}
