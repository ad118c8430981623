/** The actions behind `kanslist init` and `kanslist new system|bot`. */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ConfigError } from '../../errors.ts';
import { packageManifest } from '../../util/package-info.ts';
import type { InitOptions } from '../commands/init.ts';
import { initFiles } from './init-files.ts';
import { projectSettings } from './project-settings.ts';
import { botSkeleton, checkName, systemSkeleton } from './skeletons.ts';
import { writeScaffold } from './write-files.ts';

export function initProject(dir: string, o: InitOptions): void {
  const root = resolve(dir);
  const settings = projectSettings({
    name: basename(root),
    organisation: o.organisation,
    country: o.country,
    language: o.language,
    timeZone: o.timeZone,
    kanslistSpec: o.kanslist ?? `^${packageManifest().version}`,
  });
  const written = writeScaffold(root, initFiles(settings), 'kanslist init');
  console.log(`Made a robot repository for ${settings.organisation} in ${root} (${written.length} files).`);
  console.log(`Next:\n  cd ${dir}\n  npm run demo    # CaseHub and the permit bot\n  npm test        # the bot's test against CaseHub`);
}

export function newSystem(name: string): void {
  checkName('system', name);
  const [file] = writeScaffold(
    process.cwd(),
    [{ path: join('selectors', `${name}.ts`), text: systemSkeleton(name) }],
    'kanslist new system',
  );
  console.log(`Wrote ${file}. Fill in its screens, then \`npx kanslist check ${name}\`.`);
}

export function newBot(name: string, system: string): void {
  checkName('bot', name);
  if (!existsSync(join(process.cwd(), 'selectors', `${system}.ts`))) {
    throw new ConfigError('KANSLIST_SYSTEM_UNKNOWN', `There is no system map "${system}" in selectors/.`, {
      where: join(process.cwd(), 'selectors'),
      remedy: `Make one first: \`npx kanslist new system ${system}\`.`,
    });
  }
  const [file] = writeScaffold(process.cwd(), [{ path: join('bots', `${name}.ts`), text: botSkeleton(name, system) }], 'kanslist new bot');
  console.log(`Wrote ${file}. Fill in its input and process(), then \`npx kanslist run ${name} --input <file>\`.`);
}
