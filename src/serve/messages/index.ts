/** The control room's catalogue in the four languages; the compiler checks every key in each. */
import { defineMessages } from '../../report/i18n/index.ts';
import { da } from './da.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { sv } from './sv.ts';

export const controlRoomMessages = defineMessages({ en, sv, da, de });
export type ControlRoomMessages = typeof en;
