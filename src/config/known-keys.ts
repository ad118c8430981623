/**
 * Every key `kanslist.config.ts` may hold. A key that is not here is a mistake (`headles`,
 * `timezone`), and a mistake that is ignored is the worst kind: the default quietly wins. The
 * error names the key and the nearest known one.
 */
import { ConfigError } from '../errors.ts';
import type { KanslistConfig } from './config.ts';

/** A key's children: a nested table, ANY (free-form: names the organisation chooses), or LEAF. */
type KeyTree = { readonly [key: string]: KeyTree | typeof LEAF | typeof ANY | { readonly each: KeyTree } };
const LEAF = 'leaf';
const ANY = 'any';

const KNOWN = {
  organisation: LEAF,
  store: LEAF,
  timeZone: LEAF,
  language: LEAF,
  logLevel: LEAF,
  dashboardUrl: LEAF,
  folders: { bots: LEAF, selectors: LEAF, schedules: LEAF, reports: LEAF, var: LEAF },
  browser: { executablePath: LEAF, headless: LEAF },
  systems: {
    each: { baseUrl: LEAF, rotate: { every: LEAF, at: LEAF }, unavailable: { afterFailures: LEAF, probes: LEAF, firstProbeDelayMs: LEAF } },
  },
  alerts: { webhook: { url: LEAF, headers: ANY }, attempts: LEAF, timeoutMs: LEAF },
  reports: {
    country: LEAF,
    annualHoursPerFte: LEAF,
    logo: LEAF,
    hourlyCost: LEAF,
    hourlyCostByBot: ANY,
    currency: LEAF,
    robotCosts: { machinePerMonth: LEAF, maintenanceHoursPerMonth: LEAF, maintenanceHourlyCost: LEAF, setupCost: LEAF },
  },
  // Per-bot periods are checked by validateRetention, which names a wrong kind under its bot.
  retention: {
    traces: LEAF,
    screenshots: LEAF,
    html: LEAF,
    letters: LEAF,
    payloads: LEAF,
    logs: LEAF,
    auditPersonalFields: LEAF,
    bots: ANY,
  },
  audit: { checkpoint: { file: LEAF, log: LEAF, webhook: { url: LEAF, headers: ANY } } },
  controlRoom: {
    oidc: {
      issuer: LEAF,
      clientId: LEAF,
      redirectUri: LEAF,
      scope: LEAF,
      groupsClaim: LEAF,
      usernameClaim: LEAF,
      roles: ANY,
      bots: ANY,
      label: LEAF,
    },
  },
} as const satisfies KeyTree & { [K in keyof KanslistConfig]-?: unknown };

/** Throws KANSLIST_CONFIG_UNKNOWN_KEY for the first key of `input` that Kanslist does not know. */
export function checkKnownKeys(input: unknown, source: string): void {
  walk(input, KNOWN, '', source);
}

function walk(value: unknown, tree: KeyTree, prefix: string, source: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = `${prefix}${key}`;
    const known = tree[key];
    if (known === undefined) {
      const nearest = nearestKey(key, Object.keys(tree));
      throw new ConfigError(
        'KANSLIST_CONFIG_UNKNOWN_KEY',
        `${path} is not a configuration key${nearest ? `; did you mean ${prefix}${nearest}?` : ''}`,
        {
          where: source,
          remedy: `Known keys here: ${Object.keys(tree).join(', ')}. See kanslist.config.ts's defineConfig types or docs/operators.md.`,
        },
      );
    }
    if (known === LEAF || known === ANY) continue;
    if ('each' in known && typeof known.each === 'object') {
      if (child && typeof child === 'object')
        for (const [name, entry] of Object.entries(child)) walk(entry, known.each, `${path}.${name}.`, source);
      continue;
    }
    walk(child, known, `${path}.`, source);
  }
}

/** The known key closest to a misspelled one (at most a third of its letters off), or undefined. */
export function nearestKey(key: string, known: string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(key.length / 3)) ? best.key : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
