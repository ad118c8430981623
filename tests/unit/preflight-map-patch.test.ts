/**
 * The suggestion patch without a browser: finding a target's strategy list in map source written
 * in the ways authors write it (shorthand list, spec with `strategies`, quoted keys, one strategy
 * per line, regular expressions and comments in between), and a unified diff `patch` applies.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { findStrategyList, insertFirst } from '../../src/preflight/map-source.ts';
import { unifiedDiff } from '../../src/preflight/unified-diff.ts';
import { candidates, strategySource } from '../../src/ui/suggest.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('kanslist-map-patch-');

const MAP = `import { defineSystem } from 'kanslist';

// screens: { login: { username: [ ... ] } } in a comment must not be taken for the map
export default defineSystem({
  name: 'ekonomi',
  screens: {
    login: {
      username: [{ css: '#txtUser' }, { label: 'Användare' }],
      password: { strategies: [{ css: '#txtPw' }], sensitive: true },
    },
    'invoice': {
      /* a } in a comment, and a regex with brackets: */
      number: { frame: 'main', strategies: [{ text: /^F[0-9]{4}-\\d+$/ }] },
      amount: {
        frame: 'main',
        strategies: [
          { css: '#belopp' },
          { label: 'Belopp' },
        ],
      },
    },
  },
});
`;

function withFirst(source: string, screen: string, target: string, strategy: string): string {
  const at = findStrategyList(source, screen, target);
  if (at === undefined) throw new Error(`${screen}.${target} not found`);
  return insertFirst(source, at, strategy);
}

it('inserts the new first strategy where each form of target keeps its list, keeping the old ones', () => {
  let source = withFirst(MAP, 'login', 'username', "{ css: '#user' }");
  source = withFirst(source, 'login', 'password', "{ css: '#pw' }");
  source = withFirst(source, 'invoice', 'number', "{ css: '#nr' }");
  source = withFirst(source, 'invoice', 'amount', "{ css: '#amount' }");
  expect(source).toContain("      username: [{ css: '#user' }, { css: '#txtUser' }, { label: 'Användare' }],");
  expect(source).toContain("      password: { strategies: [{ css: '#pw' }, { css: '#txtPw' }], sensitive: true },");
  expect(source).toContain("      number: { frame: 'main', strategies: [{ css: '#nr' }, { text: /^F[0-9]{4}-\\d+$/ }] },");
  expect(source).toContain("        strategies: [\n          { css: '#amount' },\n          { css: '#belopp' },");
  expect(findStrategyList(MAP, 'login', 'nothing')).toBeUndefined();
  expect(findStrategyList(MAP, 'invoice', 'username')).toBeUndefined();
});

it('writes a unified diff that patch -p1 applies to the original', () => {
  const after = withFirst(withFirst(MAP, 'login', 'username', "{ css: '#user' }"), 'invoice', 'amount', "{ css: '#amount' }");
  const diff = unifiedDiff('selectors/ekonomi.ts', MAP, after);
  expect(diff.split('\n').slice(0, 3)).toEqual(['--- a/selectors/ekonomi.ts', '+++ b/selectors/ekonomi.ts', '@@ -5,7 +5,7 @@']);
  // A changed line reads as diff and git show it: the old line, then the new one.
  const changed = diff.split('\n').filter((line) => /^[-+] /.test(line));
  expect(changed[0]).toBe("-      username: [{ css: '#txtUser' }, { label: 'Användare' }],");
  expect(changed[1]).toBe("+      username: [{ css: '#user' }, { css: '#txtUser' }, { label: 'Användare' }],");
  expect(unifiedDiff('selectors/ekonomi.ts', MAP, MAP)).toBe('');
  const root = dir();
  mkdirSync(join(root, 'selectors'));
  writeFileSync(join(root, 'selectors', 'ekonomi.ts'), MAP);
  writeFileSync(join(root, 'heal.patch'), diff);
  execFileSync('patch', ['-p1', '--forward', '-i', 'heal.patch'], { cwd: root });
  expect(readFileSync(join(root, 'selectors', 'ekonomi.ts'), 'utf8')).toBe(after);
});

it('proposes the most stable candidates first, never an id a page makes up per render', () => {
  const facts = {
    id: 'ctl00_Main_txtNamn',
    name: 'ctl00$Main$txtNamn',
    tag: 'input',
    data: [['data-field', 'namn']] as [string, string][],
    ariaLabel: 'Namn',
    role: '',
    roleName: '',
    labelText: 'Sökandens namn',
  };
  expect(candidates(facts).map(strategySource)).toEqual([
    "{ css: '#ctl00_Main_txtNamn' }",
    `{ css: 'input[name="ctl00$Main$txtNamn"]' }`,
    `{ css: '[data-field="namn"]' }`,
    `{ css: '[aria-label="Namn"]' }`,
    "{ label: 'Sökandens namn', exact: true }",
  ]);
  expect(
    candidates({ ...facts, id: ':r1f:', name: '', data: [], ariaLabel: '', role: 'button', roleName: "Spara 'nu'", labelText: '' }).map(
      strategySource,
    ),
  ).toEqual(["{ role: 'button', name: 'Spara \\'nu\\'', exact: true }"]);
});
