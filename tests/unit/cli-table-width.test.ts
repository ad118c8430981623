/**
 * Listing tables fit the terminal: the widest columns shrink first with an ellipsis, no line is
 * longer than the width, and piped output without COLUMNS is as wide as its content.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/table.ts';
import { fitWidths, tableWidth } from '../../src/cli/table-fit.ts';
import { openStore } from '../../src/store/index.ts';
import { plainEnv, runCli } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('kanslist-table-width-');

const rows = [
  {
    item: 'a1b2c3d4',
    key: 'ANS-2026-0001',
    status: 'review',
    reason: 'The applicant is not in the population register; ask the municipality office',
    source: 'e-service-export-2026-12.xlsx',
  },
  { item: 'e5f6a7b8', key: 'ANS-2026-0002', status: 'done', reason: '', source: 'e-service-export-2026-12.xlsx' },
];
const columns = ['item', 'key', 'status', 'reason', 'source'];

describe('CLI tables fit the terminal width', () => {
  it('shrinks the widest column first, cuts with an ellipsis and keeps every line within the width', () => {
    const wide = formatTable(rows, columns, undefined);
    expect(Math.max(...wide.map((l) => l.length))).toBeGreaterThan(100);
    const narrow = formatTable(rows, columns, 80);
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(80);
    expect(narrow).toHaveLength(4);
    // The short columns are whole; the long reason gave way and ends in an ellipsis.
    expect(narrow[2]).toMatch(/^a1b2c3d4 {2}ANS-2026-0001 {2}review {2}The applicant .*… {2}e-service/);
    expect(narrow[3]).toMatch(/^e5f6a7b8 {2}ANS-2026-0002 {2}done\s+e-service/);
  });

  it('takes from the widest until it is level with the next, then from both', () => {
    expect(fitWidths([10, 40, 30], 60)).toEqual([10, 23, 23]);
    expect(fitWidths([10, 40, 30], undefined)).toEqual([10, 40, 30]);
    expect(fitWidths([10, 40, 30], 200)).toEqual([10, 40, 30]);
    // Too narrow for anything: no column goes below four characters, and lines are cut at the width.
    expect(fitWidths([10, 40, 30], 5)).toEqual([4, 4, 4]);
    for (const line of formatTable(rows, columns, 20)) expect(line.length).toBeLessThanOrEqual(20);
  });

  it('a cell with line breaks stays on its row', () => {
    const lines = formatTable([{ item: 'x', reason: 'first line\nsecond line\r\nthird' }], ['item', 'reason'], undefined);
    expect(lines).toEqual(['item  reason', '----  ----------------------------', 'x     first line second line third']);
  });

  it('the width is COLUMNS when set, else the terminal width, else unlimited when piped', () => {
    expect(tableWidth({ isTTY: true, columns: 120 }, {})).toBe(120);
    expect(tableWidth({ isTTY: true, columns: 120 }, { COLUMNS: '72' })).toBe(72);
    expect(tableWidth({ isTTY: false }, { COLUMNS: '72' })).toBe(72);
    expect(tableWidth({ isTTY: false }, {})).toBeUndefined();
    expect(tableWidth({ isTTY: false }, { COLUMNS: 'wide' })).toBeUndefined();
  });

  it('`kanslist runs` piped keeps full width; with COLUMNS=60 every line fits in 60 characters', async () => {
    const db = `sqlite:${join(dir(), 'store.sqlite')}`;
    const store = await openStore(db);
    try {
      await store.runs.create({
        bot: 'bygglov-registrering-med-lang-beskrivning',
        botVersion: 'v1.2.3-abcdef',
        trigger: 'schedule:morning-intake-weekdays',
        host: 'test',
        pid: 1,
      });
    } finally {
      await store.close();
    }
    const full = await runCli(['runs', '--db', db], { env: plainEnv(), cwd: dir() });
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toContain('bygglov-registrering-med-lang-beskrivning');
    expect(full.stdout).toContain('schedule:morning-intake-weekdays');
    const fitted = await runCli(['runs', '--db', db], { env: plainEnv({ COLUMNS: '60' }), cwd: dir() });
    expect(fitted.code, fitted.stderr).toBe(0);
    const lines = fitted.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines[2]).toContain('…');
  }, 120_000);
});
