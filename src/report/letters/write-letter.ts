/**
 * Writing a finished letter into a folder (an item's evidence folder) so that a reader never sees
 * half a file: the bytes go to a temporary file beside the target, which is then renamed over it.
 * Writing the same letter again replaces it, so a retried item leaves one letter, not two.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { LetterFileNameError, LetterWriteError } from './errors.ts';

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/;

/** Writes `bytes` as `dir/fileName` atomically (creating `dir`) and returns the absolute path. */
export async function writeLetter(dir: string, fileName: string, bytes: Uint8Array): Promise<string> {
  if (!FILE_NAME.test(fileName) || basename(fileName) !== fileName || fileName.includes('..')) throw new LetterFileNameError(fileName);
  const target = resolve(dir, fileName);
  const temporary = join(resolve(dir), `.${fileName}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(resolve(dir), { recursive: true });
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, target);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new LetterWriteError(target, cause);
  }
  return target;
}
