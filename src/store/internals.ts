/**
 * The database handle behind an opened store, kept off the public Store so that every statement
 * lives in src/store. Only src/store and tests that must rewrite rows on purpose (tamper tests,
 * through tests/helpers/store-internals.ts) reach it. The schedule ledger still does, until its
 * statements move here too.
 */
import { StoreError } from './errors.ts';
import type { EngineAccess } from './engine.ts';
import type { Store } from './types.ts';

const internals = new WeakMap<Store, EngineAccess>();

export function attachInternals<S extends Store>(store: S, engine: EngineAccess): S {
  internals.set(store, engine);
  return store;
}

/** The engine of a store made by openStore; throws KANSLIST_STORE_FOREIGN for any other object. */
export function storeInternals(store: Store): EngineAccess {
  const engine = internals.get(store);
  if (engine === undefined) {
    throw new StoreError('KANSLIST_STORE_FOREIGN', 'This store was not opened by openStore, so it has no database handle.', {
      remedy: 'Open the store with openStore(url) and pass that object.',
    });
  }
  return engine;
}
