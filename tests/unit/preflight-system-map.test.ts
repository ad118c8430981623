/**
 * Declaring navigation and conditional targets in a system map: validated when the map is defined
 * (naming the map file and field), and read by the preflight's plan and by the bot-screen reader.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import casehub from '../../selectors/casehub.ts';
import { ConfigError } from '../../src/errors.ts';
import { screensUsedByBotFile, screensUsedInSource } from '../../src/preflight/bot-screens.ts';
import { planScreens } from '../../src/preflight/plan.ts';
import { defineSystem, type System } from '../../src/ui/system.ts';
import { thrown } from '../helpers/thrown.ts';

const base = { name: 'casehub', baseUrl: 'http://127.0.0.1:8080' } as const;
const screens = {
  login: { user: [{ css: '#u' }] },
  menu: { open: [{ role: 'link', name: 'Öppna' }] },
  done: { heading: [{ css: 'h1' }] },
} as const;

function defineWith(navigation: unknown, extra: Record<string, unknown> = {}): System {
  return defineSystem({ ...base, ...extra, screens, navigation: navigation as never });
}

describe('system map navigation', () => {
  it('rejects navigation for a screen the map does not have, naming the file, the field and the screens', () => {
    const error = thrown(() => defineWith({ mneu: {} }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe('KANSLIST_SYSTEM_MAP_INVALID');
    expect(error.where).toBe('selectors/casehub.ts, navigation.mneu');
    expect(error.message).toContain('login, menu, done');
  });

  it('rejects reach together with unreachable, a bad phase, an empty reason and unknown keys', () => {
    expect(thrown(() => defineWith({ done: { reach: async () => {}, unreachable: 'needs a case' } })).message).toContain(
      'either reach or unreachable',
    );
    expect(thrown(() => defineWith({ login: { phase: 'before' } })).where).toBe('selectors/casehub.ts, navigation.login.phase');
    expect(thrown(() => defineWith({ done: { unreachable: '  ' } })).where).toBe('selectors/casehub.ts, navigation.done.unreachable');
    expect(thrown(() => defineWith({ done: { reach: 'menu.open' } })).where).toBe('selectors/casehub.ts, navigation.done.reach');
    expect(thrown(() => defineWith({ menu: { rech: async () => {} } })).message).toContain('unknown key(s) rech');
    expect(thrown(() => defineWith({}, { logout: '/Logout.aspx' })).where).toBe('selectors/casehub.ts, logout');
  });

  it('rejects an empty onlyWhen on a target and keeps a given one on the resolved target', () => {
    const empty = thrown(() =>
      defineSystem({ ...base, screens: { search: { noHits: { onlyWhen: '', strategies: [{ css: '#lblInga' }] } } } }),
    );
    expect(empty.where).toBe('selectors/casehub.ts, screen search, target noHits, onlyWhen');
    const system = defineSystem({
      ...base,
      screens: { search: { noHits: { onlyWhen: 'a search found nothing', strategies: [{ css: '#lblInga' }] }, submit: [{ css: '#btn' }] } },
    });
    expect(system.target('search.noHits').onlyWhen).toBe('a search found nothing');
    expect(system.target('search.submit').onlyWhen).toBeUndefined();
  });
});

describe('preflight plan', () => {
  const system = defineWith({
    login: { phase: 'before-login', reach: async () => {} },
    menu: {},
    done: { unreachable: 'shows only after a registration' },
  });

  it('keeps the map order and phases; an unreachable screen and one without navigation are not checked, with why', () => {
    const plan = planScreens(
      defineSystem({
        ...base,
        screens: { ...screens, extra: { x: [{ css: '#x' }] } },
        navigation: { menu: {}, done: { unreachable: 'needs a case' } },
      }),
    );
    expect(plan.map((s) => [s.screen, s.phase])).toEqual([
      ['login', 'after-login'],
      ['menu', 'after-login'],
      ['done', 'after-login'],
      ['extra', 'after-login'],
    ]);
    expect(plan.find((s) => s.screen === 'menu')!.notChecked).toBeUndefined();
    expect(plan.find((s) => s.screen === 'done')!.notChecked).toContain('needs a case');
    expect(plan.find((s) => s.screen === 'extra')!.notChecked).toBe('selectors/casehub.ts declares no navigation for screen "extra"');
    expect(planScreens(system).find((s) => s.screen === 'login')).toMatchObject({ phase: 'before-login', targets: ['login.user'] });
  });

  it('narrows to the screens asked for, and names unknown ones with the screens there are', () => {
    expect(planScreens(system, ['done', 'login']).map((s) => s.screen)).toEqual(['login', 'done']);
    const error = thrown(() => planScreens(system, ['login', 'nyttArende']));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe('KANSLIST_PREFLIGHT_UNKNOWN_SCREEN');
    expect(error.message).toContain('"nyttArende"');
    expect(error.remedy).toContain('login, menu, done');
  });

  it("declares CaseHub's navigation: login and the password page before logging in; the CSRF warning, logout, the popup and the receipt unreachable", () => {
    const plan = planScreens(casehub);
    expect(plan.filter((s) => s.phase === 'before-login').map((s) => s.screen)).toEqual(['login', 'password']);
    expect(plan.filter((s) => s.notChecked !== undefined).map((s) => s.screen)).toEqual(['csrf', 'logout', 'personPopup', 'receipt']);
    expect(plan.find((s) => s.screen === 'receipt')!.notChecked).toContain('never registers a case');
  });
});

describe('screens a bot uses', () => {
  it('finds the screens of target paths named in the source, plus the login screen', () => {
    const source = `await ui.click('menu.open'); const label = "done.heading"; ui.text(\`menu.open\`); // 'menu.missing', 'other.thing', 'done.heading'x`;
    const system = defineWith({ login: { phase: 'before-login' } });
    expect(screensUsedInSource(source, system)).toEqual(['login', 'menu', 'done']);
    expect(screensUsedInSource('nothing here', defineWith({}))).toEqual([]);
  });
});

describe('screens of the example bot', () => {
  it('reads every CaseHub screen bygglov-registrering names, and the screens before login (login, password)', () => {
    const file = join(import.meta.dirname, '..', '..', 'bots', 'bygglov-registrering.ts');
    expect(screensUsedByBotFile(file, casehub as unknown as System)).toEqual([
      'login',
      'password',
      'menu',
      'newCase',
      'personPopup',
      'receipt',
      'search',
    ]);
  });
});
