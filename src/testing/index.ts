/**
 * `kanslist/testing`: what a bot's own tests need — CaseHub (the bundled legacy case system) on a
 * free loopback port, the synthetic population and e-service export generator, a manual clock for
 * schedules, and a way to run a bot against a system and read its outcomes.
 */
export { startCaseHub, CLERK_ACCOUNT, ROBOT_ACCOUNTS, robotAccountsEnv, LAYOUTS, DEFAULT_USERS } from '../fixtures/casehub/index.ts';
export type { CaseHub, CaseHubOptions, CaseHubFaults, CaseHubCase, LayoutName } from '../fixtures/casehub/index.ts';
export { startWidgetsFixture, WIDGET_PAGES, MUNICIPALITIES, type WidgetsFixture } from '../fixtures/widgets/index.ts';
export * from '../fixtures/inputs/index.ts';
export { findPerson, populationRegister } from '../fixtures/population/register.ts';
export { ManualClock } from '../schedule/daemon/index.ts';
export { runBotForTest, type BotTestOptions, type BotTestRun } from './run-bot.ts';
