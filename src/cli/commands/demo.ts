import { Option, type Command } from 'commander';
import { intOption } from '../options.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'The main job: start CaseHub with mild faults, generate e-service applications, run the example registration bot, print the summary, write the reports',
    )
    .option('--count <n>', 'applications to generate', intOption('--count', 1), 24)
    .option('--concurrency <n>', 'workers', intOption('--concurrency', 1), 2)
    .addOption(
      new Option(
        '--layout <layout>',
        'CaseHub layout (v2 shows selector drift; v3 adds partial postbacks, a two-row grid and a CSRF warning)',
      )
        .choices(['v1', 'v2', 'v3'])
        .default('v1'),
    )
    .action(async (o: { count: number; concurrency: number; layout: 'v1' | 'v2' | 'v3' }) => {
      const { runDemo } = await import('./demo-run.ts');
      await runDemo(o);
    });
}
