/**
 * Cost and benefit: the arithmetic recomputes the worked example in docs/time-saved.md (read from
 * the document itself, so the two cannot drift apart), and the edge cases a manager would notice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costBenefit } from '../../src/report/time-saved/money.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';

/** The bold result of a row of the worked example's table in docs/time-saved.md. */
function documented(label: string): number {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'time-saved.md'), 'utf8');
  const example = doc.slice(doc.indexOf('### Worked example'));
  const row = new RegExp(`^\\| ${label.replace(/[()]/g, '\\$&')} \\|[^|]*\\| \\*\\*([\\d .]+)\\*\\* \\|$`, 'm').exec(example);
  if (!row) throw new Error(`no row "${label}" in the worked example`);
  return Number(row[1]!.replace(/ /g, ''));
}

const EXAMPLE = {
  reports: {
    hourlyCost: 450,
    hourlyCostByBot: { fakturor: 380 },
    robotCosts: { machinePerMonth: 1500, maintenanceHoursPerMonth: 8, maintenanceHourlyCost: 650, setupCost: 120000 },
  },
  input: {
    bots: [
      { bot: 'bygglov', hoursFreed: 180, exceptionHours: 9 },
      { bot: 'fakturor', hoursFreed: 100, exceptionHours: 2 },
    ],
    periodDays: 30,
    country: 'SE',
  },
};

describe('time saved in money', () => {
  it('recomputes the worked example in docs/time-saved.md', () => {
    const money = costBenefit(EXAMPLE.reports, EXAMPLE.input)!;
    expect(money.currency).toBe('SEK');
    expect(money.moneyFreed).toBeCloseTo(documented('value of clerk hours freed'), 2);
    expect(money.exceptionCost).toBeCloseTo(documented('clerk cost of the exceptions'), 2);
    expect(money.months).toBeCloseTo(documented('months in the period'), 5);
    expect(money.robotCost.total).toBeCloseTo(documented('robot running cost'), 2);
    expect(money.netBenefit).toBeCloseTo(documented('net benefit'), 2);
    expect(money.netBenefitPerMonth).toBeCloseTo(documented('net benefit per month'), 2);
    expect(money.paybackMonths!).toBeCloseTo(documented('payback of the setup cost (months)'), 2);
    expect(money.bots.map((b) => b.hourlyCost)).toEqual([450, 380]);
  });

  it('shows hours only when no hourly cost is set', () => {
    expect(costBenefit({}, EXAMPLE.input)).toBeNull();
  });

  it('has no payback without a setup cost, or while the robots cost more than they free', () => {
    expect(costBenefit({ hourlyCost: 450 }, EXAMPLE.input)!.paybackMonths).toBeNull();
    const losing = costBenefit({ hourlyCost: 10, robotCosts: { machinePerMonth: 50_000, setupCost: 1000 } }, EXAMPLE.input)!;
    expect(losing.netBenefit).toBeLessThan(0);
    expect(losing.paybackMonths).toBeNull();
  });

  it('charges maintenance at the clerk hourly cost when no other is given, and zero robot cost when none is', () => {
    const m = costBenefit(
      { hourlyCost: 500, robotCosts: { maintenanceHoursPerMonth: 2 } },
      { ...EXAMPLE.input, periodDays: 365.2425 / 12 },
    )!;
    expect(m.robotCost.maintenance).toBeCloseTo(1000, 6);
    expect(costBenefit({ hourlyCost: 500 }, EXAMPLE.input)!.robotCost.total).toBe(0);
    expect(costBenefit({ hourlyCost: 500, currency: 'EUR' }, EXAMPLE.input)!.currency).toBe('EUR');
  });
});
