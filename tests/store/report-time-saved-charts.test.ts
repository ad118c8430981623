/**
 * The time-saved report's layout as a manager reads it. Headers of narrow table columns break only
 * where a reader expects (at a hyphenation point with a hyphen, or after a '/'), with the short ones
 * explained under the table. The trend: the chart ends today when the period is
 * still running (no weeks of zero after it that read as "the robot stopped"), and a period without
 * runs says so in words instead of drawing an axis of zeros. Text extraction, and a page rendered
 * to PNG.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { LANGUAGES, type Language } from '../../src/config/config.ts';
import { loadConfig, type LoadedConfig } from '../../src/config/load.ts';
import { commonMessages, localeFormat } from '../../src/report/i18n/index.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { annualHoursPerFte, computeTimeSaved, costBenefit, periodFromMonth } from '../../src/report/time-saved/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import timeSavedReport from '../../src/report/builtin/time-saved.ts';
import { timeSavedMessages } from '../../src/report/builtin/time-saved-messages.ts';
import { pdfText, pngInk, renderPageToPng } from '../helpers/pdf.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { readSheets } from '../helpers/xlsx.ts';
import { BASELINES, TIME_ZONE, seedTimeSaved } from './report-time-saved.seed.ts';

const tempDir = useTempDir('kanslist-time-saved-charts-');
const log = createLogger({ level: 'error', console: false });
const MARCH = periodFromMonth('2026-03', TIME_ZONE);
const JUNE = periodFromMonth('2026-06', TIME_ZONE);
/** Friday 20 March 2026, in ISO week 12: weeks 13 and 14 of March have not happened yet. */
const MID_MARCH = Date.UTC(2026, 2, 20, 12);

let store: Store;
let config: LoadedConfig;

beforeEach(async () => {
  const dir = tempDir();
  const bots = join(dir, 'bots');
  mkdirSync(bots);
  const defineBot = pathToFileURL(join(REPO_ROOT, 'src', 'runner', 'bot.ts')).href;
  for (const [name, b] of Object.entries(BASELINES)) {
    writeFileSync(
      join(bots, `${name}.mjs`),
      `import { defineBot } from ${JSON.stringify(defineBot)};
export default defineBot({ name: ${JSON.stringify(name)}, title: ${JSON.stringify(b.title)}, system: {}, input: {},
  key: (item) => String(item.id), process: async () => ({}), manualMinutes: ${b.manualMinutes}, manualMinutesNote: ${JSON.stringify(b.manualMinutesNote)} });\n`,
    );
  }
  const loaded = await loadConfig(REPO_ROOT, {
    KANSLIST_VAR_DIR: join(dir, 'var'),
    KANSLIST_ORGANISATION: 'Exempel kommun',
    KANSLIST_TIME_ZONE: TIME_ZONE,
  });
  config = { ...loaded, paths: { ...loaded.paths, bots, selectors: join(dir, 'selectors') } };
  store = await openStore(`sqlite:${join(dir, 'kanslist.db')}`);
  await seedTimeSaved(store);
});

afterEach(async () => {
  await store.close();
});

function render(language: Language, period: typeof MARCH, now: number) {
  return renderReport(
    timeSavedReport,
    { from: period.from, to: period.to, label: period.label, bucket: 'week' },
    { config, store, log, language, formats: 'pdf,xlsx', outDir: join(tempDir(), 'out'), now },
  );
}

const flat = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('time-saved trend charts', () => {
  it.each(LANGUAGES)('ends the %s trend at today while the period is still running', async (language) => {
    const [pdf, xlsx] = await render(language, MARCH, MID_MARCH);
    const t = timeSavedMessages.for(language);
    const week = commonMessages.for(language).week;
    const text = flat((await pdfText(pdf!.path)).join('\n'));
    expect(text).toContain(flat(t.trendUntil({ date: localeFormat(language, TIME_ZONE).date(MID_MARCH) })));
    expect(text).toContain(flat(week({ week: 12, year: 2026 })));
    expect(text).not.toContain(flat(week({ week: 13, year: 2026 })));
    expect(text).not.toContain(flat(week({ week: 14, year: 2026 })));
    // The trend sheet too: weeks 9 (Sunday 1 March) to 12, none after today.
    const trend = (await readSheets(xlsx!.path)).get(t.sheetTrend)!;
    expect(trend.slice(1).map((r) => r[0])).toEqual([9, 10, 11, 12].map((n) => week({ week: n, year: 2026 })));
  });

  it('shows the whole period once it is over', async () => {
    const [pdf] = await render('en', MARCH, Date.UTC(2026, 3, 2, 8));
    const text = flat((await pdfText(pdf!.path)).join('\n'));
    expect(text).toContain('Week 14 2026');
    expect(text).not.toContain('The trend ends today');
  });

  it.each(LANGUAGES)('says "no runs in this period" in %s instead of drawing zeros', async (language) => {
    const [pdf] = await render(language, JUNE, Date.UTC(2026, 6, 2, 8));
    const t = timeSavedMessages.for(language);
    const pages = await pdfText(pdf!.path);
    const text = flat(pages.join('\n'));
    expect(text.split(flat(t.noRuns)).length - 1).toBe(2); // in the summary and where the trend would be
    expect(text).not.toContain(flat(t.trendItemsTitle)); // no chart (the hours chart's title is also a summary label)
    // The trend page has the sentence and no chart: only text, far less ink than a chart.
    const trendPage = pages.findIndex((p) => flat(p).includes(flat(t.trend))) + 1;
    const png = await renderPageToPng(pdf!.path, trendPage, tempDir(), 60);
    expect(await pngInk(png, { top: 0.1, bottom: 0.9 })).toBeGreaterThan(0);
  });
});

/** Words of the per-bot table's headers, as the PDF's text shows them when nothing is split wrongly. */
function headerWords(language: Language): string[] {
  const t = timeSavedMessages.for(language);
  return [
    t.bot,
    t.done,
    t.minutesPerItem,
    t.hoursFreedShort,
    t.fteShort,
    t.exceptionsShort,
    t.rateShort,
    t.exceptionHoursShort,
    t.runHoursShort,
  ].flatMap((h) => h.split(' '));
}

describe('time-saved table headers', () => {
  it.each(LANGUAGES)('never splits a %s header word without a hyphen, and explains the short ones', async (language) => {
    const [pdf] = await render(language, MARCH, Date.UTC(2026, 3, 2, 8));
    const t = timeSavedMessages.for(language);
    const page = (await pdfText(pdf!.path))[0]!;
    // The per-bot table: from its heading to the legend under it.
    const table = page.slice(page.indexOf(t.perBot), page.indexOf(t.perBotLegend.split(' ')[0]!, page.indexOf(t.perBot)));
    const tokens = table.split(/\s+/);
    const words = headerWords(language);
    for (const word of words) {
      // A piece of a header word on a line of its own must end in '-' (hyphenated) or '/' (a natural break).
      const wrong = tokens.filter(
        (token) => token.length >= 2 && token !== word && word.startsWith(token) && !words.includes(token) && !/[-/]$/.test(token),
      );
      expect(wrong, `${language} "${word}"`).toEqual([]);
    }
    // A hyphenated piece is a piece of a header word (the hyphen was added, not printed from the data).
    for (const token of tokens.filter((x) => x.length >= 2 && x.endsWith('-'))) {
      expect(
        words.some((w) => w.includes(token.slice(0, -1))),
        `${language}: ${token}`,
      ).toBe(true);
    }
    expect(flat(page)).toContain(flat(t.perBotLegend));
  });

  it('draws the Danish per-bot table on a page that is not blank (picture)', async () => {
    const [pdf] = await render('da', MARCH, Date.UTC(2026, 3, 2, 8));
    const png = await renderPageToPng(pdf!.path, 1, tempDir(), 80);
    expect(await pngInk(png, { top: 0.4, bottom: 0.7 })).toBeGreaterThan(1000);
  });
});

describe('time-saved working year', () => {
  it.each(LANGUAGES)('follows reports.country, not the language the report is read in (%s)', async (language) => {
    config = { ...config, reports: { ...config.reports, country: 'DK' } };
    const [pdf] = await render(language, MARCH, Date.UTC(2026, 3, 2, 8));
    const t = timeSavedMessages.for(language);
    const f = localeFormat(language, TIME_ZONE);
    const text = flat((await pdfText(pdf!.path)).join('\n'));
    expect(text).toContain(flat(t.annualHoursValue({ hours: f.hours(1628), source: t.sourceCountry({ country: t.countries.DK }) })));
    expect(text).toContain(flat(t.method.country({ country: t.countries.DK, how: 'config', zone: TIME_ZONE })));
    expect(text).not.toContain(flat(t.sourceCountry({ country: t.countries.SE })));
  });

  it('without reports.country, takes the country of the configured time zone in every language', async () => {
    config = { ...config, timeZone: 'Europe/Copenhagen', language: 'sv', reports: { ...config.reports, country: undefined } };
    for (const language of ['de', 'en'] as const) {
      const t = timeSavedMessages.for(language);
      const text = flat(
        (await pdfText((await render(language, periodFromMonth('2026-03', 'Europe/Copenhagen'), Date.UTC(2026, 3, 2, 8)))[0]!.path)).join(
          '\n',
        ),
      );
      expect(text).toContain(flat(t.sourceCountry({ country: t.countries.DK })));
      expect(text).toContain(flat(t.method.country({ country: t.countries.DK, how: 'timeZone', zone: 'Europe/Copenhagen' })));
    }
  });
});

describe('time-saved cost and benefit', () => {
  // Small costs for the seed's few hours, so the robots pay: 1 280 kr freed against 425 kr a month.
  const reports = {
    hourlyCost: 450,
    hourlyCostByBot: { fakturor: 380 },
    robotCosts: { machinePerMonth: 100, maintenanceHoursPerMonth: 0.5, maintenanceHourlyCost: 650, setupCost: 2000 },
  };

  it.each(LANGUAGES)('shows money freed, robot cost, net benefit and payback next to the hours in %s', async (language) => {
    config = { ...config, reports: { ...config.reports, ...reports } };
    const [pdf, xlsx] = await render(language, MARCH, Date.UTC(2026, 3, 2, 8));
    const t = timeSavedMessages.for(language);
    const data = await computeTimeSaved(store.reports, {
      period: MARCH,
      bucket: 'week',
      annualHours: annualHoursPerFte(config.reports, config),
      baselineOf: (bot) => BASELINES[bot],
    });
    const money = costBenefit(config.reports, {
      bots: data.bots.map((b) => ({ bot: b.bot, hoursFreed: b.figures.hoursFreed, exceptionHours: b.figures.exceptionHours })),
      periodDays: data.periodDays,
      country: 'SE',
    })!;
    const cur = new Intl.NumberFormat(localeFormat(language, TIME_ZONE).locale, {
      style: 'currency',
      currency: 'SEK',
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    // 3 h freed by bygglov at 450 + 1 h by fakturor at 380; robot cost for 31 days.
    expect(money.moneyFreed).toBeCloseTo(2 * 450 + 1 * 380, 6);
    const text = flat((await pdfText(pdf!.path)).join('\n'));
    for (const [label, value] of [
      [t.moneyFreed, money.moneyFreed],
      [t.robotCost, money.robotCost.total],
      [t.netBenefit, money.netBenefit],
    ] as const) {
      // A long label wraps in the fact list with the value after its first line: take the value out.
      const shown = flat(cur.format(value));
      expect(text).toContain(shown);
      expect(text.replace(` ${shown}`, '')).toContain(flat(label));
    }
    expect(text).toContain(flat(t.method.money({ currency: 'SEK' })));
    expect(text).not.toContain(flat(t.moneyNone));
    // The XLSX report sheet carries the same figures as numbers.
    const sheet = [...(await readSheets(xlsx!.path)).values()][0]!;
    const numberOf = (label: string) => sheet.find((r) => r[0] === label)?.[2];
    expect(numberOf(t.moneyFreed)).toBeCloseTo(money.moneyFreed, 6);
    expect(numberOf(t.netBenefit)).toBeCloseTo(money.netBenefit, 6);
    expect(money.paybackMonths).toBeGreaterThan(2);
    expect(numberOf(t.payback)).toBeCloseTo(money.paybackMonths!, 6);
    expect(text).toContain(
      flat(t.paybackMonths({ months: localeFormat(language, TIME_ZONE).number(money.paybackMonths!, 1), setup: cur.format(2000) })).split(
        ' ',
      )[0]!,
    );
  });

  it('says the setup cost is not earned back while the robots cost more than they free', async () => {
    config = { ...config, reports: { ...config.reports, hourlyCost: 450, robotCosts: { machinePerMonth: 50_000, setupCost: 2000 } } };
    const [pdf] = await render('de', MARCH, Date.UTC(2026, 3, 2, 8));
    const t = timeSavedMessages.for('de');
    expect(flat((await pdfText(pdf!.path)).join('\n')).replace(/\s+/g, '')).toContain(t.paybackNever.replace(/\s+/g, ''));
  });

  it('says how to see money when no hourly cost is set', async () => {
    const [pdf] = await render('sv', MARCH, Date.UTC(2026, 3, 2, 8));
    expect(flat((await pdfText(pdf!.path)).join('\n'))).toContain(flat(timeSavedMessages.for('sv').moneyNone));
  });
});
