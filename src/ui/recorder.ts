/**
 * The recorder: how ctx.ui reports every action, drift, dialog and navigation to the runner
 * (audit trail, drift store, logs). src/ui knows nothing of the store; the runner implements this.
 */
export type UiActionKind =
  'click' | 'fill' | 'select' | 'check' | 'uncheck' | 'upload' | 'download' | 'read' | 'goto' | 'press' | 'type' | 'choose' | 'locate';

export interface UiActionEvent {
  target: string;
  /** Description of the strategy that matched (e.g. `label "Fastighet"`). */
  strategy: string;
  action: UiActionKind;
  /** Already '•••' when the target is sensitive; personal values are passed as-is and flagged. */
  value?: string;
  personal?: boolean;
  at: number;
  durationMs: number;
}

export interface UiDriftEvent {
  target: string;
  failedStrategy: string;
  matchedStrategy: string;
  matchedIndex: number;
  at: number;
  /** A stable new first strategy for the element that matched, as map source (`{ css: '#txtUser' }`), when one was found. */
  suggested?: string;
}

export interface UiDialogEvent {
  type: string;
  message: string;
  expected: boolean;
  response: 'accept' | 'dismiss';
  at: number;
}

/** An interstitial (system map `interstitials`) was shown while `target` was awaited, and passed. */
export interface UiInterstitialEvent {
  name: string;
  target: string;
  at: number;
  durationMs: number;
}

export interface UiRecorder {
  action(event: UiActionEvent): void | Promise<void>;
  drift(event: UiDriftEvent): void | Promise<void>;
  dialog(event: UiDialogEvent): void | Promise<void>;
  navigation?(event: { url: string; at: number }): void | Promise<void>;
  interstitial?(event: UiInterstitialEvent): void | Promise<void>;
}

export const MASKED_VALUE = '•••';

export const NO_RECORDER: UiRecorder = { action() {}, drift() {}, dialog() {} };

/**
 * Wraps a recorder for events raised inside Playwright event handlers (dialogs, navigations),
 * where a failure cannot be thrown to the bot: the first failure is kept and thrown by the next
 * ui call, so a broken audit trail stops the bot instead of going unnoticed.
 */
export class RecorderChannel {
  // Boxed, so that even a rejection with `undefined` is kept and thrown rather than lost.
  private failure: { error: unknown } | undefined;

  constructor(readonly recorder: UiRecorder) {}

  fire(send: (recorder: UiRecorder) => void | Promise<void>): void {
    try {
      void Promise.resolve(send(this.recorder)).catch((error: unknown) => this.keep(error));
    } catch (error) {
      this.keep(error);
    }
  }

  throwIfFailed(): void {
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure.error;
    }
  }

  private keep(error: unknown): void {
    this.failure ??= { error };
  }
}
