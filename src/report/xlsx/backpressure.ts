/**
 * Backpressure for exceljs's streaming writer. A committed row goes into the sheet's buffer stream,
 * which passes it on to the zip compressor without waiting (exceljs ignores the return value of
 * write). If rows are produced faster than they are compressed and written, they pile up in memory.
 * So every few hundred rows the sheet waits until the compressor and the file have caught up.
 */
import type { Writable } from 'node:stream';
import type { Worksheet } from 'exceljs';

/** Bytes that may wait in a stream before rows stop being added. */
const HIGH_WATER = 256 * 1024;

/** Resolves when what the sheet wrote so far has mostly reached the file. */
export async function waitForWriter(worksheet: Worksheet, file: Writable): Promise<void> {
  // Let the compressor and the file stream run at least once.
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (;;) {
    const busy = [...pipesOf(worksheet), file].find((stream) => !stream.destroyed && buffered(stream) > HIGH_WATER);
    if (!busy) return;
    // 'drain' is certain: the stream set needDrain when its buffer passed its (far smaller) highWaterMark.
    await drainOf(busy);
  }
}

/** Resolves on the stream's next 'drain' (or 'close'), rejects on 'error'; removes its listeners either way. */
function drainOf(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      cleanup();
      resolve();
    };
    const fail = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', fail);
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', fail);
  });
}

/**
 * Bytes written to `stream` and not yet passed on. archiver's streams come from readable-stream 2,
 * which has no `writableLength`, only the internal `_writableState.length` Node also keeps.
 */
function buffered(stream: Writable): number {
  const length = stream.writableLength ?? (stream as unknown as { _writableState?: { length?: number } })._writableState?.length;
  return typeof length === 'number' ? length : 0;
}

/**
 * The streams exceljs's sheet buffer (StreamBuf, not public API) writes into. If exceljs changes
 * inside, this finds none and only the file stream is waited for.
 */
function pipesOf(worksheet: Worksheet): Writable[] {
  const stream = (worksheet as unknown as { stream?: { pipes?: unknown } }).stream;
  const pipes = stream?.pipes;
  return Array.isArray(pipes)
    ? pipes.filter((p): p is Writable => typeof (p as Writable)?.write === 'function' && typeof (p as Writable).once === 'function')
    : [];
}
