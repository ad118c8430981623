/**
 * Importing a file the organisation wrote (config, bot, system map, schedule, report) by path.
 * Those are TypeScript run without a build step, so the TypeScript loader (tsx) is registered the
 * first time one is imported — and only then: Kanslist itself is built JavaScript, and commands
 * that read no user file (`--help`, `runs`, `items`) never pay for the loader.
 */
import { pathToFileURL } from 'node:url';

let loaderReady: Promise<void> | undefined;

/** Registers tsx once per process, unless something already transforms TypeScript (Vitest, tsx itself). */
function ensureTypeScriptLoader(): Promise<void> {
  loaderReady ??= (async () => {
    if (process.env.VITEST || alreadyTransformsTypeScript()) return;
    const { register } = await import('tsx/esm/api');
    register();
  })();
  return loaderReady;
}

/** True when this process already runs under a TypeScript loader (`tsx`, `node --import tsx`). */
function alreadyTransformsTypeScript(): boolean {
  return process.execArgv.some((arg) => arg.includes('tsx')) || (process.env.NODE_OPTIONS ?? '').includes('tsx');
}

export async function importUserModule<T = { default?: unknown }>(file: string): Promise<T> {
  await ensureTypeScriptLoader();
  return (await import(pathToFileURL(file).href)) as T;
}
