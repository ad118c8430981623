/**
 * The time-saved report for managers: per bot and in total, items done, the clerk's manual minutes
 * per item and how they were measured, clerk hours freed, full-time equivalents, exceptions and the
 * manual time they still cost, bot run hours, a trend, the top exception reasons, and a section that
 * says exactly how each number is computed.
 *
 * Every number is aggregated in the database (src/report/time-saved). The PDF is for reading; the
 * XLSX also holds one row per item counted (streamed), so anyone can recompute the totals.
 * `kanslist report time-saved --month 2026-11` writes it.
 */
import { join } from 'node:path';
import { KanslistError } from '../../errors.ts';
import { loadBot } from '../../runner/load-bot.ts';
import {
  annualHoursPerFte,
  computeTimeSaved,
  defaultBucketSize,
  defineReport,
  periodFromInstants,
  type BotBaseline,
  type BucketSize,
  type ReportContext,
  type ReportFile,
  type TimeSaved,
} from '../toolkit.ts';
import { writeTimeSavedPdf } from './time-saved-pdf.ts';
import { writeTimeSavedXlsx } from './time-saved-xlsx.ts';

export interface TimeSavedParams {
  /** First instant of the period: a local midnight in the configured time zone (epoch ms). */
  from: number;
  /** First instant after the period: a local midnight (epoch ms). */
  to: number;
  /** How the period is named in the report, e.g. '2026-11' or '2026-Q4'. @default 'YYYY-MM-DD..YYYY-MM-DD' */
  label?: string | undefined;
  /** Only this bot. */
  bot?: string | undefined;
  /** @default 'week' for periods up to 14 weeks, else 'month' */
  bucket?: BucketSize | undefined;
}

export default defineReport<TimeSavedParams>({
  name: 'time-saved',
  formats: ['pdf', 'xlsx'],
  defaultFormats: ['pdf', 'xlsx'],
  async render(ctx, params) {
    const data = await loadTimeSaved(ctx, params);
    const period = data.period;

    const suffix = params.bot === undefined ? '' : `-${params.bot}`;
    const base = join(ctx.outDir, `time-saved-${period.firstDate}_${period.lastDate}${suffix}.${ctx.language}`);
    const files: ReportFile[] = [];
    if (ctx.formats.includes('pdf')) files.push({ format: 'pdf', path: await writeTimeSavedPdf(ctx, data, `${base}.pdf`) });
    if (ctx.formats.includes('xlsx')) files.push({ format: 'xlsx', path: await writeTimeSavedXlsx(ctx, data, `${base}.xlsx`) });
    ctx.log.info(`time-saved report for ${period.label} written`, {
      files: files.map((f) => f.path),
      done: data.total.done,
      hoursFreed: data.total.hoursFreed,
    });
    return files;
  },
});

/** The report's numbers without the files: what the control room's time-saved page shows. */
export async function loadTimeSaved(ctx: ReportContext, params: TimeSavedParams): Promise<TimeSaved> {
  const period = periodFromInstants(params.from, params.to, ctx.config.timeZone, params.label);
  const baselines = new BaselineLoader(ctx);
  const data = await computeTimeSaved(ctx.store.reports, {
    period,
    bucket: params.bucket ?? defaultBucketSize(period),
    bot: params.bot,
    // The organisation's country (config), never the language this copy of the report is read in.
    annualHours: annualHoursPerFte(ctx.config.reports, ctx.config),
    baselineOf: (bot) => baselines.of(bot),
    now: ctx.now,
  });
  baselines.checkFilter(params.bot, data);
  return data;
}

/**
 * Each bot's title and manual baseline, from its definition in bots/. A bot that no longer loads
 * (retired, renamed, broken) does not stop the report: its items are counted, its hours are not,
 * and the report says so — unless it is the one bot asked for and the store knows nothing of it,
 * which is a typo the user must hear about.
 */
class BaselineLoader {
  readonly #ctx: ReportContext;
  readonly #errors = new Map<string, KanslistError>();

  constructor(ctx: ReportContext) {
    this.#ctx = ctx;
  }

  async of(bot: string): Promise<BotBaseline | undefined> {
    try {
      const { bot: definition } = await loadBot(bot, { bots: this.#ctx.config.paths.bots, selectors: this.#ctx.config.paths.selectors });
      return { title: definition.title, manualMinutes: definition.manualMinutes, manualMinutesNote: definition.manualMinutesNote };
    } catch (error) {
      if (!(error instanceof KanslistError)) throw error;
      this.#errors.set(bot, error);
      this.#ctx.log.warn(`time-saved report: no baseline for bot ${bot}`, { error: error.describe() });
      return undefined;
    }
  }

  checkFilter(bot: string | undefined, data: TimeSaved): void {
    if (bot === undefined) return;
    const error = this.#errors.get(bot);
    const only = data.bots[0];
    const seen = only !== undefined && only.figures.done + only.figures.exceptions + only.runs > 0;
    if (error !== undefined && !seen) throw error;
  }
}
