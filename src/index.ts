/**
 * `kanslist`: what an organisation's own files import — the config, system maps, bots and
 * schedules, their inputs, errors and identity numbers. The report toolkit is `kanslist/report`,
 * the machinery that runs bots `kanslist/runtime`, and helpers for a bot's tests `kanslist/testing`.
 */
export { defineConfig } from './config/config.ts';
export type { KanslistConfig, KanslistConfigInput, Language, ReportsConfig, RobotCostsConfig } from './config/config.ts';
export * from './errors.ts';
export { defineSystem } from './ui/index.ts';
export type { System, Ui, Strategy, Credentials, TargetPath, TargetDefinition, UiRecorder } from './ui/index.ts';
export type { ScreenNavigation, NavigationContext, ChangePasswordContext } from './ui/system.ts';
export type { PasswordPolicy, CharacterKind } from './ui/password-policy.ts';
export { defineBot } from './runner/bot.ts';
export type { BotDefinition, BotContext, BotRetry, BotSettings, VerifyResult } from './runner/bot.ts';
export { RUNNER_DEFAULTS } from './runner/defaults.ts';
export { xlsx, csv, json, fromFunction } from './inputs/index.ts';
export type { InputSource, InputRow, Columns, ColumnSpec } from './inputs/index.ts';
export { parsePersonnummer, isValidPersonnummer, parseCpr, isValidCpr, InvalidIdentityNumberError } from './identity/index.ts';
export { defineSchedule } from './schedule/index.ts';
export type { Schedule, ScheduleInput } from './schedule/index.ts';
