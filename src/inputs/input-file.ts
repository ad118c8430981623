/** Resolves the file a source reads and checks it is there, before any reader starts. */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileNotFoundError, noFileError, unreadableError, type InputFile } from './input-errors.ts';

/** The `--input` file wins over the source's own; relative paths resolve against `cwd`. */
export function chooseFile(sourceFile: string | undefined, options: { file?: string; cwd?: string }): InputFile | undefined {
  const given = options.file ?? sourceFile;
  if (given === undefined || given === '') return undefined;
  const path = resolve(options.cwd ?? process.cwd(), given);
  return { given, path, name: basename(path) };
}

export async function requireFile(kind: string, file: InputFile | undefined): Promise<InputFile> {
  if (file === undefined) throw noFileError(kind);
  try {
    const info = await stat(file.path);
    if (!info.isFile()) {
      throw unreadableError(file, 'is not a file (a directory?)', 'Point --input at the file itself, not its folder.');
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw fileNotFoundError(file, error);
    throw error;
  }
  return file;
}
