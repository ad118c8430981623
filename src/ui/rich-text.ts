/**
 * Rich-text editors (CKEditor, TinyMCE and the like): a contenteditable element — the body of an
 * iframe, or an inline div — that keeps its own model and listens to input events.
 *
 * Filling goes through the browser's editing commands (select all, insert text, Enter between
 * lines), as a person typing would, so the editor's model sees the change; setting innerHTML would
 * leave the model (and the form field it posts) stale. The text is read back and compared, so an
 * editor that silently dropped the input is an error, not a quiet success.
 */
import type { Locator } from 'playwright-core';

/** Text as a reader sees it: lines trimmed, empty lines (paragraph gaps) dropped, no \r or nbsp. */
export function normaliseRichText(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Replaces the editor's content with `text`, one paragraph per line. */
export async function fillRichText(editable: Locator, text: string, timeoutMs: number): Promise<void> {
  const [first = '', ...rest] = text.replace(/\r/g, '').split('\n');
  // fill() selects everything in a contenteditable and inserts the text (input events included).
  await editable.fill(first, { timeout: timeoutMs });
  const keyboard = editable.page().keyboard; // types into the focused element, in whichever frame
  for (const line of rest) {
    await keyboard.press('Enter'); // a new paragraph, the way the editor makes it
    if (line.length > 0) await keyboard.insertText(line);
  }
}

/** The editor's text, normalised (see normaliseRichText). */
export async function readRichText(editable: Locator, timeoutMs: number): Promise<string> {
  return normaliseRichText(await editable.innerText({ timeout: timeoutMs }));
}
