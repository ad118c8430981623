/**
 * Typed message catalogues in the four report languages. English is the reference: every other
 * language must define exactly its keys with the same shapes, which the compiler checks (a missing
 * Danish key does not compile) and `defineMessages` checks again at run time for report
 * definitions written in plain JavaScript.
 */
import { ConfigError } from '../../errors.ts';
import { LANGUAGES, parseLanguage, type Language } from './language.ts';

/** A message is a string or a function of params. */
export type Message<P = void> = [P] extends [void] ? string : (params: P) => string;

/** What a catalogue may hold: texts, texts built from params, and groups of them (e.g. statuses). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- params are typed by each catalogue
export type MessageValue = string | ((params: any) => string) | { readonly [key: string]: MessageValue };
export type MessageTree = { readonly [key: string]: MessageValue };

/** Another language's version of catalogue M: the same keys, each of the same type. */
export type Translation<M> = { [K in keyof M]: M[K] };

export interface Messages<M> {
  /** The catalogue in `lang`; an unknown language throws (KANSLIST_LANGUAGE_UNKNOWN). */
  for(lang: Language): M;
}

/**
 * A catalogue in all four languages. Annotate the parameters of English function messages
 * (`pageOf: (p: { page: number; pages: number }) => …`); the other languages then get them typed.
 */
export function defineMessages<M extends { [K in keyof M]: MessageValue }>(messages: {
  en: M;
  sv: NoInfer<Translation<M>>;
  da: NoInfer<Translation<M>>;
  de: NoInfer<Translation<M>>;
}): Messages<M> {
  const reference = messages.en as unknown as MessageTree;
  for (const lang of LANGUAGES) {
    const catalogue = (messages as Record<string, unknown>)[lang];
    if (!isTree(catalogue)) throw incomplete(lang, '(all keys)', 'the whole language is missing');
    if (lang !== 'en') compareTrees(reference, catalogue, lang, '');
  }
  const byLanguage = messages as unknown as Record<Language, M>;
  return {
    for(lang: Language): M {
      return byLanguage[parseLanguage(lang, 'messages.for(language)')];
    },
  };
}

function compareTrees(reference: MessageTree, candidate: MessageTree, lang: Language, prefix: string): void {
  for (const key of Object.keys(reference)) {
    const path = prefix + key;
    const expected = reference[key];
    const actual = candidate[key];
    if (actual === undefined) throw incomplete(lang, path, 'is missing');
    if (kind(actual) !== kind(expected)) throw incomplete(lang, path, `is a ${kind(actual)} but English has a ${kind(expected)}`);
    if (isTree(expected) && isTree(actual)) compareTrees(expected, actual, lang, `${path}.`);
  }
  for (const key of Object.keys(candidate)) {
    if (!(key in reference)) throw incomplete(lang, prefix + key, 'is not in the English catalogue');
  }
}

function kind(value: unknown): 'text' | 'function' | 'group' | 'invalid value' {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'function') return 'function';
  if (isTree(value)) return 'group';
  return 'invalid value';
}

function isTree(value: unknown): value is MessageTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function incomplete(lang: string, key: string, what: string): ConfigError {
  return new ConfigError('KANSLIST_MESSAGES_INCOMPLETE', `The "${lang}" message "${key}" ${what}`, {
    where: `messages.${lang}.${key}`,
    remedy: 'Give every message in all four languages (sv, da, de, en) with the same keys and kinds as English.',
  });
}
