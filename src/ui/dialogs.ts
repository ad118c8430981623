/**
 * Dialog policy: ONE `page.on('dialog')` handler per page (popups included).
 *
 * A JavaScript alert/confirm/prompt blocks the page until answered, so every dialog is answered:
 * by the matching expectation registered with `expectDialog` (before the action that raises it),
 * or else by the system's `dialogs.unexpected` policy. Alerts are always accepted (OK is their
 * only button). Every dialog is recorded, expected or not.
 */
import type { Dialog, Page } from 'playwright-core';
import type { RecorderChannel } from './recorder.ts';

export type DialogAnswer = 'accept' | 'dismiss' | { prompt: string };

interface Expectation {
  readonly match: string | RegExp;
  readonly answer: DialogAnswer;
  readonly resolve: (message: string) => void;
}

export interface PendingDialog {
  /** Resolves with the dialog's message once a matching dialog was answered. */
  readonly message: Promise<string>;
  cancel(): void;
}

export class DialogGuard {
  private readonly expectations: Expectation[] = [];

  constructor(
    private readonly unexpectedPolicy: 'accept' | 'dismiss',
    private readonly channel: RecorderChannel,
  ) {}

  /** Register BEFORE the action that raises the dialog. */
  expect(match: string | RegExp, answer: DialogAnswer): PendingDialog {
    let expectation: Expectation | undefined;
    const message = new Promise<string>((resolve) => {
      expectation = { match, answer, resolve };
      this.expectations.push(expectation);
    });
    return {
      message,
      cancel: () => {
        const index = expectation ? this.expectations.indexOf(expectation) : -1;
        if (index >= 0) this.expectations.splice(index, 1);
      },
    };
  }

  async handle(dialog: Dialog): Promise<void> {
    const message = dialog.message();
    const index = this.expectations.findIndex((expectation) => matches(expectation.match, message));
    const expectation = index >= 0 ? this.expectations.splice(index, 1)[0] : undefined;
    const answer: DialogAnswer = dialog.type() === 'alert' ? 'accept' : (expectation?.answer ?? this.unexpectedPolicy);
    // Answer first: a recorder failure must never leave the page blocked.
    await respond(dialog, answer);
    this.channel.fire((recorder) =>
      recorder.dialog({
        type: dialog.type(),
        message,
        expected: expectation !== undefined,
        response: answer === 'dismiss' ? 'dismiss' : 'accept',
        at: Date.now(),
      }),
    );
    expectation?.resolve(message);
  }
}

function matches(match: string | RegExp, message: string): boolean {
  return typeof match === 'string' ? message.includes(match) : match.test(message);
}

async function respond(dialog: Dialog, answer: DialogAnswer): Promise<void> {
  try {
    if (answer === 'dismiss') await dialog.dismiss();
    else if (answer === 'accept') await dialog.accept();
    else await dialog.accept(answer.prompt);
  } catch {
    // The page closed while the dialog was open: nothing is left to answer.
  }
}

const guards = new WeakMap<Page, DialogGuard>();

/** The page's one guard, installed on first use; later calls return the same guard. */
export function dialogGuardFor(page: Page, unexpectedPolicy: 'accept' | 'dismiss', channel: RecorderChannel): DialogGuard {
  let guard = guards.get(page);
  if (!guard) {
    const created = new DialogGuard(unexpectedPolicy, channel);
    page.on('dialog', (dialog) => void created.handle(dialog));
    guards.set(page, created);
    guard = created;
  }
  return guard;
}
