/** What `kanslist vault rotate <system>` does, loaded only when it runs (it drives a browser). */
import { createLogger } from '../../log/logger.ts';
import { redact } from '../../redact/redact.ts';
import { loadConfig } from '../../config/load.ts';
import { ConfigError, errorMessage } from '../../errors.ts';
import { loadSystemMap } from '../../preflight/load-system.ts';
import { runRotation } from '../../runner/rotation-run.ts';
import { EXIT_FAILURES } from '../exit-codes.ts';

export async function runVaultRotate(systemName: string, o: { account?: number; timeout?: number; db?: string }): Promise<void> {
  const config = await loadConfig();
  const log = createLogger({ level: config.logLevel, dir: `${config.paths.var}/logs`, timeZone: config.timeZone, console: false });
  const account = o.account ?? 1;
  try {
    const map = await loadSystemMap(systemName, config.paths.selectors);
    await runRotation({
      config,
      system: map.system,
      mapVersion: map.version,
      account,
      log,
      storeUrl: o.db,
      timeoutMs: o.timeout,
      progress: (line) => console.log(redact(line)),
    });
    // No username: the vault's values, usernames too, are masked wherever Kanslist writes.
    console.log(`Rotated the password of ${systemName} robot account ${account}.`);
  } catch (error) {
    // Configuration problems were found before anything changed: exit 2, like any usage error.
    if (error instanceof ConfigError) throw error;
    console.error(redact(`kanslist: ${errorMessage(error)}`));
    console.error(
      'kanslist: the robot still logs in: with the old password, or — if the system took the new one — with the pending one, which the next login promotes.',
    );
    process.exitCode = EXIT_FAILURES;
  } finally {
    await log.flush();
  }
}
