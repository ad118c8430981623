/**
 * Grid rows into records (src/ui/grid-records.ts) without a browser: header rows, records of two
 * rows, pager rows skipped, columns by header text, per language, RegExp and position, and the
 * errors for a column that is missing or matched twice.
 */
import { describe, expect, it } from 'vitest';
import { FatalBotError } from '../../src/errors.ts';
import { gridRecords, type RawRow } from '../../src/ui/grid-records.ts';

const cell = (text: string, title = '') => ({ text, title });
const th = (...texts: string[]): RawRow => ({ header: true, cells: texts.map((t) => cell(t)) });
const td = (...texts: string[]): RawRow => ({ header: false, cells: texts.map((t) => cell(t)) });

/** As CaseHub v3 shows it: two header rows, two rows per case, a pager row of one cell. */
const TWO_ROW_GRID: RawRow[] = [
  th('Ärendenummer', 'Typ', 'Sökande', 'Status', 'Registrerad'),
  th('Adress', 'Extern referens'),
  td('BN 2026-000002', 'Bygglov', 'Anna Andersson', 'Registrerad', '2026-11-02 10:00'),
  td('Storgatan 1, 111 22 STOCKHOLM', 'E-2'),
  td('BN 2026-000001', 'Bygglov', 'Bo Berg', 'Beslutat', '2026-11-01 09:00'),
  { header: false, cells: [cell('Lillgatan 2, 222 33 MALMÖ'), cell('')] },
  td('1 2 3'),
];

describe('grid records of two rows', () => {
  it("joins each case's two rows under both header rows and skips the pager row", () => {
    expect(gridRecords('s.grid', TWO_ROW_GRID, { rowsPerRecord: 2 })).toEqual([
      {
        Ärendenummer: 'BN 2026-000002',
        Typ: 'Bygglov',
        Sökande: 'Anna Andersson',
        Status: 'Registrerad',
        Registrerad: '2026-11-02 10:00',
        Adress: 'Storgatan 1, 111 22 STOCKHOLM',
        'Extern referens': 'E-2',
      },
      {
        Ärendenummer: 'BN 2026-000001',
        Typ: 'Bygglov',
        Sökande: 'Bo Berg',
        Status: 'Beslutat',
        Registrerad: '2026-11-01 09:00',
        Adress: 'Lillgatan 2, 222 33 MALMÖ',
        'Extern referens': '',
      },
    ]);
  });

  it('finds columns by header in any of several languages, by RegExp and by position across rows', () => {
    const fields = { number: { en: 'Case number', sv: 'Ärendenummer' }, state: /^stat/i, ref: 6, address: ['Address', 'Adress'] };
    expect(gridRecords('s.grid', TWO_ROW_GRID, { rowsPerRecord: 2, fields })).toEqual([
      { number: 'BN 2026-000002', state: 'Registrerad', ref: 'E-2', address: 'Storgatan 1, 111 22 STOCKHOLM' },
      { number: 'BN 2026-000001', state: 'Beslutat', ref: '', address: 'Lillgatan 2, 222 33 MALMÖ' },
    ]);
  });

  it('does not guess at a record cut off by the end of the table', () => {
    expect(gridRecords('s.grid', TWO_ROW_GRID.slice(0, 5), { rowsPerRecord: 2 })).toHaveLength(1);
  });

  it('takes the title of a truncated cell', () => {
    const rows = [
      th('Sökande', 'Status'),
      th('Adress'),
      { header: false, cells: [cell('Annabella Andersso…', 'Annabella Anderssonsdotter'), cell('Ny')] },
      td('Gatan 1'),
    ];
    expect(gridRecords('s.grid', rows, { rowsPerRecord: 2, fields: { name: 'Sökande' } })).toEqual([
      { name: 'Annabella Anderssonsdotter' },
    ]);
  });
});

describe('grid records of one row', () => {
  it('reads as before: the first row is the header, rows of another shape are skipped', () => {
    const rows = [th('Nr', 'Status'), td('1', 'Ny'), td('2', 'Klar'), td('1 2')];
    expect(gridRecords('s.grid', rows)).toEqual([
      { Nr: '1', Status: 'Ny' },
      { Nr: '2', Status: 'Klar' },
    ]);
    expect(gridRecords('s.grid', rows, { columns: { Status: 'state' } })).toEqual([{ state: 'Ny' }, { state: 'Klar' }]);
  });
});

describe('grid column errors', () => {
  it("names the field and the grid's columns when no header matches", () => {
    const error = (() => {
      try {
        gridRecords('s.grid', TWO_ROW_GRID, { rowsPerRecord: 2, fields: { owner: { sv: 'Handläggare', en: 'Officer' } } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FatalBotError);
    expect(error).toMatchObject({ code: 'KANSLIST_GRID_COLUMN_MISSING' });
    expect(String(error)).toContain('field "owner"');
    expect(String(error)).toContain('Extern referens');
  });

  it('never guesses between two matching headers, and refuses a position past the last column', () => {
    expect(() => gridRecords('s.grid', TWO_ROW_GRID, { rowsPerRecord: 2, fields: { x: /e/ } })).toThrow(
      expect.objectContaining({ code: 'KANSLIST_GRID_COLUMN_AMBIGUOUS' }),
    );
    expect(() => gridRecords('s.grid', TWO_ROW_GRID, { rowsPerRecord: 2, fields: { x: 7 } })).toThrow(
      expect.objectContaining({ code: 'KANSLIST_GRID_COLUMN_MISSING' }),
    );
  });

  it("takes as many rows per record as header rows with rowsPerRecord 'headerRows': one grid shape or the other, the same fields", () => {
    const fields = { caseNumber: 'Ärendenummer', externalRef: 'Extern referens' };
    expect(gridRecords('s.grid', TWO_ROW_GRID, { rowsPerRecord: 'headerRows', fields })).toEqual([
      { caseNumber: 'BN 2026-000002', externalRef: 'E-2' },
      { caseNumber: 'BN 2026-000001', externalRef: '' },
    ]);
    const oneRow = [
      th('Ärendenummer', 'Typ', 'Extern referens'),
      td('BN 2026-000003', 'Bygglov', 'E-3'),
      td('BN 2026-000004', 'Bygglov', 'E-4'),
    ];
    expect(gridRecords('s.grid', oneRow, { rowsPerRecord: 'headerRows', fields })).toEqual([
      { caseNumber: 'BN 2026-000003', externalRef: 'E-3' },
      { caseNumber: 'BN 2026-000004', externalRef: 'E-4' },
    ]);
  });

  it('refuses a rowsPerRecord that is not a whole number of at least 1', () => {
    expect(() => gridRecords('s.grid', TWO_ROW_GRID, { rowsPerRecord: 0 })).toThrow(
      expect.objectContaining({ code: 'KANSLIST_GRID_OPTIONS_INVALID' }),
    );
  });
});
