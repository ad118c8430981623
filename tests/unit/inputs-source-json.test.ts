import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, readInput } from '../../src/inputs/index.ts';
import { collect, useTempDir } from '../helpers/temp-dir.ts';

// Synthetic personnummer only: birth numbers 980–999 are the Tax Agency's test series.
const PNR = '010101-9800';

const tempDir = useTempDir('kanslist-inputs-json-');

async function write(name: string, value: unknown): Promise<string> {
  const path = join(tempDir(), name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('json input source', () => {
  it('yields each object of the array as it stands when no columns are given', async () => {
    const file = await write('items.json', [{ id: 'A-1', nested: { x: 1 } }, { id: 'A-2' }]);
    const rows = await collect(readInput(json({}), { file }));
    expect(rows).toEqual([
      { source: 'items.json row 1', row: 1, data: { id: 'A-1', nested: { x: 1 } }, errors: [] },
      { source: 'items.json row 2', row: 2, data: { id: 'A-2' }, errors: [] },
    ]);
  });

  it('validates and converts fields when columns are given', async () => {
    const file = await write('cases.json', [
      { 'Ärende-ID': 'A-1', inkommen: '2026-11-22', Personnummer: 101019800, Belopp: '12,5' },
      { 'Ärende-ID': 'A-2', inkommen: 'igår', Belopp: 3 },
      'not an object',
    ]);
    const source = json({
      columns: {
        applicationId: 'Ärende-ID',
        submittedAt: { header: 'Inkommen', type: 'date' },
        personnummer: 'Personnummer',
        amount: { header: 'Belopp', type: 'number' },
      },
    });
    const rows = await collect(readInput(source, { file }));
    expect(rows[0]).toMatchObject({
      errors: [],
      data: { applicationId: 'A-1', submittedAt: new Date('2026-11-22T00:00:00Z'), personnummer: '101019800', amount: 12.5 },
    });
    expect(rows[1]?.errors.map((e) => [e.field, e.code])).toEqual([
      ['submittedAt', 'INPUT_TYPE'],
      ['personnummer', 'INPUT_REQUIRED'],
    ]);
    expect(rows[1]?.errors[0]?.message).toBe(
      'Row 2 of cases.json: column "Inkommen" (submittedAt) is not a date (expected e.g. 2026-11-22, 2026-11-22 08:15 or 22.11.2026)',
    );
    expect(rows[2]).toMatchObject({ row: 3, data: undefined, errors: [{ code: 'INPUT_TYPE' }] });
  });

  it('refuses a file that is not a JSON array, without quoting its content', async () => {
    const broken = await write('broken.json', `[{"personnummer": "${PNR}",]`);
    const error = await collect(readInput(json(), { file: broken })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INPUT_UNREADABLE', message: expect.stringContaining('broken.json') });
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('9800');
    const object = await write('object.json', { items: [] });
    await expect(collect(readInput(json(), { file: object }))).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      message: expect.stringContaining('array'),
    });
  });
});
