/**
 * Reading a secret value for `kanslist vault set`: typed at a terminal with echo off, or piped in.
 * The value is never written anywhere; only the prompt goes to stderr.
 */
import { ConfigError } from '../errors.ts';

/** From a pipe: everything on stdin, without the one trailing newline `echo` adds. */
export async function readPipedSecret(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** From a terminal: raw mode so nothing is echoed; Enter ends, Backspace deletes, Ctrl-C/Ctrl-D abort. */
export function readTypedSecret(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  let value = '';
  return new Promise<string>((resolve, reject) => {
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004')
          return finish(new ConfigError('KANSLIST_VAULT_ABORTED', 'Nothing was set: input was aborted.'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.on('data', onData);
  });
}
