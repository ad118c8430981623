/**
 * A clerk's correction of an item in review: the edited fields are converted as the bot's input
 * columns say (a date stays a date), the bot's own `validate` runs on the result, and the key may
 * not change (the key is the item's identity: a different key is a different application).
 * The result is what the store keeps as the item's new payload.
 */
import { convertCell } from '../inputs/convert.ts';
import { columnDefs, type ColumnDef } from '../inputs/columns.ts';
import type { Columns } from '../inputs/types.ts';
import { BusinessRuleError, errorReason } from '../errors.ts';
import type { AnyBot } from '../runner/bot.ts';
import { revivePayload } from '../runner/payload.ts';

export interface EditableField {
  field: string;
  header: string;
  type: ColumnDef['type'];
  required: boolean;
  /** As shown in the form. */
  value: string;
  /** Part of the key: shown, not editable. */
  isKey: boolean;
}

export type CorrectionResult = { ok: true; payload: Record<string, unknown>; changed: string[] } | { ok: false; problem: string };

function botColumns(bot: AnyBot): ColumnDef[] {
  const input = bot.input as { columns?: Columns };
  return input.columns === undefined ? [] : columnDefs(input.columns);
}

/** The fields a clerk may see and correct, with their current values as text. */
export function editableFields(bot: AnyBot, payload: unknown): EditableField[] {
  const data = (payload ?? {}) as Record<string, unknown>;
  const keyBefore = safeKey(bot, payload);
  return botColumns(bot)
    .filter((c) => c.type !== 'file')
    .map((c) => {
      const value = asText(data[c.field], c.type);
      // A field is part of the key when changing it changes the key.
      const probe = { ...data, [c.field]: `${value}\u0000changed` };
      return {
        field: c.field,
        header: c.header,
        type: c.type,
        required: c.required,
        value,
        isKey: keyBefore !== undefined && safeKey(bot, probe) !== keyBefore,
      };
    });
}

export function correctPayload(bot: AnyBot, payload: unknown, form: Record<string, string>): CorrectionResult {
  const data: Record<string, unknown> = { ...((payload ?? {}) as Record<string, unknown>) };
  const changed: string[] = [];
  for (const field of editableFields(bot, payload)) {
    const typed = form[field.field];
    if (typed === undefined || field.isKey || typed === field.value) continue;
    if (typed.trim() === '') {
      if (field.required) return { ok: false, problem: `"${field.header}" is required.` };
      delete data[field.field];
    } else {
      const converted = convertCell({ value: typed.trim() }, field.type);
      if (!converted.ok) return { ok: false, problem: `"${field.header}" ${converted.problem}.` };
      data[field.field] = converted.value instanceof Date ? converted.value.toISOString() : converted.value;
    }
    changed.push(field.field);
  }
  try {
    // validate() sees the item as process() would: dates as Date objects.
    bot.validate?.(revivePayload(bot.input, data));
  } catch (error) {
    if (error instanceof BusinessRuleError) return { ok: false, problem: errorReason(error) };
    throw error;
  }
  return { ok: true, payload: data, changed };
}

function safeKey(bot: AnyBot, payload: unknown): string | undefined {
  try {
    return bot.key(payload);
  } catch {
    return undefined;
  }
}

function asText(value: unknown, type: ColumnDef['type']): string {
  if (value === undefined || value === null) return '';
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
