import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { COLUMNS, SHEET_NAME, generateEServiceExport, type GeneratedExport } from '../../src/fixtures/inputs/index.ts';
import { findPerson } from '../../src/fixtures/population/register.ts';
import { isValidPersonnummer, parsePersonnummer } from '../../src/identity/index.ts';
import { ConfigError } from '../../src/errors.ts';

const COUNT = 300;
let dir: string;
let generated: GeneratedExport;
let sheet: ExcelJS.Worksheet;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kanslist-inputs-'));
  generated = await generateEServiceExport({ count: COUNT, errorShare: 0.2, seed: 9, outDir: dir });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(generated.xlsxPath);
  const found = workbook.getWorksheet(SHEET_NAME);
  if (!found) throw new Error(`sheet ${SHEET_NAME} missing`);
  sheet = found;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cell(row: number, header: (typeof COLUMNS)[number]): ExcelJS.Cell {
  return sheet.getRow(row).getCell(COLUMNS.indexOf(header) + 1);
}

describe('generateEServiceExport', () => {
  it('writes one row per application under the Swedish headers', () => {
    expect(generated.xlsxPath).toBe(path.join(dir, 'e-tjanst-bygglov.xlsx'));
    expect(sheet.getRow(1).values).toEqual([undefined, ...COLUMNS]);
    expect(sheet.actualRowCount).toBe(COUNT + 1);
    expect(generated.applications).toHaveLength(COUNT);
    const ids = generated.applications.map((a) => a.applicationId);
    expect(new Set(ids).size).toBe(COUNT);
    ids.forEach((id, i) => {
      expect(id).toMatch(/^ET-2026-\d{6}$/);
      expect(cell(i + 2, 'Ärende-ID').value).toBe(id);
    });
  });

  it('writes personnummer as text exactly as typed, leading zeros kept', () => {
    let leadingZeros = 0;
    generated.applications.forEach((app, i) => {
      const pnr = cell(i + 2, 'Personnummer');
      expect(pnr.type).toBe(ExcelJS.ValueType.String);
      expect(pnr.value).toBe(app.personnummer);
      if (app.personnummer.startsWith('0')) leadingZeros++;
    });
    expect(leadingZeros).toBeGreaterThan(0);
  });

  it("writes 'Inkommen' as a real date cell with a date format", () => {
    generated.applications.forEach((app, i) => {
      const submitted = cell(i + 2, 'Inkommen');
      expect(submitted.value).toBeInstanceOf(Date);
      expect((submitted.value as Date).getTime()).toBe(app.submittedAt.getTime());
      expect(submitted.numFmt).toMatch(/yyyy-mm-dd/);
      expect(app.submittedAt.getUTCFullYear()).toBe(2026);
    });
  });

  it('has the requested share of error rows, each with its error visible in the sheet', () => {
    expect(generated.invalidCount).toBe(Math.round(COUNT * 0.2));
    expect(generated.validCount + generated.invalidCount).toBe(COUNT);
    const kinds = new Set(generated.applications.map((a) => a.error));
    expect(kinds).toEqual(new Set([null, 'invalid-personnummer', 'missing-property-designation']));
    generated.applications.forEach((app, i) => {
      const designation = cell(i + 2, 'Fastighetsbeteckning').value;
      if (app.error === 'invalid-personnummer') {
        expect(isValidPersonnummer(app.personnummer)).toBe(false);
      } else {
        expect(isValidPersonnummer(app.personnummer)).toBe(true);
      }
      if (app.error === 'missing-property-designation') {
        expect(designation ?? '').toBe('');
      } else {
        expect(designation).toMatch(/^\p{Lu}[\p{L} ]+ \p{Lu}[\p{L} ]* \d+:\d+$/u);
      }
    });
  });

  it('uses people from the population register, some with samordningsnummer', () => {
    const valid = generated.applications.filter((a) => a.error === null);
    for (const app of valid) {
      expect(findPerson(app.personnummer)?.name).toBe(app.name);
      expect(['Nybyggnad', 'Tillbyggnad', 'Rivning', 'Ändrad användning', 'Fasadändring']).toContain(app.measure);
    }
    expect(valid.some((a) => parsePersonnummer(a.personnummer).coordinationNumber)).toBe(true);
  });

  it('writes a PDF attachment per application, named in the sheet', async () => {
    expect(generated.attachmentsDir).toBe(path.join(dir, 'bilagor'));
    const files = new Set(await readdir(generated.attachmentsDir));
    for (const [i, app] of generated.applications.entries()) {
      expect(cell(i + 2, 'Bilaga').value).toBe(app.attachment);
      expect(files.has(app.attachment)).toBe(true);
    }
    const first = await readFile(path.join(generated.attachmentsDir, generated.applications[0]!.attachment));
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('gives the same applications for the same seed and different ones for another seed', async () => {
    const again = await generateEServiceExport({ count: 20, seed: 9, outDir: path.join(dir, 'a') });
    const same = await generateEServiceExport({ count: 20, seed: 9, outDir: path.join(dir, 'b') });
    const other = await generateEServiceExport({ count: 20, seed: 10, outDir: path.join(dir, 'c') });
    expect(same.applications).toEqual(again.applications);
    expect(other.applications).not.toEqual(again.applications);
    expect(again.invalidCount).toBe(2); // default errorShare 0.1
  });

  it('rejects a bad count or error share with a ConfigError', async () => {
    await expect(generateEServiceExport({ count: 0, outDir: dir })).rejects.toBeInstanceOf(ConfigError);
    await expect(generateEServiceExport({ count: 5, errorShare: 1.5, outDir: dir })).rejects.toBeInstanceOf(ConfigError);
  });
});
