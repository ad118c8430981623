/**
 * The runner's side of the UI recorder: drift goes to the store (reported per run), actions
 * and dialogs to the operator log. The audit trail hooks in here too.
 */
import type { Logger } from '../audit/logger.ts';
import type { Store } from '../store/index.ts';
import type { UiRecorder } from '../ui/index.ts';

export interface RunRecorder extends UiRecorder {
  /** The item the worker is on now: actions and drift are attributed to it. */
  setItem(itemId: string | null, log: Logger): void;
  readonly actions: number;
}

export function createRecorder(options: { store: Store; runId: string; system: string; log: Logger }): RunRecorder {
  let itemId: string | null = null;
  let log = options.log;
  let actions = 0;
  return {
    get actions() {
      return actions;
    },
    setItem(id, itemLog) {
      itemId = id;
      log = itemLog;
    },
    action(e) {
      actions++;
      log.debug(`${e.action} ${e.target} via ${e.strategy}${e.value !== undefined && !e.personal ? ` = ${e.value}` : ''}`);
    },
    async drift(e) {
      log.warn(`drift: ${e.target} matched by ${e.matchedStrategy} (expected ${e.failedStrategy})`);
      await options.store.runs.recordDrift({ runId: options.runId, itemId, system: options.system, target: e.target, failedStrategy: e.failedStrategy, matchedStrategy: e.matchedStrategy, at: e.at });
    },
    dialog(e) {
      const line = `${e.expected ? 'dialog' : 'unexpected dialog'} (${e.type}) answered ${e.response}: ${e.message}`;
      if (e.expected) log.debug(line);
      else log.warn(line);
    },
  };
}
