/**
 * Retention (gallring): how long each kind of evidence is kept before `kanslist purge` removes it.
 * Periods are written as `30d`, `12w`, `6m` (30-day months) or `2y` (365-day years); a kind left
 * out is kept until someone sets a period for it. Bots may override any kind but `logs`: the daily
 * operator log is shared by every bot.
 */
export const RETENTION_KINDS = ['traces', 'screenshots', 'html', 'letters', 'payloads', 'logs', 'auditPersonalFields'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
/** The kinds a bot may override. */
export const BOT_RETENTION_KINDS = RETENTION_KINDS.filter((k): k is Exclude<RetentionKind, 'logs'> => k !== 'logs');

export type RetentionPeriods = { [K in RetentionKind]?: string | undefined };

export interface RetentionConfig extends RetentionPeriods {
  /** Per bot, e.g. `{ 'faktura-kontroll': { payloads: '7y' } }` (the archive rules for invoices). */
  bots?: Record<string, Omit<RetentionPeriods, 'logs'>> | undefined;
}

const DAY_MS = 86_400_000;
const UNIT_DAYS: Readonly<Record<string, number>> = { d: 1, w: 7, m: 30, y: 365 };
const PERIOD = /^(\d{1,5})([dwmy])$/;

/** The period in milliseconds, or undefined when `text` is not a period (validation names the key). */
export function parsePeriod(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = PERIOD.exec(text.trim());
  if (!match) return undefined;
  const days = Number(match[1]) * UNIT_DAYS[match[2]!]!;
  return days > 0 ? days * DAY_MS : undefined;
}

/** One rule: a kind of evidence, for one bot or for the rest, and its period. */
export interface RetentionRule {
  kind: RetentionKind;
  /** The bot the override is for; undefined for the project-wide rule. */
  bot?: string | undefined;
  /** The bots with their own rule for this kind, which the project-wide rule leaves alone. */
  exceptBots?: string[] | undefined;
  period: string;
  periodMs: number;
  /** `retention.traces` or `retention.bots.x.traces`: what the purge record names as its rule. */
  source: string;
}

/** Every rule the configuration sets, bots' overrides first. Assumes a validated configuration. */
export function retentionRules(config: RetentionConfig | undefined): RetentionRule[] {
  if (config === undefined) return [];
  const rules: RetentionRule[] = [];
  const bots = Object.entries(config.bots ?? {});
  for (const kind of RETENTION_KINDS) {
    const overridden: string[] = [];
    for (const [bot, periods] of bots) {
      const period = kind === 'logs' ? undefined : periods[kind];
      if (period === undefined) continue;
      overridden.push(bot);
      rules.push({ kind, bot, period, periodMs: parsePeriod(period)!, source: `retention.bots.${bot}.${kind}` });
    }
    const period = config[kind];
    if (period !== undefined)
      rules.push({ kind, exceptBots: overridden, period, periodMs: parsePeriod(period)!, source: `retention.${kind}` });
  }
  return rules;
}

/** Checks every period and bot key; `fail` throws naming the key. */
export function validateRetention(config: unknown, fail: (key: string, message: string, remedy: string) => never): void {
  if (config === undefined) return;
  if (config === null || typeof config !== 'object' || Array.isArray(config))
    fail('retention', 'must be an object of periods.', "e.g. retention: { traces: '30d', payloads: '1y' }");
  const table = config as RetentionConfig;
  const remedy =
    "Write a whole number and a unit: d (days), w (weeks), m (30-day months), y (365-day years), e.g. '30d' or '2y'. Leave the key out to keep that evidence.";
  for (const kind of RETENTION_KINDS) {
    const value = table[kind];
    if (value !== undefined && parsePeriod(value) === undefined)
      fail(`retention.${kind}`, `"${String(value)}" is not a retention period.`, remedy);
  }
  const bots = table.bots;
  if (bots === undefined) return;
  if (bots === null || typeof bots !== 'object' || Array.isArray(bots))
    fail('retention.bots', 'must map bot names to periods.', "e.g. bots: { 'faktura-kontroll': { payloads: '7y' } }");
  for (const [bot, periods] of Object.entries(bots)) {
    if (periods === null || typeof periods !== 'object' || Array.isArray(periods))
      fail(`retention.bots.${bot}`, 'must be an object of periods.', "e.g. { payloads: '7y' }");
    for (const [kind, value] of Object.entries(periods as Record<string, unknown>)) {
      if (kind === 'logs')
        fail(
          `retention.bots.${bot}.logs`,
          'cannot be set per bot: the daily operator log is shared by every bot.',
          'Set retention.logs instead.',
        );
      if (!(BOT_RETENTION_KINDS as readonly string[]).includes(kind)) {
        fail(`retention.bots.${bot}.${kind}`, 'is not a kind of evidence.', `A bot may set ${BOT_RETENTION_KINDS.join(', ')}.`);
      }
      if (value !== undefined && parsePeriod(value) === undefined)
        fail(`retention.bots.${bot}.${kind}`, `${JSON.stringify(value)} is not a retention period.`, remedy);
    }
  }
}
