import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, readInput, type InputRow } from '../../src/inputs/index.ts';

async function rows(file: string): Promise<InputRow<{ id: string; attachment?: string }>[]> {
  const out: InputRow<{ id: string; attachment?: string }>[] = [];
  const source = csv({ columns: { id: 'Id', attachment: { header: 'Bilaga', type: 'file', folder: 'bilagor' } } });
  for await (const row of readInput<{ id: string; attachment?: string }>(source, { file })) out.push(row);
  return out;
}

describe('input: file columns', () => {
  it("resolves a file name against the input file's folder and checks that it exists", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kanslist-file-col-'));
    mkdirSync(join(dir, 'bilagor'));
    writeFileSync(join(dir, 'bilagor', 'a.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'in.csv'), 'Id;Bilaga\nA-1;a.pdf\nA-2;missing.pdf\n');
    const [found, missing] = await rows(join(dir, 'in.csv'));
    expect(found).toMatchObject({ errors: [], data: { id: 'A-1', attachment: join(dir, 'bilagor', 'a.pdf') } });
    expect(missing!.errors).toHaveLength(1);
    expect(missing!.errors[0]).toMatchObject({ code: 'INPUT_FILE_MISSING', column: 'Bilaga' });
    expect(missing!.errors[0]!.message).toContain('Row 3 of in.csv');
    expect(missing!.data).toMatchObject({ id: 'A-2' }); // the key survives for the review queue
  });
});
