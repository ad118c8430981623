/**
 * A test hook for crash tests of `kanslist vault rotate`: with env KANSLIST_TEST_HOLD_ROTATION set
 * to a step's name, the rotation says `rotation held at <step>` and waits there until the test
 * kills it with SIGKILL, so every crash point is hit exactly, without timing. Unset (always, in
 * production) it does nothing at all.
 */
export type RotationStep = 'before-change' | 'after-change' | 'after-promotion';

export async function holdForCrashTest(step: RotationStep, env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<void> {
  if (env.KANSLIST_TEST_HOLD_ROTATION !== step) return;
  say(`rotation held at ${step}`);
  // A pending promise alone would let Node exit; the interval keeps the process alive to be killed.
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}
