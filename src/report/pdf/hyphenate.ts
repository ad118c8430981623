/**
 * Where a word may be broken, by the hyphenation patterns of the report's language (the `hyphen`
 * package: TeX's patterns for Swedish, Danish, German 1996 spelling and British English). A table
 * column too narrow for "Årsarbetskrafter" then reads "Årsarbets-" / "krafter", never "Årsarbetsk" /
 * "rafter".
 */
import { createRequire } from 'node:module';
import type { Language } from '../../config/config.ts';

interface Hyphenator {
  hyphenateSync(text: string, options: { hyphenChar: string; minWordLength?: number }): string;
}

/** The pattern module per language: German in the 1996 spelling, English in British spelling (en-GB reports). */
const MODULES: Record<Language, string> = { sv: 'hyphen/sv', da: 'hyphen/da', de: 'hyphen/de-1996', en: 'hyphen/en-gb' };
/** At least two letters before a break and three after it (TeX's \lefthyphenmin / \righthyphenmin). */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
const MARK = '\u00ad';

const require = createRequire(import.meta.url);
const loaded = new Map<Language, Hyphenator>();

function hyphenator(language: Language): Hyphenator {
  let h = loaded.get(language);
  if (h === undefined) {
    h = require(MODULES[language]) as Hyphenator;
    loaded.set(language, h);
  }
  return h;
}

/** Character offsets (into Array.from(word)) after which `word` may be broken with a hyphen. */
export type BreakPoints = (word: string) => number[];

/** The break points of words in `language`; a word that is not letters only (an id, a path) has none. */
export function hyphenationPoints(language: Language): BreakPoints {
  return (word) => {
    if (!/^\p{L}+$/u.test(word)) return [];
    const marked = Array.from(hyphenator(language).hyphenateSync(word, { hyphenChar: MARK, minWordLength: LEFT_MIN + RIGHT_MIN }));
    const points: number[] = [];
    let letters = 0;
    for (const char of marked) {
      if (char === MARK) points.push(letters);
      else letters++;
    }
    return points.filter((at) => at >= LEFT_MIN && letters - at >= RIGHT_MIN);
  };
}
