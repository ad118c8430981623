/** System maps are validated when defined, naming the system, screen and target. */
import { describe, expect, it } from 'vitest';
import { ConfigError, FatalBotError } from '../../src/errors.ts';
import { defineSystem, resolveBaseUrl } from '../../src/ui/system.ts';

const base = { name: 'casehub', baseUrl: 'http://127.0.0.1:8080' } as const;

function configErrorOf(define: () => unknown): ConfigError {
  try {
    define();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('defineSystem', () => {
  it('rejects an unknown strategy key, naming system, screen and target', () => {
    const error = configErrorOf(() => defineSystem({ ...base, screens: { newCase: { property: [{ lable: 'Fastighet' } as never] } } }));
    expect(error.message).toContain('casehub');
    expect(error.message).toContain('screen newCase, target property');
    expect(error.message).toContain('lable');
  });

  it('rejects an empty strategy list and a bad availability time', () => {
    expect(configErrorOf(() => defineSystem({ ...base, screens: { s: { t: [] } } })).message).toContain('target t');
    const late = configErrorOf(() => defineSystem({ ...base, availability: { days: 'mon-fri', from: '06:00', to: '24:30' }, screens: {} }));
    expect(late.message).toContain('availability.to');
    expect(
      configErrorOf(() => defineSystem({ ...base, availability: { days: 'mån-fre', from: '06:00', to: '22:00' }, screens: {} })).message,
    ).toContain('availability.days');
  });

  it('makes an unknown target path at run time a fatal bot error', () => {
    const system = defineSystem({ ...base, screens: { login: { submit: [{ role: 'button', name: 'Logga in' }] } } });
    expect(system.target('login.submit').strategies).toHaveLength(1);
    expect(() => system.target('login.sumbit')).toThrow(FatalBotError);
    expect(system.maxSessions).toBe(1);
    expect(system.dialogs.unexpected).toBe('accept');
  });

  it('takes the base URL from env, then config, then the map', () => {
    const system = defineSystem({ ...base, name: 'case-hub', screens: {} });
    expect(resolveBaseUrl(system, { env: {} })).toBe('http://127.0.0.1:8080');
    expect(resolveBaseUrl(system, { env: {}, configured: 'http://cfg' })).toBe('http://cfg');
    expect(resolveBaseUrl(system, { env: { KANSLIST_CASE_HUB_URL: 'http://env' }, configured: 'http://cfg' })).toBe('http://env');
  });
});
