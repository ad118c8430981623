/**
 * Importing a file the organisation wrote (config, bot, system map, schedule, report) by path.
 * Those are TypeScript run without a build step, so the TypeScript loader (tsx) is registered the
 * first time one is imported — and only then: Kanslist itself is built JavaScript, and commands
 * that read no user file (`--help`, `runs`, `items`) never pay for the loader.
 */
import { pathToFileURL } from 'node:url';

let loaderReady: Promise<void> | undefined;

/**
 * When this module itself was transformed by Vite (Kanslist's own tests run its sources under
 * Vitest), Vite also transforms what it imports. Vite gives such modules an `import.meta.env`;
 * Node never does. Installed Kanslist is plain JavaScript run by Node, also inside a project's
 * Vitest tests, and needs the loader there too.
 */
const transformedByVite = (import.meta as { env?: unknown }).env !== undefined;

/** Registers tsx once per process, unless something already transforms TypeScript (Vite, tsx itself). */
function ensureTypeScriptLoader(): Promise<void> {
  loaderReady ??= (async () => {
    if (transformedByVite || alreadyTransformsTypeScript()) return;
    // Both loaders: a project folder whose package.json does not say "type": "module" (or has
    // none) loads its .ts files as CommonJS, which only tsx's require hook transforms.
    const [esm, cjs] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
    esm.register();
    cjs.register();
  })();
  return loaderReady;
}

/** True when this process already runs under a TypeScript loader (`tsx`, `node --import tsx`). */
function alreadyTransformsTypeScript(): boolean {
  return process.execArgv.some((arg) => arg.includes('tsx')) || (process.env.NODE_OPTIONS ?? '').includes('tsx');
}

export async function importUserModule<T = { default?: unknown }>(file: string): Promise<T> {
  await ensureTypeScriptLoader();
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  // A file loaded as CommonJS arrives wrapped once more: its whole exports object is `default`.
  const inner = module.default;
  if (inner !== null && typeof inner === 'object' && '__esModule' in inner) return inner as T;
  return module as T;
}
