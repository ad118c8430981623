/**
 * SIGINT/SIGTERM/SIGHUP for long commands: the first asks for a graceful stop (stop claiming,
 * finish the items in progress); the second exits at once — items in progress keep their lease
 * until it runs out, become uncertain, and the next run verifies them (never charged an attempt).
 * SIGHUP (a closed terminal or SSH session) would otherwise end the process mid-item.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const EXIT_CODE: Record<(typeof STOP_SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export function stopSignal(onFirst: () => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(EXIT_CODE[signal as (typeof STOP_SIGNALS)[number]] ?? 130);
    onFirst();
    controller.abort();
  };
  for (const name of STOP_SIGNALS) process.on(name, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of STOP_SIGNALS) process.off(name, handler);
    },
  };
}
