/**
 * `kanslist init [dir]` scaffolds an organisation's robot repository; `kanslist new system|bot`
 * adds typed skeletons to one. None of them overwrites a file.
 */
import type { Command } from 'commander';

export interface InitOptions {
  organisation?: string;
  country?: string;
  language?: string;
  timeZone?: string;
  kanslist?: string;
}

export function registerInitCommands(program: Command): void {
  program
    .command('init [dir]')
    .description(
      'Make a robot repository for your organisation: package.json, config, a system map, a bot, a schedule, a test, a README and CI',
    )
    .option('--organisation <name>', 'name printed on reports and letters')
    .option('--country <code>', 'SE, DK or DE: gives the language, time zone and working year (default SE)')
    .option('--language <code>', "sv, da, de or en (default: the country's)")
    .option('--time-zone <zone>', "IANA time zone (default: the country's)")
    .option('--kanslist <spec>', 'how package.json depends on Kanslist: a version range, file:… or a git URL (default: this version)')
    .action(async (dir: string | undefined, o: InitOptions) => {
      const { initProject } = await import('../scaffold/init-project.ts');
      initProject(dir ?? '.', o);
    });

  const add = program.command('new').description('Add a typed skeleton to this repository: a system map or a bot');
  add
    .command('system <name>')
    .description('selectors/<name>.ts: a system map with login, error pages and a first screen')
    .action(async (name: string) => {
      const { newSystem } = await import('../scaffold/init-project.ts');
      newSystem(name);
    });
  add
    .command('bot <name>')
    .description('bots/<name>.ts: a bot working in one system, with input, key, validation and manual minutes')
    .requiredOption('--system <name>', 'the system map it works in (selectors/<name>.ts)')
    .action(async (name: string, o: { system: string }) => {
      const { newBot } = await import('../scaffold/init-project.ts');
      newBot(name, o.system);
    });
}
