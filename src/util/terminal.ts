/**
 * Whether output may use colour and cursor control. https://no-color.org: a non-empty NO_COLOR
 * turns colour off; so does TERM=dumb or a stream that is not a terminal (a pipe, a file, a CI
 * log), where escape codes would show as garbage.
 */
export interface TerminalStream {
  isTTY?: boolean;
}

/** Colour (ANSI SGR codes) on `stream`. */
export function colourAllowed(stream: TerminalStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !noColor(env) && env.TERM !== 'dumb';
}

/**
 * Redrawing a line in place (carriage return and erase-line codes), for a progress bar. Off under
 * NO_COLOR too: people set it to get output without escape sequences, as in a log.
 */
export function redrawAllowed(stream: TerminalStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return colourAllowed(stream, env);
}

function noColor(env: NodeJS.ProcessEnv): boolean {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '';
}
