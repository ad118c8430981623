/** What `kanslist serve` does, loaded only when it runs. */
import { createLogger } from '../../log/logger.ts';
import { auditKeyFromEnv } from '../../audit/trail.ts';
import { loadConfig, storeUrl } from '../../config/load.ts';
import { startControlRoom } from '../../serve/index.ts';
import { openStore } from '../../store/index.ts';
import { stopSignal } from '../signals.ts';
import { kanslistVersion } from '../version.ts';

const SESSION_SWEEP_MS = 15 * 60_000;

export async function runServe(o: { port: number; host: string; trustProxy?: boolean; db?: string }): Promise<void> {
  const config = await loadConfig();
  const log = createLogger({ level: config.logLevel, dir: `${config.paths.var}/logs`, timeZone: config.timeZone, console: false });
  const url = storeUrl(config, o.db);
  const store = await openStore(url);
  const stop = stopSignal(() => console.error('\nkanslist: stopping the control room'));
  try {
    const room = await startControlRoom({
      config,
      store,
      log,
      auditKey: auditKeyFromEnv(),
      version: kanslistVersion(),
      storeUrl: url,
      host: o.host,
      port: o.port,
      trustProxy: o.trustProxy === true,
    });
    const sweep = setInterval(() => void store.webSessions.purgeExpired().catch(() => undefined), SESSION_SWEEP_MS).unref();
    console.log(`Control room: ${room.url}  (Ctrl-C stops it)`);
    if ((await store.users.list()).length === 0) console.log('No accounts yet: add one with `kanslist users add <name> --role operator`.');
    await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
    clearInterval(sweep);
    await room.close();
  } finally {
    stop.dispose();
    await store.close();
    await log.flush();
  }
}
