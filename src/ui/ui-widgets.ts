/**
 * Actions for widgets a plain fill or read gets wrong: rich-text editors (rich-text.ts),
 * autocompletes (autocomplete.ts), and fields whose key handlers fight typing (`insertText`).
 * Each is still one recorded action on its target, masked for a sensitive one.
 */
import { TransientUiError } from '../errors.ts';
import { chooseOption } from './autocomplete.ts';
import { scopeFor } from './frames.ts';
import { fillRichText as fillEditor, normaliseRichText, readRichText as readEditor } from './rich-text.ts';
import type { ScreensDefinition, TargetPath } from './system.ts';
import { targetUnion } from './targets.ts';
import type { UiSession } from './ui-session.ts';
import type { ActOptions, ChooseOptions } from './ui-types.ts';

export async function insertText<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  text: string,
  opts: ActOptions = {},
): Promise<void> {
  await session.actWithValue(
    path,
    'fill',
    text,
    async (locator, timeout) => {
      await locator.focus({ timeout });
      await session.page.keyboard.insertText(text);
    },
    { ...opts, restartable: true }, // its one call on the locator is the first
  );
}

export async function fillRichText<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  text: string,
  opts: ActOptions = {},
): Promise<void> {
  await session.actWithValue(
    path,
    'fill',
    text,
    async (locator, timeout) => {
      const started = Date.now();
      await fillEditor(locator, text, timeout);
      const shown = await readEditor(locator, Math.max(1, started + timeout - Date.now()));
      if (shown !== normaliseRichText(text)) {
        // Neither text is quoted: an editor's content may be personal or secret.
        throw new TransientUiError(
          'KANSLIST_RICH_TEXT_NOT_TAKEN',
          `The editor "${path}" shows other text than was filled (${shown.length} characters instead of ${normaliseRichText(text).length})`,
          {
            where: `system ${session.system.name}, target ${path}`,
            remedy: 'Check that the target is the editable element itself (the contenteditable body or div), not its frame or toolbar.',
          },
        );
      }
    },
    opts,
  );
}

export async function readRichText<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  opts: ActOptions = {},
): Promise<string> {
  let text = '';
  await session.act(path, 'read', async (locator, timeout) => void (text = await readEditor(locator, timeout)), {
    ...opts,
    restartable: true,
  });
  return text;
}

export async function choose<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  opts: ChooseOptions<S>,
): Promise<string> {
  let kept = '';
  const target = session.system.target(path);
  await session.actWithValue(
    path,
    'choose',
    `${opts.type} → ${String(opts.option)}`,
    async (input, timeout) => {
      const started = Date.now();
      const valueField = opts.valueTarget === undefined ? undefined : (await session.resolve(opts.valueTarget, timeout)).locator;
      const options =
        opts.options === undefined
          ? scopeFor(session.page, target.frame).getByRole('option')
          : targetUnion(session.page, session.system.target(opts.options));
      const request = { type: opts.type, option: opts.option, expectValue: opts.expectValue, delay: opts.delay ?? 0 };
      const steps = { input, options, valueField, path, where: `system ${session.system.name}, target ${path}` };
      kept = await chooseOption(steps, request, Math.max(1, started + timeout - Date.now()));
    },
    { timeoutMs: opts.timeoutMs, nth: opts.nth },
  );
  return kept;
}
