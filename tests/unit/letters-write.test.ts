import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LetterFileNameError, LetterWriteError, writeLetter } from '../../src/report/letters/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('writeLetter', () => {
  const dir = useTempDir('kanslist-write-letter-');

  it('writes the letter into the folder (creating it) and leaves no temporary file behind', async () => {
    const folder = join(dir(), 'runs', 'r1', 'item-1');
    const path = await writeLetter(folder, 'kvittens-ET-1.pdf', new TextEncoder().encode('%PDF-1.7 first'));
    expect(path).toBe(join(folder, 'kvittens-ET-1.pdf'));
    expect(await readFile(path, 'utf8')).toBe('%PDF-1.7 first');
    expect(await readdir(folder)).toEqual(['kvittens-ET-1.pdf']);
  });

  it('writing the same letter again replaces it: a retried item has one letter', async () => {
    await writeLetter(dir(), 'kvittens-ET-1.pdf', new TextEncoder().encode('%PDF-1.7 first'));
    const path = await writeLetter(dir(), 'kvittens-ET-1.pdf', new TextEncoder().encode('%PDF-1.7 second'));
    expect(await readFile(path, 'utf8')).toBe('%PDF-1.7 second');
    expect(await readdir(dir())).toEqual(['kvittens-ET-1.pdf']);
  });

  it('refuses a file name with a folder in it or not ending in .pdf', async () => {
    for (const name of ['../kvittens.pdf', 'a/kvittens.pdf', 'kvittens.txt', '.hidden.pdf', '']) {
      await expect(writeLetter(dir(), name, new Uint8Array(1)), name).rejects.toBeInstanceOf(LetterFileNameError);
    }
    expect(await readdir(dir())).toEqual([]);
  });

  it('a folder that cannot be written is a typed, retryable error naming the path', async () => {
    const notAFolder = join(dir(), 'file');
    await writeFile(notAFolder, 'x');
    const error = await writeLetter(notAFolder, 'kvittens-ET-1.pdf', new Uint8Array(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LetterWriteError);
    expect((error as LetterWriteError).code).toBe('KANSLIST_LETTER_WRITE_FAILED');
    expect((error as LetterWriteError).where).toBe(join(notAFolder, 'kvittens-ET-1.pdf'));
  });
});
