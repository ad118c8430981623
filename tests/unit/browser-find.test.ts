import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError } from '../../src/errors.ts';
import { browserNotFound, findBrowser } from '../../src/ui/browser.ts';

function fakeExecutable(name: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-browser-'));
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return { dir, path };
}

describe('finding a browser', () => {
  it('takes KANSLIST_BROWSER before the config setting and before any other browser', () => {
    const fromEnv = fakeExecutable('my-chrome');
    const fromConfig = fakeExecutable('other-chrome');
    const found = findBrowser({ executablePath: fromConfig.path, env: { KANSLIST_BROWSER: fromEnv.path, PATH: '' } });
    expect(found).toEqual({ executablePath: fromEnv.path, source: 'setting' });
  });

  it('takes the config setting when no environment variable is set', () => {
    const fromConfig = fakeExecutable('chrome');
    expect(findBrowser({ executablePath: fromConfig.path, env: { PATH: '' } })).toEqual({
      executablePath: fromConfig.path,
      source: 'setting',
    });
  });

  it('names the setting when the configured browser does not exist', () => {
    expect(() => findBrowser({ env: { KANSLIST_BROWSER: '/nowhere/chrome' } })).toThrowError(/KANSLIST_BROWSER|does not exist/);
    try {
      findBrowser({ env: { KANSLIST_BROWSER: '/nowhere/chrome' } });
    } catch (error) {
      expect(error).toBeInstanceOf(BrowserNotFoundError);
      expect((error as BrowserNotFoundError).where).toContain('KANSLIST_BROWSER');
    }
  });

  it('finds a system Chromium on PATH when nothing is configured', () => {
    const system = fakeExecutable('chromium');
    const found = findBrowser({ env: { PATH: system.dir }, systemPaths: [], playwrightBrowser: false });
    expect(found).toEqual({ executablePath: system.path, source: 'system' });
  });

  it('finds nothing when there is nothing, and the error says how to install one', () => {
    expect(findBrowser({ env: { PATH: '' }, systemPaths: [], playwrightBrowser: false })).toBeUndefined();
    const error = browserNotFound();
    expect(error.code).toBe('KANSLIST_NO_BROWSER');
    expect(error.remedy).toMatch(/apt-get install chromium/);
    expect(error.remedy).toMatch(/KANSLIST_BROWSER/);
  });
});
