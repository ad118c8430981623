/** Report languages: typed message catalogues and locale formatting (sv, da, de, en). */
export { LANGUAGES, LOCALES, isLanguage, parseLanguage, type Language } from './language.ts';
export { defineMessages, type Message, type Messages, type MessageTree, type MessageValue, type Translation } from './messages.ts';
export { localeFormat, NO_VALUE, type LocaleFormat } from './locale-format.ts';
export { wallClock, wallClockAsUtcDate, checkTimeZone, type WallClock } from '../../util/wall-clock.ts';
export { commonMessages, type CommonMessages } from './common-messages.ts';
