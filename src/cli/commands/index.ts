import type { Command } from 'commander';
import { registerAuditCommand } from './audit.ts';
import { registerBotsCommand } from './bots.ts';
import { registerCheckCommand } from './check.ts';
import { registerBrowserCommand } from './browser.ts';
import { registerDemoCommand } from './demo.ts';
import { registerFixtureCommand } from './fixture.ts';
import { registerRetryCommand } from './retry.ts';
import { registerReportCommand } from './report.ts';
import { registerReviewCommand } from './review.ts';
import { registerRunCommand } from './run.ts';
import { registerRunsCommands } from './runs.ts';
import { registerSchedulesCommand } from './schedules.ts';
import { registerScheduleCommand } from './schedule.ts';
import { registerSchedulerCommand } from './scheduler.ts';
import { registerVaultCommand } from './vault.ts';
import { registerInitCommands } from './init.ts';
import { registerServeCommands } from './serve.ts';

export function registerCommands(program: Command): void {
  registerDemoCommand(program);
  registerRunCommand(program);
  registerBotsCommand(program);
  registerRunsCommands(program);
  registerRetryCommand(program);
  registerReviewCommand(program);
  registerReportCommand(program);
  registerFixtureCommand(program);
  registerBrowserCommand(program);
  registerAuditCommand(program);
  registerVaultCommand(program);
  registerSchedulesCommand(program);
  registerScheduleCommand(program);
  registerSchedulerCommand(program);
  registerCheckCommand(program);
  registerInitCommands(program);
  registerServeCommands(program);
}
