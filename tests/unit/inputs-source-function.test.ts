/* eslint-disable @typescript-eslint/require-await -- these tests feed readInput the async functions and generators bots write, awaiting nothing */
import { describe, expect, it } from 'vitest';
import { TransientUiError } from '../../src/errors.ts';
import { fromFunction, readInput, type InputRow } from '../../src/inputs/index.ts';

async function collect<T>(rows: AsyncIterable<InputRow<T>>): Promise<InputRow<T>[]> {
  const out: InputRow<T>[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('function input source', () => {
  it('yields the items of a sync iterable, numbered from 1', async () => {
    const source = fromFunction(() => [{ caseId: 'K-1' }, { caseId: 'K-2' }]);
    expect(await collect(readInput(source, {}))).toEqual([
      { source: 'function row 1', row: 1, data: { caseId: 'K-1' }, errors: [] },
      { source: 'function row 2', row: 2, data: { caseId: 'K-2' }, errors: [] },
    ]);
  });

  it('yields the items of an async generator and passes it the resolved --input file', async () => {
    const seen: (string | undefined)[] = [];
    const source = fromFunction(async function* ({ file }) {
      seen.push(file);
      yield { caseId: 'K-1' };
      yield { caseId: 'K-2' };
    });
    const rows = await collect(readInput(source, { file: 'worklist.txt', cwd: '/srv/kanslist' }));
    expect(rows.map((r) => [r.source, r.data?.caseId])).toEqual([
      ['worklist.txt row 1', 'K-1'],
      ['worklist.txt row 2', 'K-2'],
    ]);
    expect(seen).toEqual(['/srv/kanslist/worklist.txt']);
  });

  it('accepts a promise of an array', async () => {
    const rows = await collect(
      readInput(
        fromFunction(async () => [1, 2, 3]),
        {},
      ),
    );
    expect(rows.map((r) => r.data)).toEqual([1, 2, 3]);
  });

  it('keeps Kanslist errors as they are and wraps anything else with the count read so far', async () => {
    const transient = fromFunction(async function* () {
      yield 'K-1';
      throw new TransientUiError('KANSLIST_SYSTEM_BUSY', 'The worklist page said the system is busy');
    });
    await expect(collect(readInput(transient, {}))).rejects.toBeInstanceOf(TransientUiError);
    const buggy = fromFunction(async function* () {
      yield 'K-1';
      throw new TypeError('cannot read x of undefined');
    });
    await expect(collect(readInput(buggy, {}))).rejects.toMatchObject({
      code: 'INPUT_FUNCTION_FAILED',
      message: expect.stringContaining('after 1 item'),
    });
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    const source = fromFunction(function* () {
      for (let i = 1; ; i++) yield i;
    });
    const seen: unknown[] = [];
    const reading = (async () => {
      for await (const row of readInput(source, { signal: controller.signal })) {
        seen.push(row.data);
        if (seen.length === 3) controller.abort(new Error('run cancelled'));
      }
    })();
    await expect(reading).rejects.toThrow('run cancelled');
    expect(seen).toEqual([1, 2, 3]);
  });
});
