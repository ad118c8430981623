/**
 * Reading the page without changing it: a target's text, full text, value and count, whether it
 * is present, and waiting for a state. text, fullText and value are recorded as 'read' actions;
 * count, isPresent and waitFor only ask, and leave no record.
 */
import { AmbiguousTargetError, KanslistError, TargetNotFoundError, TransientUiError } from '../errors.ts';
import type { ScreensDefinition, TargetPath } from './system.ts';
import { countTarget, targetUnion } from './targets.ts';
import type { UiSession } from './ui-session.ts';
import type { ActOptions, WaitState } from './ui-types.ts';

export async function text<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  opts: ActOptions = {},
): Promise<string> {
  let text = '';
  await session.act(path, 'read', async (locator, timeout) => void (text = (await locator.innerText({ timeout })).trim()), {
    ...opts,
    restartable: true, // reads: beginning again changes nothing
  });
  return text;
}

export async function fullText<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  opts: ActOptions = {},
): Promise<string> {
  let text = '';
  await session.act(
    path,
    'read',
    async (locator, timeout) => {
      const shown = (await locator.innerText({ timeout })).trim();
      const title = (await locator.getAttribute('title', { timeout })) ?? '';
      text = title.length > shown.length ? title : shown;
    },
    { ...opts, restartable: true },
  );
  return text;
}

export async function value<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  opts: ActOptions = {},
): Promise<string> {
  let value = '';
  await session.act(path, 'read', async (locator, timeout) => void (value = await locator.inputValue({ timeout })), {
    ...opts,
    restartable: true,
  });
  return value;
}

export async function count<S extends ScreensDefinition>(session: UiSession<S>, path: TargetPath<S>): Promise<number> {
  session.channel.throwIfFailed();
  // Counting is for targets that match several elements: one element's id would not heal them.
  return (await countTarget(session.page, session.system, path, { onDrift: (event) => session.reportDrift(event, false) })).count;
}

export async function isPresent<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  opts: { timeoutMs?: number } = {},
): Promise<boolean> {
  try {
    await session.resolve(path, opts.timeoutMs ?? 0, { explainMiss: false });
    return true;
  } catch (error) {
    if (error instanceof TargetNotFoundError) return false;
    if (error instanceof AmbiguousTargetError) return true; // asking is not acting: nothing is guessed
    throw error;
  }
}

export async function waitFor<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  opts: { state?: WaitState; timeoutMs?: number } = {},
): Promise<void> {
  const state = opts.state ?? 'visible';
  const timeoutMs = session.timeoutFor(path, opts.timeoutMs);
  const deadline = Date.now() + timeoutMs;
  try {
    if (state === 'hidden' || state === 'detached') {
      session.channel.throwIfFailed();
      await targetUnion(session.page, session.system.target(path))
        .first()
        .waitFor({ state, timeout: Math.max(1, timeoutMs) });
      return;
    }
    if (await session.waitChecked(path, state, timeoutMs)) return;
    const found = await session.resolve(path, Math.max(0, deadline - Date.now()), { boundMs: timeoutMs });
    if (state === 'visible') await found.locator.waitFor({ state, timeout: Math.max(1, deadline - Date.now()) });
  } catch (error) {
    if (error instanceof KanslistError) throw error;
    throw new TransientUiError('KANSLIST_WAIT_TIMEOUT', `Target "${path}" did not become ${state} within ${timeoutMs} ms`, {
      cause: error,
      where: `system ${session.system.name}, target ${path}`,
    });
  }
}
