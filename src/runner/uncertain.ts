/**
 * Settling uncertain items: an item whose runner died mid-item may or may not have had its
 * effect. It is never simply run again. With `verify` the system is asked; without it, or when
 * the answer cannot be had, a clerk decides.
 */
import type { Logger } from '../log/logger.ts';
import type { ResolveUncertainDetails, Store, WorkItem } from '../store/index.ts';
import type { AnyBot, BotSettings } from './bot.ts';
import { createBotContext } from './bot-context.ts';
import { revivePayload } from './payload.ts';
import type { Session } from './session.ts';
import type { Credentials } from '../ui/index.ts';
import type { AuditTrail } from '../audit/trail.ts';
import { EvidenceKeeper, itemEvidenceDir } from './evidence.ts';
import { retryPolicyOf } from './retry-policy.ts';
import { verifyFailure } from './verify-failure.ts';

export interface SettleResult {
  verifiedDone: number;
  /** Verified absent: run again. */
  requeued: number;
  toReview: number;
  /** verify failed with a system exception: pending again after a backoff, verified again before it is run. */
  retried: number;
  /** verify could not run (a fatal bot error): left uncertain for the next run. */
  stillUncertain: number;
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
  /** Captures what `ctx.evidence.capture` asks for, once per signature per item. @default a keeper of its own */
  evidence?: EvidenceKeeper | undefined;
}): Promise<SettleResult> {
  const result: SettleResult = { verifiedDone: 0, requeued: 0, toReview: 0, retried: 0, stillUncertain: 0 };
  const { store, bot, items, log } = options;
  // Every settlement is an item transition on the audit trail, with its reason.
  const resolve = async (item: WorkItem, to: 'done' | 'pending' | 'review', details: ResolveUncertainDetails & { reason: string }) => {
    await store.queue.resolveUncertain(item.id, to, details);
    const charged = details.chargeAttempt ? { code: details.code ?? null, attempt: item.attempts + 1 } : {};
    await options.trail.append({
      kind: 'item.transition',
      itemId: item.id,
      itemKey: item.key,
      data: { from: 'uncertain', to, reason: details.reason, output: details.output ?? null, ...charged },
    });
  };
  if (items.length === 0) return result;
  if (!bot.verify) {
    for (const item of items) {
      await resolve(item, 'review', {
        reason: 'The runner stopped while this item was in progress and the bot has no verify(): check in the system whether it was done.',
      });
      result.toReview++;
    }
    return result;
  }
  const context = {
    system: bot.system,
    baseUrl: options.baseUrl,
    runId: options.runId,
    credentials: options.credentials,
    settings: options.settings,
    evidence: options.evidence ?? new EvidenceKeeper(),
  };
  const { backoff } = retryPolicyOf(bot);
  let session: Session | undefined;
  try {
    for (const [index, item] of items.entries()) {
      try {
        session ??= await options.openSession();
        const dir = itemEvidenceDir(options.varDir, options.runId, item.id);
        const ctx = createBotContext(context, { session, item, log: log.child({ item: item.key }), dir, signal: options.signal });
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
        // Like any exception of process(): see verify-failure.ts.
        const failure = verifyFailure(item, error, backoff);
        if (failure.to === 'uncertain') {
          // Not this item's fault (a refused login, a bug): the others would fail the same way.
          const left = items.length - index;
          log.warn(`${left} uncertain item(s) stay uncertain until the next run: ${failure.reason}`);
          result.stillUncertain += left;
          break;
        } else {
          await resolve(item, failure.to, failure.details);
          if (failure.to === 'pending') result.retried++;
          else result.toReview++;
        }
      }
    }
  } finally {
    await session?.close();
  }
  log.info(
    `uncertain items settled: ${result.verifiedDone} verified done, ${result.requeued} run again, ${result.toReview} to review, ${result.retried} to verify again, ${result.stillUncertain} left uncertain`,
  );
  return result;
}
