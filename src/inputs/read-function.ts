/** Function sources: items produced by code (e.g. a worklist read from the legacy system). */
import { InputError, KanslistError } from '../errors.ts';
import type { InputFile } from './input-errors.ts';
import type { FunctionSource, InputRow } from './types.ts';

export async function* readFunction<T>(
  source: FunctionSource<T>,
  file: InputFile | undefined,
  signal?: AbortSignal,
): AsyncGenerator<InputRow<T>> {
  const label = file?.name ?? 'function';
  let row = 0;
  try {
    const items = await source.load({ ...(file ? { file: file.path } : {}), ...(signal ? { signal } : {}) });
    if (!isIterable(items)) {
      throw new InputError('INPUT_FUNCTION_INVALID', "The bot's input function returned something that is not an iterable of items", {
        remedy: 'Return an array, an iterable, or use an async generator (async function*).',
      });
    }
    for await (const item of items) {
      signal?.throwIfAborted();
      row += 1;
      yield { source: `${label} row ${row}`, row, data: item, errors: [] };
    }
  } catch (error) {
    // Kanslist errors (a transient UI error while reading a worklist, say) keep their meaning.
    if (error instanceof KanslistError || signal?.aborted) throw error;
    throw new InputError('INPUT_FUNCTION_FAILED', `The bot's input function failed after ${row} item(s)`, {
      remedy: 'See the cause; fix the function or the data it reads.',
      cause: error,
    });
  }
}

function isIterable(value: unknown): value is AsyncIterable<unknown> | Iterable<unknown> {
  return typeof value === 'object' && value !== null && (Symbol.asyncIterator in value || Symbol.iterator in value);
}
