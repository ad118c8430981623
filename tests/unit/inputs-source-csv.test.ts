import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csv, readInput, type CsvSource, type InputRow } from '../../src/inputs/index.ts';
import { collect, useTempDir } from '../helpers/temp-dir.ts';

// Synthetic personnummer only: birth numbers 980–999 are the Tax Agency's test series.
const PNR = '010101-9800';

const tempDir = useTempDir('kanslist-inputs-csv-');

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(tempDir(), name);
  await writeFile(path, content);
  return path;
}

const source: CsvSource = csv({
  columns: {
    applicationId: 'Ärende-ID',
    submittedAt: { header: 'Inkommen', type: 'date' },
    personnummer: 'Personnummer',
    amount: { header: 'Belopp', type: 'number' },
    note: { header: 'Anteckning', required: false },
  },
});

describe('csv input source', () => {
  it('reads a semicolon file with decimal commas, quoted delimiters, "" escapes and a line break inside quotes', async () => {
    const file = await write(
      'e-tjanst.csv',
      '\uFEFFÄrende-ID;Inkommen;Personnummer;Belopp;Anteckning\r\n' +
        `A-1;2026-11-22 08:15;${PNR};1 234,50;"Ring; efter kl 10"\r\n` +
        `A-2;22.11.2026;${PNR};-3,5;"Rad ett\r\nrad två med ""citat"""\r\n` +
        `A-3;22-11-2026;${PNR};12;\r\n`,
    );
    const rows = await collect(readInput(source, { file }));
    expect(rows.map((r) => r.errors)).toEqual([[], [], []]);
    expect(rows[0]?.data).toEqual({
      applicationId: 'A-1',
      submittedAt: new Date('2026-11-22T08:15:00Z'),
      personnummer: PNR,
      amount: 1234.5,
      note: 'Ring; efter kl 10',
    });
    expect(rows[1]?.data).toMatchObject({
      submittedAt: new Date('2026-11-22T00:00:00Z'),
      amount: -3.5,
      note: 'Rad ett\r\nrad två med "citat"',
    });
    expect(rows[2]?.data).toMatchObject({ submittedAt: new Date('2026-11-22T00:00:00Z'), amount: 12 });
    // Rows count records as a spreadsheet shows them: the quoted line break does not shift row 4.
    expect(rows.map((r) => r.source)).toEqual(['e-tjanst.csv row 2', 'e-tjanst.csv row 3', 'e-tjanst.csv row 4']);
  });

  it('sniffs a comma delimiter and keeps leading zeros of identity numbers', async () => {
    const file = await write('comma.csv', `Ärende-ID,Inkommen,Personnummer,Belopp\nA-1,2026-11-22,0101019800,"1,5"\n`);
    const [row] = await collect(readInput(source, { file }));
    expect(row?.data).toMatchObject({ personnummer: '0101019800', amount: 1.5 });
  });

  it('reads a Latin-1 (Windows-1252) export with å ä ö when told its encoding', async () => {
    const text = 'Ärende-ID;Inkommen;Personnummer;Belopp;Anteckning\r\nA-1;2026-11-22;' + PNR + ';10;Åsa Öberg, Väröbacka\r\n';
    const file = await write('ansi.csv', iconv.encode(text, 'win1252'));
    const [row] = await collect(readInput(csv({ ...source, encoding: 'latin1' }), { file }));
    expect(row?.data).toMatchObject({ applicationId: 'A-1', note: 'Åsa Öberg, Väröbacka' });
  });

  it('refuses a Latin-1 file read as UTF-8 instead of garbling names', async () => {
    const file = await write('ansi.csv', iconv.encode('Ärende-ID;Inkommen\r\nA-1;2026-11-22\r\n', 'win1252'));
    await expect(collect(readInput(source, { file }))).rejects.toMatchObject({
      code: 'INPUT_ENCODING',
      message: expect.stringContaining('ansi.csv'),
      remedy: expect.stringContaining("encoding: 'latin1'"),
    });
  });

  it('skips empty rows and reports row problems without quoting values', async () => {
    const file = await write(
      'problems.csv',
      `ärende-id;INKOMMEN;personnummer;belopp\n\n;;;\nA-1;31.02.2026;${PNR};tolv\nA-2;2026-11-22;;5\n`,
    );
    const rows = await collect(readInput(source, { file }));
    expect(rows.map((r) => r.row)).toEqual([4, 5]);
    expect(rows[0]?.errors.map((e) => [e.field, e.code])).toEqual([
      ['submittedAt', 'INPUT_TYPE'],
      ['amount', 'INPUT_TYPE'],
    ]);
    expect(rows[1]?.errors).toEqual([
      {
        field: 'personnummer',
        column: 'Personnummer',
        code: 'INPUT_REQUIRED',
        type: 'string',
        message: 'Row 5 of problems.csv: column "Personnummer" (personnummer) is empty but required',
      },
    ]);
    for (const e of rows[0]?.errors ?? []) expect(e.message).not.toMatch(/31\.02|tolv/);
  });

  it('names the missing columns and the headers found', async () => {
    const file = await write('wrong.csv', 'ID;Datum;Personnummer;Belopp\nA-1;2026-11-22;x;1\n');
    await expect(collect(readInput(source, { file }))).rejects.toMatchObject({
      code: 'INPUT_COLUMN_MISSING',
      message: expect.stringMatching(/wrong\.csv.*"Ärende-ID", "Inkommen".*header row 1.*"ID", "Datum", "Personnummer", "Belopp"/),
    });
  });

  it('fails before yielding anything when a quote never closes', async () => {
    const file = await write(
      'open-quote.csv',
      `Ärende-ID;Inkommen;Personnummer;Belopp\nA-1;2026-11-22;${PNR};1\nA-2;"2026-11-22;${PNR};1\n`,
    );
    const yielded: InputRow[] = [];
    const reading = (async () => {
      for await (const row of readInput(source, { file })) yielded.push(row);
    })();
    await expect(reading).rejects.toMatchObject({ code: 'INPUT_UNREADABLE', message: expect.stringMatching(/open-quote\.csv.*line 3/) });
    expect(yielded).toEqual([]);
  });

  it('uses an explicit delimiter', async () => {
    const file = await write('tabs.tsv', `Ärende-ID\tInkommen\tPersonnummer\tBelopp\nA-1\t2026-11-22\t${PNR}\t7\n`);
    const [row] = await collect(readInput(csv({ ...source, delimiter: '\t' }), { file }));
    expect(row?.data).toMatchObject({ applicationId: 'A-1', amount: 7 });
  });
});
