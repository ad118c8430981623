/**
 * Finding a target's strategy list in a system map's source text, to insert a new first strategy.
 *
 * A small scanner rather than a TypeScript parser (the compiler is not a runtime dependency):
 * it skips strings, template literals, comments and regular expressions, follows object and array
 * brackets, and remembers the key each bracket was opened under. A target is found where the key
 * path ends in `screens > <screen> > <target>`; its list is that bracket when it is an array (the
 * shorthand), else the `strategies` array inside it.
 */

interface Open {
  key: string | undefined;
  bracket: '{' | '[' | '(';
  /** Index just after the bracket. */
  start: number;
}

/** Where to insert: just after the `[` of the target's strategy list. Undefined when not found. */
export function findStrategyList(source: string, screen: string, target: string): number | undefined {
  const stack: Open[] = [];
  let lastKey: string | undefined;
  let lastSignificant = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const skipped = skip(source, i, lastSignificant);
    if (skipped !== undefined) {
      const literal = source.slice(i, skipped);
      // A quoted key: `'newCase': {`.
      if ((c === "'" || c === '"') && /^\s*:/.test(source.slice(skipped))) lastKey = literal.slice(1, -1);
      const comment = c === '/' && (source[i + 1] === '/' || source[i + 1] === '*');
      if (!comment) lastSignificant = 'x'; // a value: a `/` after it divides, it starts no regex
      i = skipped - 1;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (/[A-Za-z_$]/.test(c)) {
      const word = /^[\w$]+/.exec(source.slice(i))![0];
      if (/^\s*:/.test(source.slice(i + word.length))) lastKey = word;
      i += word.length - 1;
      lastSignificant = 'x';
      continue;
    }
    if (c === '{' || c === '[' || c === '(') {
      const key = lastSignificant === ':' ? lastKey : undefined;
      stack.push({ key, bracket: c, start: i + 1 });
      const keys = stack.map((open) => open.key);
      const n = keys.length;
      if (n >= 3 && keys[n - 3] === 'screens' && keys[n - 2] === screen && keys[n - 1] === target) {
        if (c === '[') return i + 1;
      }
      if (
        n >= 4 &&
        keys[n - 4] === 'screens' &&
        keys[n - 3] === screen &&
        keys[n - 2] === target &&
        keys[n - 1] === 'strategies' &&
        c === '['
      )
        return i + 1;
    } else if (c === '}' || c === ']' || c === ')') {
      stack.pop();
    }
    lastSignificant = c;
  }
  return undefined;
}

/** The end (exclusive) of a string, template, comment or regular expression starting at `i`, else undefined. */
function skip(source: string, i: number, before: string): number | undefined {
  const c = source[i];
  const next = source[i + 1];
  if (c === '/' && next === '/') {
    const end = source.indexOf('\n', i);
    return end < 0 ? source.length : end;
  }
  if (c === '/' && next === '*') {
    const end = source.indexOf('*/', i + 2);
    return end < 0 ? source.length : end + 2;
  }
  if (c === "'" || c === '"' || c === '`') return endOfQuoted(source, i, c);
  // A slash where a value is expected starts a regular expression (`text: /^BN \d+$/`).
  if (c === '/' && (before === '' || '(,=:[!&|?{};'.includes(before))) return endOfRegex(source, i);
  return undefined;
}

function endOfQuoted(source: string, i: number, quote: string): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === quote) return j + 1;
  }
  return source.length;
}

function endOfRegex(source: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      let k = j + 1;
      while (k < source.length && /[a-z]/i.test(source[k]!)) k++;
      return k;
    } else if (c === '\n') return j;
  }
  return source.length;
}

/**
 * The source with `strategy` (its text) inserted as the first element of the list opening at
 * `at`: on the same line for a one-line list, on a line of its own (same indent) for a list
 * written one strategy per line.
 */
export function insertFirst(source: string, at: number, strategy: string): string {
  const rest = source.slice(at);
  const multiLine = /^[ \t]*\r?\n([ \t]*)/.exec(rest);
  if (multiLine) {
    const newline = rest.includes('\r\n') ? '\r\n' : '\n';
    return `${source.slice(0, at)}${newline}${multiLine[1]}${strategy},${source.slice(at)}`;
  }
  return `${source.slice(0, at)}${strategy}, ${rest.replace(/^[ \t]*/, '')}`;
}
