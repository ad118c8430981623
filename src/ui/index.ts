/** src/ui: system maps, drift-proof targets, ctx.ui, dialogs, evidence. */
export { launchBrowser, findBrowser, requireBrowser, CHROMIUM_FLAGS } from './browser.ts';
export { defineSystem, resolveBaseUrl, credentialsFromEnv, systemEnvPrefix } from './system.ts';
export type { System, SystemDefinition, TargetPath, TargetSpec, TargetDefinition, ScreensDefinition, PageErrorDefinition, Availability, Credentials, LoginContext, ResolvedTarget, NavigationContext, ScreenNavigation, NavigationDefinition, ChangePasswordContext } from './system.ts';
export type { PasswordPolicy, CharacterKind } from './password-policy.ts';
export { describeStrategy, strategyLocator, type Strategy, type AriaRole } from './strategies.ts';
export { resolveTarget, countTarget, countStrategyMatches, type TargetCount, type Resolution, type DriftEvent, type StrategyCount } from './targets.ts';
export { assertNoPageError } from './page-errors.ts';
export { createUi, DEFAULT_TIMEOUT_MS, type Ui, type CreateUiOptions, type TracingPause, type SelectOption, type WaitState, type TypeOptions, type ChooseOptions, type ActOptions } from './ui.ts';
export { MASKED_VALUE, type UiRecorder, type UiActionEvent, type UiDriftEvent, type UiDialogEvent, type UiActionKind } from './recorder.ts';
export type { DialogAnswer } from './dialogs.ts';
export type { FramePath, FrameStep } from './frames.ts';
export { captureEvidence, maskLocators, type Evidence } from './evidence.ts';
export type { ReadGridOptions } from './grid.ts';
export { chunkedTracing, withTracingPaused } from './tracing.ts';
