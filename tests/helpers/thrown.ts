import { KanslistError } from '../../src/errors.ts';

/** The KanslistError that `work` throws (anything else, or nothing, fails the test). */
export function thrown(work: () => unknown): KanslistError {
  try {
    work();
  } catch (error) {
    if (error instanceof KanslistError) return error;
    throw error;
  }
  throw new Error('expected an error');
}
