/** What the control room's routes share: the store, the configuration, the views and the action trail. */
import type { Eta } from 'eta';
import type { Logger } from '../log/logger.ts';
import type { LoadedConfig } from '../config/load.ts';
import type { Store } from '../store/index.ts';
import type { ActionTrail } from './action-trail.ts';

export interface ControlRoom {
  store: Store;
  config: LoadedConfig;
  views: Eta;
  trail: ActionTrail;
  log: Logger;
  /** The audit key (KANSLIST_AUDIT_KEY), for verifying chains on the audit and run pages. */
  auditKey: Buffer | null;
  /** The store's URL, for the runs the control room starts (a schedule fired now) to use the same store. */
  storeUrl?: string | undefined;
}
