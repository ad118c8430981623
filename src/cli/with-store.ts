import { loadConfig, storeUrl, type LoadedConfig } from '../config/load.ts';
import { openStore, type Store } from '../store/index.ts';

/** Opens the configured store (or --db), runs `work`, and always closes it. */
export async function withStore<T>(db: string | undefined, work: (store: Store, config: LoadedConfig) => Promise<T>): Promise<T> {
  const config = await loadConfig();
  const store = await openStore(storeUrl(config, db));
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
