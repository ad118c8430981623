/**
 * Cost and benefit in money, next to the hours: what the freed clerk hours are worth, what running
 * the robots costs, the net benefit, and how long the one-time setup cost takes to earn back.
 * Pure arithmetic on the time-saved figures and `reports.*` in kanslist.config.ts; docs/time-saved.md
 * has a worked example that a unit test recomputes.
 *
 * - money freed      = Σ per bot: hours freed × the bot's clerk hourly cost
 * - exception cost   = Σ per bot: exception hours × the bot's clerk hourly cost (shown, not subtracted:
 *                      exceptions were never counted as freed)
 * - months           = days in the period ÷ (365.2425 ÷ 12)
 * - robot cost       = (machine per month + maintenance hours per month × maintenance hourly cost) × months
 * - net benefit      = money freed − robot cost
 * - payback (months) = setup cost ÷ (net benefit ÷ months), when the net benefit is positive
 */
import type { ReportsConfig } from '../../config/config.ts';

export const DAYS_PER_MONTH = 365.2425 / 12;

/** Currency by the organisation's country, when `reports.currency` is not set. */
export const CURRENCY_OF_COUNTRY: Readonly<Record<string, string>> = { SE: 'SEK', DK: 'DKK', DE: 'EUR', NO: 'NOK' };

export interface BotHours {
  bot: string;
  hoursFreed: number;
  exceptionHours: number;
}

export interface BotMoney extends BotHours {
  /** The clerk hourly cost used for this bot (reports.hourlyCostByBot, else reports.hourlyCost). */
  hourlyCost: number;
  moneyFreed: number;
  exceptionCost: number;
}

export interface CostBenefit {
  currency: string;
  bots: BotMoney[];
  moneyFreed: number;
  exceptionCost: number;
  /** The period in average months. */
  months: number;
  robotCost: { machine: number; maintenance: number; total: number };
  netBenefit: number;
  netBenefitPerMonth: number;
  setupCost: number | null;
  /** Months until the setup cost is earned back at this period's rate; null without a setup cost or when the net benefit is not positive. */
  paybackMonths: number | null;
}

/** The money figures, or null when `reports.hourlyCost` is not set (the report then shows hours only). */
export function costBenefit(reports: ReportsConfig, input: { bots: BotHours[]; periodDays: number; country: string }): CostBenefit | null {
  if (reports.hourlyCost === undefined) return null;
  const bots = input.bots.map((b) => {
    const hourlyCost = reports.hourlyCostByBot?.[b.bot] ?? reports.hourlyCost!;
    return { ...b, hourlyCost, moneyFreed: b.hoursFreed * hourlyCost, exceptionCost: b.exceptionHours * hourlyCost };
  });
  const moneyFreed = bots.reduce((sum, b) => sum + b.moneyFreed, 0);
  const exceptionCost = bots.reduce((sum, b) => sum + b.exceptionCost, 0);
  const months = input.periodDays / DAYS_PER_MONTH;
  const costs = reports.robotCosts ?? {};
  const machine = (costs.machinePerMonth ?? 0) * months;
  const maintenance = (costs.maintenanceHoursPerMonth ?? 0) * (costs.maintenanceHourlyCost ?? reports.hourlyCost) * months;
  const netBenefit = moneyFreed - machine - maintenance;
  const netBenefitPerMonth = months > 0 ? netBenefit / months : 0;
  const setupCost = costs.setupCost ?? null;
  return {
    currency: reports.currency ?? CURRENCY_OF_COUNTRY[input.country] ?? 'EUR',
    bots,
    moneyFreed,
    exceptionCost,
    months,
    robotCost: { machine, maintenance, total: machine + maintenance },
    netBenefit,
    netBenefitPerMonth,
    setupCost,
    paybackMonths: setupCost !== null && setupCost > 0 && netBenefitPerMonth > 0 ? setupCost / netBenefitPerMonth : null,
  };
}
