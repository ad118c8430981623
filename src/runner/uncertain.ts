/**
 * Settling uncertain items: an item whose runner died mid-item may or may not have had its
 * effect. It is never simply run again. With `verify` the system is asked; without it, or when
 * the answer cannot be had, a clerk decides.
 */
import { errorReason } from '../errors.ts';
import type { Logger } from '../audit/logger.ts';
import { redact } from '../audit/redact.ts';
import type { Store, WorkItem } from '../store/index.ts';
import { systemAddress, type AnyBot, type BotContext, type BotSettings } from './bot.ts';
import { revivePayload } from './payload.ts';
import type { Session } from './session.ts';
import type { Credentials } from '../ui/index.ts';
import type { AuditTrail } from '../audit/trail.ts';
import { itemEvidenceDir } from './evidence.ts';

export interface SettleResult {
  verifiedDone: number;
  requeued: number;
  toReview: number;
}

export async function settleUncertain(options: {
  store: Store;
  bot: AnyBot;
  runId: string;
  items: WorkItem[];
  openSession: () => Promise<Session>;
  credentials: Credentials;
  /** The run's configuration as the bot's verify sees it (`ctx.settings`). */
  settings: BotSettings;
  /** The system's resolved address (`ctx.system`). */
  baseUrl: string;
  trail: AuditTrail;
  log: Logger;
  /** Where each item's evidence folder lives (`<var>/runs/<run>/<item>`): files verify writes, such as a letter, are kept there. */
  varDir: string;
  signal: AbortSignal;
}): Promise<SettleResult> {
  const result: SettleResult = { verifiedDone: 0, requeued: 0, toReview: 0 };
  const { store, bot, items, log } = options;
  // Every settlement is an item transition on the audit trail, with its reason.
  const resolve = async (item: WorkItem, to: 'done' | 'pending' | 'review', details: { output?: unknown; reason: string }) => {
    await store.queue.resolveUncertain(item.id, to, details);
    await options.trail.append({ kind: 'item.transition', itemId: item.id, itemKey: item.key, data: { from: 'uncertain', to, reason: details.reason, output: details.output ?? null } });
  };
  if (items.length === 0) return result;
  if (!bot.verify) {
    for (const item of items) {
      await resolve(item, 'review', { reason: 'The runner stopped while this item was in progress and the bot has no verify(): check in the system whether it was done.' });
      result.toReview++;
    }
    return result;
  }
  let session: Session | undefined;
  try {
    for (const item of items) {
      try {
        session ??= await options.openSession();
        const ctx: BotContext = {
          ui: session.ui,
          page: session.page,
          item: { id: item.id, key: item.key, attempt: item.attempts, source: item.source },
          runId: options.runId,
          log: log.child({ item: item.key }),
          credentials: options.credentials,
          settings: options.settings,
          system: systemAddress(bot.system.name, options.baseUrl),
          evidence: { dir: itemEvidenceDir(options.varDir, options.runId, item.id), capture: async () => undefined },
          signal: options.signal,
        };
        const found = await bot.verify(revivePayload(bot.input, item.payload), ctx);
        if (found.exists) {
          await resolve(item, 'done', { output: found.output ?? null, reason: 'verified in the system after an interrupted run' });
          result.verifiedDone++;
        } else {
          await resolve(item, 'pending', { reason: 'verified absent in the system after an interrupted run' });
          result.requeued++;
        }
      } catch (error) {
        await session?.close();
        session = undefined;
        const reason = `Verification after an interrupted run failed: ${redact(errorReason(error))}`;
        await resolve(item, 'review', { reason });
        result.toReview++;
      }
    }
  } finally {
    await session?.close();
  }
  log.info(`uncertain items settled: ${result.verifiedDone} verified done, ${result.requeued} run again, ${result.toReview} to review`);
  return result;
}
