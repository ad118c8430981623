/**
 * The basic actions on one target: click, fill, type, select, check, press, upload, download,
 * popup, and `locate` (the escape hatch). Each resolves and records through `UiSession.act`; a
 * value typed into a sensitive target is masked on the trail and kept out of the trace.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { TransientUiError } from '../errors.ts';
import type { PartialPostbackOptions } from './partial-postback.ts';
import { recordedLocator } from './recorded-locator.ts';
import type { ScreensDefinition, TargetPath } from './system.ts';
import { waitForPostback } from './ui-navigation.ts';
import type { UiSession } from './ui-session.ts';
import type { ActOptions, SelectOption, TypeOptions, Ui } from './ui-types.ts';
import { withTimeout } from './wait.ts';

export async function locate<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  opts: ActOptions = {},
): Promise<Locator> {
  const started = Date.now();
  const found = await session.resolve(path, session.timeoutFor(path, opts.timeoutMs), { nth: opts.nth });
  await session.record({ target: path, strategy: found.description, action: 'locate', personal: found.target.personal, started });
  return recordedLocator(found.locator, {
    target: path,
    strategy: found.description,
    sensitive: found.target.sensitive === true,
    personal: found.target.personal === true,
    record: (event) => session.record(event),
    whileSecretSafe: (work) => session.whileSecretSafe(path, work),
  });
}

export async function click<S extends ScreensDefinition>(session: UiSession<S>, path: TargetPath<S>, opts: ActOptions = {}): Promise<void> {
  await session.act(path, 'click', (locator, timeout) => locator.click({ timeout }), { ...opts, restartable: true });
}

export async function fill<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  value: string,
  opts: ActOptions = {},
): Promise<void> {
  await session.actWithValue(path, 'fill', value, (locator, timeout) => locator.fill(value, { timeout }), { ...opts, restartable: true });
}

export async function type<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  text: string,
  opts: TypeOptions = {},
): Promise<void> {
  const delay = opts.delay ?? 0;
  await session.actWithValue(path, 'type', text, (locator, timeout) => locator.pressSequentially(text, { delay, timeout }), {
    ...opts,
    restartable: true,
  });
}

export async function select<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  option: SelectOption,
  opts: ActOptions & { postback?: boolean | PartialPostbackOptions<TargetPath<S>> } = {},
): Promise<void> {
  const value = typeof option === 'string' ? option : 'label' in option ? option.label : option.value;
  const doSelect = () =>
    session.act(path, 'select', async (locator, timeout) => void (await locator.selectOption(option, { timeout })), {
      timeoutMs: opts.timeoutMs,
      nth: opts.nth,
      value,
      restartable: true,
    });
  if (typeof opts.postback === 'object') await waitForPostback(session, doSelect, opts.postback);
  else if (opts.postback) await waitForPostback(session, doSelect, { frame: session.system.target(path).frame });
  else await doSelect();
}

export async function check<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  checked = true,
  opts: ActOptions = {},
): Promise<void> {
  await session.act(path, checked ? 'check' : 'uncheck', (locator, timeout) => locator.setChecked(checked, { timeout }), {
    ...opts,
    restartable: true,
  });
}

export async function press<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  key: string,
  opts: ActOptions = {},
): Promise<void> {
  await session.act(path, 'press', (locator, timeout) => locator.press(key, { timeout }), { ...opts, value: key, restartable: true });
}

export async function upload<S extends ScreensDefinition>(
  session: UiSession<S>,
  path: TargetPath<S>,
  files: string | string[],
): Promise<void> {
  const list = Array.isArray(files) ? files : [files];
  await session.act(path, 'upload', (locator, timeout) => locator.setInputFiles(list, { timeout }), {
    value: list.map((file) => basename(file)).join(', '),
    restartable: true,
  });
}

export async function download<S extends ScreensDefinition>(session: UiSession<S>, path: TargetPath<S>, saveDir: string): Promise<string> {
  let saved = '';
  await session.act(path, 'download', async (locator, timeout) => {
    const downloading = session.page.waitForEvent('download', { timeout });
    downloading.catch(() => undefined); // if the click fails, that error is the one reported
    await locator.click({ timeout });
    const download = await downloading;
    await mkdir(saveDir, { recursive: true });
    saved = join(saveDir, basename(download.suggestedFilename()) || 'download');
    await download.saveAs(saved);
  });
  return saved;
}

/** `uiFor` makes the popup's own Ui (ui.ts owns the class; this file does not import it back). */
export async function popup<S extends ScreensDefinition, T>(
  session: UiSession<S>,
  path: TargetPath<S>,
  work: (popupUi: Ui<S>) => Promise<T>,
  opts: { waitForClose?: boolean },
  uiFor: (page: Page) => Ui<S>,
): Promise<T> {
  const opening = session.page.waitForEvent('popup', { timeout: session.timeoutMs });
  opening.catch(() => undefined); // a failed click is reported instead
  await click(session, path);
  const popup = await opening.catch((error: unknown) => {
    throw new TransientUiError('KANSLIST_POPUP_NOT_OPENED', `Clicking "${path}" opened no popup window within ${session.timeoutMs} ms`, {
      cause: error,
      where: `target ${path}`,
    });
  });
  const closed = new Promise<void>((resolve) => (popup.isClosed() ? resolve() : popup.once('close', () => resolve())));
  await popup.waitForLoadState('domcontentloaded', { timeout: session.timeoutMs }).catch(() => undefined); // it may close at once
  const result = await work(uiFor(popup));
  if (opts.waitForClose ?? true) {
    await withTimeout(
      closed,
      session.timeoutMs,
      () =>
        new TransientUiError('KANSLIST_POPUP_NOT_CLOSED', `The popup opened by "${path}" did not close within ${session.timeoutMs} ms`, {
          where: `target ${path}`,
        }),
    );
  }
  return result;
}
