import { ConfigError } from '../errors.ts';
import { isTimeZone } from '../util/wall-clock.ts';
import { parsePeriod, validateRetention } from './retention.ts';
import { CONTROL_ROOM_ROLES, FTE_COUNTRIES, LANGUAGES, LOG_LEVELS, type KanslistConfig } from './config.ts';

/** Checks every key and throws one ConfigError naming the first bad key, its value and what is allowed. */
export function validateConfig(config: KanslistConfig, source: string): void {
  const fail = (key: string, message: string, remedy: string): never => {
    throw new ConfigError('KANSLIST_CONFIG_INVALID', `${key}: ${message}`, { where: source, remedy });
  };
  if (typeof config.organisation !== 'string' || !config.organisation.trim()) {
    fail('organisation', 'must be a non-empty text.', 'Set the organisation name printed on reports.');
  }
  if (typeof config.store !== 'string' || !/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(config.store)) {
    fail(
      'store',
      'must start with sqlite: or postgres://.',
      "Use e.g. 'sqlite:var/kanslist.db' or 'postgres://user@host/db' (KANSLIST_STORE).",
    );
  }
  if (!isTimeZone(config.timeZone)) {
    fail(
      'timeZone',
      `"${String(config.timeZone)}" is not an IANA time zone.`,
      "Use e.g. 'Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Berlin'.",
    );
  }
  if (!LANGUAGES.includes(config.language)) {
    fail('language', `"${String(config.language)}" is not supported.`, `Use one of ${LANGUAGES.join(', ')}.`);
  }
  if (!LOG_LEVELS.includes(config.logLevel)) {
    fail('logLevel', `"${String(config.logLevel)}" is not a log level.`, `Use one of ${LOG_LEVELS.join(', ')} (KANSLIST_LOG_LEVEL).`);
  }
  for (const [key, value] of Object.entries(config.folders)) {
    if (typeof value !== 'string' || !value.trim())
      fail(`folders.${key}`, 'must be a folder path.', 'Give a path relative to the project root.');
  }
  if (typeof config.browser.headless !== 'boolean') fail('browser.headless', 'must be true or false.', 'Set true (default) or false.');
  const exe = config.browser.executablePath;
  if (exe !== undefined && (typeof exe !== 'string' || !exe)) {
    fail('browser.executablePath', 'must be a path to a browser executable.', 'Remove it to let Kanslist find a browser.');
  }
  for (const [name, system] of Object.entries(config.systems)) {
    if (system.baseUrl !== undefined && !isHttpUrl(system.baseUrl)) {
      fail(`systems.${name}.baseUrl`, `"${system.baseUrl}" is not an http(s) URL.`, 'Use e.g. http://casehub.kommun.local/.');
    }
    if (system.rotate !== undefined) {
      if (parsePeriod(system.rotate.every) === undefined)
        fail(
          `systems.${name}.rotate.every`,
          `${JSON.stringify(system.rotate.every)} is not a period.`,
          "Write a whole number and a unit: d, w, m (30 days) or y, e.g. '60d'.",
        );
      if (system.rotate.at !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(system.rotate.at))
        fail(
          `systems.${name}.rotate.at`,
          `${JSON.stringify(system.rotate.at)} is not HH:MM.`,
          "Write a local time when the system is up, e.g. '07:00'.",
        );
    }
    for (const [key, least] of [
      ['afterFailures', 1],
      ['probes', 1],
      ['firstProbeDelayMs', 0],
    ] as const) {
      const value = system.unavailable?.[key];
      if (value !== undefined && (!Number.isInteger(value) || value < least))
        fail(
          `systems.${name}.unavailable.${key}`,
          `${JSON.stringify(value)} is not a whole number of at least ${least}.`,
          key === 'firstProbeDelayMs' ? 'Give milliseconds, e.g. 60000 for a minute.' : 'Give a whole number, e.g. 5.',
        );
    }
  }
  const webhook = config.alerts.webhook;
  if (webhook !== undefined && (typeof webhook.url !== 'string' || !isHttpUrl(webhook.url))) {
    fail(
      'alerts.webhook.url',
      'is not an http(s) URL (the value is not shown: a webhook URL often holds a token).',
      'Use e.g. https://chat.kommun.local/hooks/rpa (KANSLIST_ALERT_WEBHOOK).',
    );
  }
  for (const key of ['attempts', 'timeoutMs'] as const) {
    if (!(Number.isInteger(config.alerts[key]) && config.alerts[key] > 0))
      fail(`alerts.${key}`, 'must be a positive whole number.', 'Remove it to use the default.');
  }
  const { country, annualHoursPerFte } = config.reports;
  if (country !== undefined && !FTE_COUNTRIES.includes(country)) {
    fail(
      'reports.country',
      `"${String(country)}" has no default working year.`,
      `Use one of ${FTE_COUNTRIES.join(', ')}, or set reports.annualHoursPerFte.`,
    );
  }
  if (
    annualHoursPerFte !== undefined &&
    !(typeof annualHoursPerFte === 'number' && annualHoursPerFte >= 100 && annualHoursPerFte <= 3000)
  ) {
    fail(
      'reports.annualHoursPerFte',
      `${String(annualHoursPerFte)} is not a plausible number of annual hours.`,
      'Give the annual working hours of one full-time clerk, e.g. 1700.',
    );
  }
  validateMoney(config.reports, fail);
  validateOidc(config.controlRoom?.oidc, fail);
  validateRetention(config.retention, fail);
  validateCheckpoint(config.audit?.checkpoint, fail);
  if (config.dashboardUrl !== undefined && !(typeof config.dashboardUrl === 'string' && isHttpUrl(config.dashboardUrl))) {
    fail(
      'dashboardUrl',
      `"${String(config.dashboardUrl)}" is not an http(s) URL.`,
      'Use the control room address clerks open, e.g. https://rpa.kommun.local/ (KANSLIST_DASHBOARD_URL).',
    );
  }
}

/** Money settings: amounts are finite and not negative (an hourly cost above zero), the currency an ISO 4217 code. */
function validateOidc(
  oidc: NonNullable<KanslistConfig['controlRoom']>['oidc'],
  fail: (key: string, message: string, remedy: string) => never,
): void {
  if (oidc === undefined) return;
  const key = 'controlRoom.oidc';
  if (typeof oidc.issuer !== 'string' || !isHttpUrl(oidc.issuer))
    fail(
      `${key}.issuer`,
      `"${String(oidc.issuer)}" is not an http(s) URL.`,
      "Give the provider's issuer, e.g. https://sso.kommun.se/realms/kommun.",
    );
  if (typeof oidc.clientId !== 'string' || oidc.clientId.trim() === '')
    fail(
      `${key}.clientId`,
      'must be the client id registered with the provider.',
      'Register the control room as a client and copy its id here.',
    );
  if (oidc.redirectUri !== undefined && !isHttpUrl(oidc.redirectUri))
    fail(
      `${key}.redirectUri`,
      `"${String(oidc.redirectUri)}" is not an http(s) URL.`,
      'Use e.g. https://rpa.kommun.local/login/oidc/callback.',
    );
  if (typeof oidc.roles !== 'object' || oidc.roles === null || Object.keys(oidc.roles).length === 0) {
    fail(
      `${key}.roles`,
      'maps no group to a role, so nobody could log in.',
      "Map each group to roles, e.g. { 'RPA-Operatorer': ['operator'] }.",
    );
  }
  for (const [group, roles] of Object.entries(oidc.roles)) {
    const bad = Array.isArray(roles) ? roles.filter((r) => !(CONTROL_ROOM_ROLES as readonly string[]).includes(r)) : [String(roles)];
    if (bad.length > 0) fail(`${key}.roles.${group}`, `names an unknown role "${bad[0]}".`, `Use ${CONTROL_ROOM_ROLES.join(', ')}.`);
  }
  for (const [group, bots] of Object.entries(oidc.bots ?? {})) {
    if (!Array.isArray(bots) || bots.some((b) => typeof b !== 'string'))
      fail(`${key}.bots.${group}`, 'must be a list of bot names.', "e.g. { 'Faktura-handlaggare': ['fakturakontroll'] }");
  }
}

function validateMoney(reports: KanslistConfig['reports'], fail: (key: string, message: string, remedy: string) => never): void {
  const amount = (key: string, value: unknown, positive = false) => {
    if (value === undefined) return;
    if (!(typeof value === 'number' && Number.isFinite(value) && (positive ? value > 0 : value >= 0))) {
      fail(
        key,
        `${JSON.stringify(value)} is not ${positive ? 'an amount above zero' : 'an amount of zero or more'}.`,
        'Give a plain number in reports.currency, e.g. 450.',
      );
    }
  };
  amount('reports.hourlyCost', reports.hourlyCost, true);
  for (const [bot, cost] of Object.entries(reports.hourlyCostByBot ?? {})) amount(`reports.hourlyCostByBot.${bot}`, cost, true);
  if (reports.hourlyCostByBot !== undefined && reports.hourlyCost === undefined) {
    fail('reports.hourlyCostByBot', 'is set without reports.hourlyCost.', 'Set reports.hourlyCost for the other bots too.');
  }
  if (reports.currency !== undefined && !(typeof reports.currency === 'string' && /^[A-Z]{3}$/.test(reports.currency))) {
    fail('reports.currency', `"${String(reports.currency)}" is not an ISO 4217 code.`, "Use e.g. 'SEK', 'DKK', 'EUR', 'NOK'.");
  }
  const costs = reports.robotCosts ?? {};
  for (const key of ['machinePerMonth', 'maintenanceHoursPerMonth', 'setupCost'] as const) amount(`reports.robotCosts.${key}`, costs[key]);
  amount('reports.robotCosts.maintenanceHourlyCost', costs.maintenanceHourlyCost, true);
}

function validateCheckpoint(
  checkpoint: NonNullable<KanslistConfig['audit']>['checkpoint'],
  fail: (key: string, message: string, remedy: string) => never,
): void {
  if (checkpoint === undefined) return;
  if (checkpoint === null || typeof checkpoint !== 'object')
    fail('audit.checkpoint', 'must be an object.', "Use e.g. { file: '/mnt/worm/kanslist.ckpt' }.");
  const { file, log, webhook } = checkpoint;
  if (file !== undefined && !(typeof file === 'string' && file.trim())) {
    fail('audit.checkpoint.file', 'must be a file path.', 'Give a path on another volume, WORM storage or a folder owned by another user.');
  }
  if (log !== undefined && typeof log !== 'boolean')
    fail('audit.checkpoint.log', 'must be true or false.', 'Set true to also write each checkpoint to the operator log.');
  if (
    webhook !== undefined &&
    !(webhook !== null && typeof webhook === 'object' && typeof webhook.url === 'string' && isHttpUrl(webhook.url))
  ) {
    fail(
      'audit.checkpoint.webhook.url',
      'is not an http(s) URL (the value is not shown: a webhook URL often holds a token).',
      'Use e.g. https://siem.kommun.local/kanslist-checkpoints.',
    );
  }
  if (file === undefined && log !== true && webhook === undefined) {
    fail(
      'audit.checkpoint',
      'names no destination.',
      'Set audit.checkpoint.file, audit.checkpoint.log: true, or audit.checkpoint.webhook.',
    );
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
