import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, storeUrl } from '../../src/config/load.ts';
import { ConfigError } from '../../src/errors.ts';

const SRC_INDEX = join(import.meta.dirname, '..', '..', 'src', 'index.ts');

function project(configBody: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-config-'));
  if (configBody !== undefined) {
    writeFileSync(
      join(dir, 'kanslist.config.ts'),
      `import { defineConfig } from ${JSON.stringify(SRC_INDEX)};\nexport default defineConfig(${configBody});\n`,
    );
  }
  return dir;
}

async function configError(root: string, env: NodeJS.ProcessEnv = {}): Promise<ConfigError> {
  try {
    await loadConfig(root, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('kanslist.config.ts', () => {
  it('gives the defaults when there is no config file, with absolute folders', async () => {
    const root = project(undefined);
    const config = await loadConfig(root, {});
    expect(config).toMatchObject({
      store: 'sqlite:var/kanslist.db',
      timeZone: 'Europe/Stockholm',
      language: 'sv',
      browser: { headless: true },
    });
    expect(config.paths.bots).toBe(join(root, 'bots'));
    expect(storeUrl(config)).toBe(`sqlite:${join(root, 'var', 'kanslist.db')}`);
  });

  it('reads the typed config file and lets environment variables override it', async () => {
    const root = project(
      `{ organisation: 'Trelleborgs kommun', language: 'da', timeZone: 'Europe/Copenhagen', folders: { var: 'state' } }`,
    );
    const config = await loadConfig(root, {
      KANSLIST_LANGUAGE: 'de',
      KANSLIST_STORE: 'postgres://kanslist@db.example/kanslist',
      KANSLIST_HEADLESS: 'false',
    });
    expect(config).toMatchObject({
      organisation: 'Trelleborgs kommun',
      language: 'de',
      timeZone: 'Europe/Copenhagen',
      store: 'postgres://kanslist@db.example/kanslist',
      browser: { headless: false },
    });
    expect(config.paths.var).toBe(join(root, 'state'));
  });

  it('names the key and the file for an invalid value in the file', async () => {
    const root = project(`{ timeZone: 'Europe/Stockholmm' }`);
    const error = await configError(root);
    expect(error.message).toContain('timeZone');
    expect(error.where).toContain('kanslist.config.ts');
    expect(error.remedy).toContain('Europe/Stockholm');
  });

  it('names the environment as the source of an invalid override', async () => {
    const error = await configError(project(undefined), { KANSLIST_LANGUAGE: 'fr' });
    expect(error.message).toContain('language');
    expect(error.where).toContain('environment');
  });

  it('reads the money settings of the reports and names a bad one', async () => {
    const config = await loadConfig(
      project(
        `{ reports: { country: 'DK', hourlyCost: 420, hourlyCostByBot: { fakturor: 380 }, robotCosts: { machinePerMonth: 900, setupCost: 50000 } } }`,
      ),
      {},
    );
    expect(config.reports).toMatchObject({
      country: 'DK',
      hourlyCost: 420,
      hourlyCostByBot: { fakturor: 380 },
      robotCosts: { machinePerMonth: 900, setupCost: 50000 },
    });
    expect((await configError(project(`{ reports: { hourlyCost: -5 } }`))).message).toContain('reports.hourlyCost');
    expect((await configError(project(`{ reports: { hourlyCost: 400, currency: 'kronor' } }`))).message).toContain('reports.currency');
    expect((await configError(project(`{ reports: { hourlyCostByBot: { a: 300 } } }`))).message).toContain('without reports.hourlyCost');
    expect((await configError(project(`{ reports: { hourlyCost: 400, robotCosts: { machinePerMonth: Number.NaN } } }`))).message).toContain(
      'reports.robotCosts.machinePerMonth',
    );
  });

  it('takes the control room address from the file or KANSLIST_DASHBOARD_URL, and refuses one that is not http(s)', async () => {
    expect((await loadConfig(project(`{ dashboardUrl: 'https://rpa.kommun.example/' }`), {})).dashboardUrl).toBe(
      'https://rpa.kommun.example/',
    );
    expect((await loadConfig(project(undefined), { KANSLIST_DASHBOARD_URL: 'http://localhost:8080' })).dashboardUrl).toBe(
      'http://localhost:8080',
    );
    expect((await configError(project(`{ dashboardUrl: 'rpa.kommun.example' }`))).message).toContain('dashboardUrl');
  });

  it('rejects an unknown store scheme and a non-boolean KANSLIST_HEADLESS', async () => {
    expect((await configError(project(`{ store: 'mysql://x' }`))).message).toContain('store');
    expect((await configError(project(undefined), { KANSLIST_HEADLESS: 'maybe' })).message).toContain('KANSLIST_HEADLESS');
  });

  it('reports a config file that does not load, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kanslist-config-'));
    writeFileSync(join(dir, 'kanslist.config.ts'), 'export default {{ broken');
    const error = await configError(dir);
    expect(error.code).toBe('KANSLIST_CONFIG_BROKEN');
    expect(error.where).toContain(join(dir, 'kanslist.config.ts'));
  });
});

describe('kanslist.config.ts: keys Kanslist does not know', () => {
  it('refuses a misspelled key and names the key it meant, at any depth', async () => {
    const headless = await configError(project(`{ browser: { headles: true } }`));
    expect(headless.code).toBe('KANSLIST_CONFIG_UNKNOWN_KEY');
    expect(headless.message).toContain('browser.headles is not a configuration key; did you mean browser.headless?');
    expect(headless.where).toMatch(/kanslist\.config\.ts$/);
    expect((await configError(project(`{ timezone: 'Europe/Oslo' }`))).message).toContain('did you mean timeZone?');
    expect((await configError(project(`{ systems: { casehub: { baseurl: 'http://x' } } }`))).message).toContain(
      'did you mean systems.casehub.baseUrl?',
    );
    expect((await configError(project(`{ reports: { robotCosts: { machinePerMont: 5 } } }`))).message).toContain(
      'reports.robotCosts.machinePerMonth',
    );
  });

  it('names no suggestion for a key far from every known one, and accepts free-form names', async () => {
    expect((await configError(project(`{ archiving: { traces: '30d' } }`))).message).toBe('archiving is not a configuration key');
    const config = await loadConfig(
      project(
        `{ systems: { 'any-system': { baseUrl: 'http://127.0.0.1:1/' } }, reports: { hourlyCost: 400, hourlyCostByBot: { 'any-bot': 380 } }, alerts: { webhook: { url: 'https://x.example/', headers: { 'X-Token': 't' } } } }`,
      ),
      {},
    );
    expect(config.systems['any-system']?.baseUrl).toBe('http://127.0.0.1:1/');
  });
});

describe('kanslist.config.ts: retention', () => {
  it('accepts periods in days, weeks, months and years, with per-bot overrides', async () => {
    const config = await loadConfig(
      project(
        `{ retention: { traces: '30d', screenshots: '4w', payloads: '6m', auditPersonalFields: '2y', logs: '90d', bots: { 'faktura-kontroll': { payloads: '7y' } } } }`,
      ),
      {},
    );
    expect(config.retention?.bots?.['faktura-kontroll']?.payloads).toBe('7y');
  });

  it('names the field of a period it cannot read, and says how to write one', async () => {
    const error = await configError(project(`{ retention: { traces: '30 days' } }`));
    expect(error.code).toBe('KANSLIST_CONFIG_INVALID');
    expect(error.message).toBe('retention.traces: "30 days" is not a retention period.');
    expect(error.remedy).toContain("'30d'");
    expect((await configError(project(`{ retention: { bots: { b: { payloads: 30 } } } }`))).message).toContain('retention.bots.b.payloads');
  });

  it('names a misspelt kind, at the top and under a bot', async () => {
    expect((await configError(project(`{ retention: { trace: '30d' } }`))).message).toContain(
      'retention.trace is not a configuration key; did you mean retention.traces?',
    );
    expect((await configError(project(`{ retention: { bots: { b: { tracse: '30d' } } } }`))).message).toBe(
      'retention.bots.b.tracse: is not a kind of evidence.',
    );
  });

  it('refuses logs per bot: the daily log is shared', async () => {
    expect((await configError(project(`{ retention: { bots: { b: { logs: '30d' } } } }`))).message).toContain(
      'retention.bots.b.logs: cannot be set per bot',
    );
  });
});
