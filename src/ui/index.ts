/** src/ui: system maps, drift-proof targets, ctx.ui, dialogs, evidence. */
export { launchBrowser, findBrowser, requireBrowser, CHROMIUM_FLAGS } from './browser.ts';
export { defineSystem, resolveBaseUrl, systemEnvPrefix } from './system.ts';
export type {
  System,
  SystemDefinition,
  TargetPath,
  TargetSpec,
  TargetDefinition,
  ScreensDefinition,
  PageErrorDefinition,
  InterstitialDefinition,
  InterstitialContext,
  Availability,
  Credentials,
  LoginContext,
  ResolvedTarget,
  NavigationContext,
  ScreenNavigation,
  NavigationDefinition,
  ChangePasswordContext,
} from './system.ts';
export type { PasswordPolicy, CharacterKind } from './password-policy.ts';
export { describeStrategy, strategyLocator, type Strategy, type AriaRole } from './strategies.ts';
export {
  resolveTarget,
  countTarget,
  countStrategyMatches,
  type TargetCount,
  type Resolution,
  type DriftEvent,
  type StrategyCount,
} from './targets.ts';
export { assertNoPageError } from './page-errors.ts';
export {
  createUi,
  DEFAULT_TIMEOUT_MS,
  type Ui,
  type CreateUiOptions,
  type TracingPause,
  type SelectOption,
  type WaitState,
  type TypeOptions,
  type ChooseOptions,
  type ActOptions,
  type UiKeyboard,
} from './ui.ts';
export { suggestStrategy, strategySource } from './suggest.ts';
export {
  MASKED_VALUE,
  type UiRecorder,
  type UiActionEvent,
  type UiDriftEvent,
  type UiDialogEvent,
  type UiInterstitialEvent,
  type UiActionKind,
} from './recorder.ts';
export type { DialogAnswer } from './dialogs.ts';
export type { FramePath, FrameStep } from './frames.ts';
export { captureEvidence, maskLocators, type Evidence } from './evidence.ts';
export type { ReadGridOptions, ColumnRef } from './grid.ts';
export type { PartialPostbackOptions, PostbackOptions } from './partial-postback.ts';
export { chunkedTracing, withTracingPaused } from './tracing.ts';
