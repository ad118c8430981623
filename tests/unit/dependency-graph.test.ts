/**
 * src/DEPS.list says which folder of src/ may import which, and which folders may use the
 * browser or the database packages; scripts/check-deps.mjs checks every import against it,
 * `import type` and multi-line imports included, and names the offending file, line and import.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JavaScript script without declarations (it runs before anything is installed).
import { checkDeps } from '../../scripts/check-deps.mjs';
import { useTempDir } from '../helpers/temp-dir.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const tempDir = useTempDir('kanslist-deps-');
const check = checkDeps as (srcDir: string) => string[];

describe('the dependency table of src/', () => {
  it('allows every import in src/ as it is', () => {
    expect(check(SRC)).toEqual([]);
  });

  it('names a wrong import, a type-only browser import in the store and an import of a user folder', () => {
    const src = join(tempDir(), 'src');
    mkdirSync(src);
    cpSync(join(SRC, 'DEPS.list'), join(src, 'DEPS.list'));
    const write = (path: string, text: string) => {
      mkdirSync(join(src, path, '..'), { recursive: true });
      writeFileSync(join(src, path), text);
    };
    write('report/chart.ts', 'export const chart = 1;\n');
    write(
      'ui/targets.ts',
      "// the browser layer reaching into the reports\nimport {\n  chart,\n} from '../report/chart.ts';\nexport const x = chart;\n",
    );
    write('store/queue.ts', "import type { Page } from 'playwright-core';\nexport type P = Page;\n");
    write('runner/run.ts', "export async function load() {\n  return import('../../bots/bygglov.ts');\n}\n");
    expect(check(src)).toEqual([
      'src/runner/run.ts:2 imports ../../bots/bygglov.ts (outside src/: the framework never imports what an organisation writes)',
      'src/store/queue.ts:1 imports playwright-core (src/DEPS.list keeps playwright-core out of store)',
      'src/ui/targets.ts:4 imports ../report/chart.ts (src/DEPS.list does not let ui import report)',
    ]);
  });
});
