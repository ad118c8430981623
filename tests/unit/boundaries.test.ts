import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('import boundaries', () => {
  it('src/ never imports what an organisation writes (bots, selectors, schedules, reports)', () => {
    const offenders = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
      imports(file)
        .filter((spec) => /(^|\/)(bots|selectors|schedules|reports)\//.test(spec) && spec.startsWith('.'))
        .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('src/ui knows nothing of the store, and src/store nothing of the browser', () => {
    const uiToStore = sourceFiles(join(ROOT, 'src', 'ui')).filter((f) => imports(f).some((s) => s.includes('/store/')));
    const storeToUi = sourceFiles(join(ROOT, 'src', 'store')).filter((f) =>
      imports(f).some((s) => s.includes('playwright') || s.includes('/ui/')),
    );
    expect([...uiToStore, ...storeToUi].map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('bots and system maps use only the public API, never framework internals', () => {
    const files = ['bots', 'selectors'].flatMap((d) => sourceFiles(join(ROOT, d)));
    const internal = files.flatMap((file) =>
      imports(file)
        .filter((s) => s.includes('/src/'))
        .map((s) => `${relative(ROOT, file)} imports ${s}`),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(internal).toEqual([]);
  });

  it('what an organisation writes imports Kanslist only through its entry points', () => {
    const files = ['bots', 'selectors', 'schedules', 'reports', 'templates'].flatMap((d) => sourceFiles(join(ROOT, d)));
    const entryPoints = new Set(['kanslist', 'kanslist/report', 'kanslist/runtime', 'kanslist/testing']);
    const other = files.flatMap((file) =>
      imports(file)
        .filter((s) => s.startsWith('kanslist') && !entryPoints.has(s))
        .map((s) => `${relative(ROOT, file)} imports ${s}`),
    );
    expect(other).toEqual([]);
  });

  it('src/ holds no knowledge of the example bot or its system, except the bundled fixtures', () => {
    const files = sourceFiles(join(ROOT, 'src')).filter((f) => !f.includes(`${join('src', 'fixtures')}`));
    const naming = files.filter((file) => /bygglov|caseNumber/.test(readFileSync(file, 'utf8'))).map((f) => relative(ROOT, f));
    expect(naming).toEqual([]);
  });
});
