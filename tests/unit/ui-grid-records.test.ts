/**
 * Grid rows into records (src/ui/grid-records.ts) without a browser: header rows, records of two
 * rows, pager rows skipped, columns by header text, per language, RegExp and position, records of
 * varying length (recordStart), and the errors for a column that is missing or matched twice and
 * for readGrid options that cannot be read.
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

describe('grid records of varying length (recordStart)', () => {
  // What the page reports for `recordStart: 'tr.rgRow, tr.rgAltRow'`: a case row starts a record,
  // note rows (zero or more) follow it.
  const caseRow = (...texts: string[]): RawRow => ({ ...td(...texts), start: true });
  const noteRow = (text: string): RawRow => ({ ...td(text), start: false });
  const headerRow = (...texts: string[]): RawRow => ({ ...th(...texts), start: false });
  const VARYING_GRID: RawRow[] = [
    headerRow('Ärende', 'Sökande', 'Status'),
    caseRow('BN 2026-001', 'Anna Andersson', 'Öppet'),
    caseRow('BN 2026-002', 'Bo Berg', 'Beslutat'),
    noteRow('Komplettering begärd'),
    noteRow('Komplettering inkommen'),
    caseRow('BN 2026-003', 'Cecilia Ceder', 'Öppet'),
    noteRow('Grannehörande'),
  ];
  const SELECTOR = 'tr.rgRow, tr.rgAltRow';

  it('gives each record its start row and the rows up to the next start: 1, 3 and 2 rows', () => {
    const fields = { caseNumber: 'Ärende', status: /^Status$/, firstNote: 3, secondNote: 4 };
    expect(gridRecords('s.grid', VARYING_GRID, { recordStart: SELECTOR, fields })).toEqual([
      { caseNumber: 'BN 2026-001', status: 'Öppet', firstNote: '', secondNote: '' },
      { caseNumber: 'BN 2026-002', status: 'Beslutat', firstNote: 'Komplettering begärd', secondNote: 'Komplettering inkommen' },
      { caseNumber: 'BN 2026-003', status: 'Öppet', firstNote: 'Grannehörande', secondNote: '' },
    ]);
  });

  it('reads every header column by default, a cell a shorter record lacks as empty', () => {
    const rows = [
      headerRow('Ärende', 'Status'),
      th('Anteckning'),
      caseRow('BN 2026-001', 'Öppet'),
      caseRow('BN 2026-002', 'Klar'),
      noteRow('Klar'),
    ];
    expect(gridRecords('s.grid', rows, { recordStart: SELECTOR })).toEqual([
      { Ärende: 'BN 2026-001', Status: 'Öppet', Anteckning: '' },
      { Ärende: 'BN 2026-002', Status: 'Klar', Anteckning: 'Klar' },
    ]);
  });

  it('counts neither the header nor rows before the first start, nor a sub-header row, as a record or part of one', () => {
    const rows = [noteRow('Sida 1 av 2'), ...VARYING_GRID.slice(0, 2), headerRow('Mellanrubrik'), ...VARYING_GRID.slice(2, 4)];
    expect(gridRecords('s.grid', rows, { recordStart: SELECTOR, fields: { caseNumber: 0, note: 3 } })).toEqual([
      { caseNumber: 'BN 2026-001', note: '' },
      { caseNumber: 'BN 2026-002', note: 'Komplettering begärd' },
    ]);
  });

  it('leaves <tfoot> rows (a pager) out of the last record', () => {
    const pager: RawRow = { ...td('1 2 3'), start: false, foot: true };
    expect(gridRecords('s.grid', [...VARYING_GRID, pager], { recordStart: SELECTOR, fields: { note: 3, more: 4 } })).toEqual([
      { note: '', more: '' },
      { note: 'Komplettering begärd', more: 'Komplettering inkommen' },
      { note: 'Grannehörande', more: '' },
    ]);
  });

  it('refuses recordStart together with rowsPerRecord, naming the grid', () => {
    const both = () => gridRecords('s.grid', VARYING_GRID, { recordStart: SELECTOR, rowsPerRecord: 2 });
    expect(both).toThrow(FatalBotError);
    expect(both).toThrow(expect.objectContaining({ code: 'KANSLIST_GRID_OPTIONS_INVALID' }));
    expect(both).toThrow(/"s\.grid".*recordStart and rowsPerRecord/);
  });

  it('names the grid and the selector when no row matches though the grid has data rows', () => {
    const unmatched = VARYING_GRID.map((row) => ({ ...row, start: false }));
    const read = () => gridRecords('s.grid', unmatched, { recordStart: SELECTOR });
    expect(read).toThrow(FatalBotError);
    expect(read).toThrow(expect.objectContaining({ code: 'KANSLIST_GRID_RECORD_START_UNMATCHED' }));
    expect(read).toThrow(/"s\.grid".*"tr\.rgRow, tr\.rgAltRow"/);
  });

  it('reads an empty grid — a header and a "no records" row — as no records', () => {
    const rows = [headerRow('Ärende', 'Sökande', 'Status'), noteRow('Inga ärenden')];
    expect(gridRecords('s.grid', rows, { recordStart: SELECTOR })).toEqual([]);
  });
});
