/**
 * The runner's side of the UI recorder: drift goes to the store (reported per run), actions
 * and dialogs to the operator log. The audit trail hooks in here too.
 */
import type { Logger } from '../log/logger.ts';
import type { Store } from '../store/index.ts';
import type { UiRecorder } from '../ui/index.ts';
import type { AuditTrail } from '../audit/trail.ts';

export interface RunRecorder extends UiRecorder {
  /** The item the worker is on now: actions and drift are attributed to it. */
  setItem(itemId: string | null, log: Logger, itemKey?: string | null): void;
  readonly actions: number;
}

export function createRecorder(options: { store: Store; runId: string; system: string; log: Logger; trail: AuditTrail }): RunRecorder {
  const { trail } = options;
  let itemId: string | null = null;
  let itemKey: string | null = null;
  let log = options.log;
  let actions = 0;
  return {
    get actions() {
      return actions;
    },
    setItem(id, itemLog, key = null) {
      itemId = id;
      itemKey = key;
      log = itemLog;
    },
    async action(e) {
      actions++;
      log.debug(`${e.action} ${e.target} via ${e.strategy}${e.value !== undefined && !e.personal ? ` = ${e.value}` : ''}`);
      // The trail keeps personal values (access requests need them); sensitive ones arrive masked.
      await trail.append({
        kind: e.action === 'goto' ? 'ui.navigation' : 'ui.action',
        itemId,
        itemKey,
        at: e.at,
        data: {
          system: options.system,
          target: e.target,
          strategy: e.strategy,
          action: e.action,
          value: e.value ?? null,
          personal: e.personal ?? false,
          durationMs: e.durationMs,
        },
        subjects: e.personal && e.value ? [e.value] : [],
      });
    },
    async drift(e) {
      log.warn(
        `drift: ${e.target} matched by ${e.matchedStrategy} (expected ${e.failedStrategy})${e.suggested === undefined ? '' : `; suggested first strategy ${e.suggested}`}`,
      );
      await options.store.runs.recordDrift({
        runId: options.runId,
        itemId,
        system: options.system,
        target: e.target,
        failedStrategy: e.failedStrategy,
        matchedStrategy: e.matchedStrategy,
        at: e.at,
      });
      // The suggested first strategy goes on the trail only (the drift table has no column for it): the run report reads it there.
      const suggested = e.suggested === undefined ? {} : { suggested: e.suggested };
      await trail.append({
        kind: 'ui.drift',
        itemId,
        itemKey,
        at: e.at,
        data: {
          system: options.system,
          target: e.target,
          failedStrategy: e.failedStrategy,
          matchedStrategy: e.matchedStrategy,
          ...suggested,
        },
      });
    },
    async interstitial(e) {
      log.info(`interstitial ${e.name} passed while waiting for ${e.target}`);
      await trail.append({
        kind: 'ui.interstitial',
        itemId,
        itemKey,
        at: e.at,
        data: { system: options.system, name: e.name, target: e.target, durationMs: e.durationMs },
      });
    },
    async dialog(e) {
      const line = `${e.expected ? 'dialog' : 'unexpected dialog'} (${e.type}) answered ${e.response}: ${e.message}`;
      if (e.expected) log.debug(line);
      else log.warn(line);
      await trail.append({
        kind: 'ui.dialog',
        itemId,
        itemKey,
        at: e.at,
        data: { type: e.type, message: e.message, expected: e.expected, response: e.response },
      });
    },
  };
}
