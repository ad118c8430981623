/**
 * Autocomplete as one action: type into the field key by key, wait for the option list, choose the
 * one option whose text is asked for, and check the field the widget writes the choice to.
 *
 * Never a guess: no matching option and several matching options are both errors naming the field.
 * Which error says who must act: options shown but none (or several) match the item's value is the
 * item's business (a clerk decides; BusinessRuleError), no list at all is the system's (retried).
 * Option texts are not quoted in errors: a lookup may list people.
 */
import type { Locator } from 'playwright-core';
import { BusinessRuleError, TransientUiError } from '../errors.ts';

export interface ChooseSteps {
  /** The field typed into. */
  readonly input: Locator;
  /** Every option the widget shows (matching or not). */
  readonly options: Locator;
  /** The field the widget writes the choice to, when it is checked. */
  readonly valueField: Locator | undefined;
  /** For messages: `system x, target y`. */
  readonly where: string;
  readonly path: string;
}

export interface ChooseRequest {
  readonly type: string;
  readonly option: string | RegExp;
  readonly expectValue: string | undefined;
  readonly delay: number;
}

/** The option's whole text, trimmed, when a string is given; a RegExp is used as it is. */
export function optionPattern(option: string | RegExp): RegExp {
  if (option instanceof RegExp) return option;
  return new RegExp(`^\\s*${option.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Runs the steps within `timeoutMs`; returns the value the widget kept (valueField, else the input). */
export async function chooseOption(steps: ChooseSteps, request: ChooseRequest, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  // 1. Type what a person would, from an empty field (the widget filters on key events).
  await steps.input.fill('', { timeout: left() });
  await steps.input.pressSequentially(request.type, { delay: request.delay, timeout: left() });
  // 2. Wait for the wanted option; if it never shows, say whether a list showed at all.
  const matching = steps.options.filter({ hasText: optionPattern(request.option) });
  try {
    await matching.first().waitFor({ state: 'visible', timeout: left() });
  } catch (error) {
    const shown = await steps.options.count();
    if (shown === 0) {
      throw new TransientUiError('KANSLIST_OPTIONS_NOT_SHOWN', `Typing into "${steps.path}" showed no options within ${timeoutMs} ms`, {
        cause: error,
        where: steps.where,
        remedy:
          'The widget did not answer (slow system, or it needs a delay between keys): the item is retried. If it persists, check the options target.',
      });
    }
    throw new BusinessRuleError(
      'KANSLIST_OPTION_NOT_FOUND',
      `None of the ${shown} options shown for "${steps.path}" matches the wanted option`,
      {
        cause: error,
        where: steps.where,
        remedy: 'The value is not in the system (or is spelt differently): a clerk handles the item.',
      },
    );
  }
  // 3. Exactly one, or no choice at all.
  const count = await matching.count();
  if (count > 1) {
    throw new BusinessRuleError(
      'KANSLIST_OPTION_AMBIGUOUS',
      `${count} options shown for "${steps.path}" match the wanted option; Kanslist never guesses`,
      {
        where: steps.where,
        remedy: 'Several records share that text: a clerk chooses, or the bot asks for a more specific option (a RegExp).',
      },
    );
  }
  await matching.click({ timeout: left() });
  // 4. The widget kept the choice where the form posts it.
  return await keptValue(steps, request.expectValue, left());
}

async function keptValue(steps: ChooseSteps, expected: string | undefined, timeoutMs: number): Promise<string> {
  const field = steps.valueField ?? steps.input;
  if (!steps.valueField && expected === undefined) return await field.inputValue({ timeout: timeoutMs });
  const handle = await field.elementHandle({ timeout: timeoutMs });
  try {
    // A condition in the page, not a poll from here: the widget may write the value a moment later.
    const frame = await handle.ownerFrame();
    if (!frame) throw new Error('the value field left the page');
    await frame.waitForFunction(
      ({ element, want }) => {
        const value = (element as HTMLInputElement).value;
        return want === null ? value !== '' : value === want;
      },
      { element: handle, want: expected ?? null },
      { timeout: timeoutMs },
    );
    return await handle.inputValue();
  } catch (error) {
    throw new TransientUiError(
      'KANSLIST_CHOICE_NOT_KEPT',
      `After choosing in "${steps.path}" the value field did not get ${expected === undefined ? 'a value' : 'the expected value'} within ${timeoutMs} ms`,
      {
        cause: error,
        where: steps.where,
        remedy: 'Check that the value target is the field the widget writes to (often a hidden input next to it).',
      },
    );
  } finally {
    await handle.dispose();
  }
}
