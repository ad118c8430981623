/**
 * The file a workbook streams into. A write error (disk full, file system gone) must reach the
 * report's caller as an error, not crash the process as an unhandled stream 'error', and must not
 * leave close() waiting for a 'finish' that never comes.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { ConfigError } from '../../errors.ts';

export interface FileOutput {
  stream: WriteStream;
  /** Throws the write error, if there was one. */
  check(): void;
  /** Rejects when writing fails; never resolves otherwise. */
  failed: Promise<never>;
}

/** Creates the folder and opens `path` for writing; failures name the file. */
export async function openFileOutput(path: string): Promise<FileOutput> {
  let stream: WriteStream;
  try {
    await mkdir(dirname(path), { recursive: true });
    stream = createWriteStream(path);
    await once(stream, 'open');
  } catch (cause) {
    throw writeError(path, cause);
  }
  let failure: ConfigError | undefined;
  const failed = new Promise<never>((_, reject) => {
    stream.on('error', (cause) => {
      failure ??= writeError(path, cause);
      reject(failure);
    });
  });
  failed.catch(() => undefined); // observed through check() and close(), not as an unhandled rejection
  return {
    stream,
    failed,
    check() {
      if (failure) throw failure;
    },
  };
}

function writeError(path: string, cause: unknown): ConfigError {
  return new ConfigError('KANSLIST_REPORT_WRITE', 'The report file cannot be written', {
    where: path,
    remedy: 'Check that the folder exists or can be created, is writable and has free space (--out).',
    cause,
  });
}
