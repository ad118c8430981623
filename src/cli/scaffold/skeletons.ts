/**
 * Typed skeletons for `kanslist new system <name>` and `kanslist new bot <name> --system <name>`:
 * files that type-check as they are and say, in comments, what to fill in.
 */
import { ConfigError } from '../../errors.ts';

const NAME = /^[a-z][a-z0-9-]{1,62}$/;

export function checkName(kind: 'system' | 'bot', name: string): void {
  if (!NAME.test(name)) {
    throw new ConfigError(
      'KANSLIST_USAGE',
      `A ${kind} name is lower-case letters, digits and dashes, starting with a letter: "${name}" is not.`,
      {
        where: `kanslist new ${kind}`,
        remedy: `e.g. \`kanslist new ${kind} ${kind === 'system' ? 'ekonomi' : 'faktura-registrering'}\`.`,
      },
    );
  }
}

/** 'arende-status' → 'arendeStatus', a valid identifier for the import. */
export function identifier(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function systemSkeleton(name: string): string {
  return `import { defineSystem, FatalBotError } from 'kanslist';

/**
 * ${name}: the system map. Name each screen's targets; give each target its strategies in order —
 * first what you record against today's release (an id, a CSS selector), then sturdier fallbacks
 * (label, role and name, text). A fallback that matches is reported as drift, never silent.
 * \`npx kanslist check ${name}\` logs in and checks every target.
 */
export default defineSystem({
  name: '${name}',
  title: '${name}',
  // KANSLIST_${name.toUpperCase().replace(/-/g, '_')}_URL or \`systems.${name}.baseUrl\` in kanslist.config.ts override it.
  baseUrl: 'http://127.0.0.1:8080',
  // The licence: concurrent sessions in all, and per account (a second login often ends the first).
  maxSessions: 1,
  sessionsPerAccount: 1,
  availability: { days: 'mon-fri', from: '07:00', to: '18:00' },
  pageErrors: {
    // Pages the system shows when it fails: transient ones are retried, session ones log in again.
    serverError: { strategies: [{ text: 'Server Error' }], kind: 'transient' },
  },
  async login({ ui, credentials, baseUrl }) {
    await ui.goto(new URL('/login', baseUrl).href);
    await ui.fill('login.username', credentials.username);
    await ui.fill('login.password', credentials.password);
    await ui.click('login.submit');
    if (await ui.isPresent('login.refused')) {
      throw new FatalBotError('${name.toUpperCase().replace(/-/g, '_')}_LOGIN_REFUSED', '${name} refused the robot account', {
        where: 'system ${name}, login',
        remedy: 'Check the account: \`npx kanslist vault set ${name}.password\`. Retrying would not help and may lock it.',
      });
    }
    await ui.waitFor('start.heading');
  },
  screens: {
    login: {
      username: [{ label: 'Username' }],
      // sensitive: masked in screenshots, never on the audit trail, tracing paused while typed.
      password: { strategies: [{ label: 'Password' }], sensitive: true },
      submit: [{ role: 'button', name: 'Log in' }],
      refused: { onlyWhen: 'the system refused the login', strategies: [{ text: 'Invalid username or password' }] },
    },
    start: {
      heading: [{ role: 'heading', name: 'Start' }],
    },
  },
});
`;
}

export function botSkeleton(name: string, system: string): string {
  const map = identifier(system);
  const mapFile = ['..', 'selectors', `${system}.ts`].join('/');
  return `import { BusinessRuleError, defineBot, xlsx, type BotContext } from 'kanslist';
import ${map} from '${mapFile}';

/** One row of the input: name the fields the routine needs. */
interface Item {
  reference: string;
}

type Ctx = BotContext<typeof ${map}>;

export default defineBot({
  name: '${name}',
  title: '${name}',
  system: ${map},
  // Where the work comes from: xlsx(), csv(), json() or fromFunction() (a worklist read from a system).
  input: xlsx({ columns: { reference: 'Referens' } }),
  // What makes an item unique: an item whose key is already done is never done again.
  key: (item: Item) => item.reference,
  // Bad data is a business exception: the item goes to a clerk, it is not retried.
  validate(item: Item) {
    if (!item.reference.trim()) throw new BusinessRuleError('REFERENCE_MISSING', 'The row has no reference.');
  },
  // What a clerk spends on one item by hand, and how that was measured: the time-saved report uses both.
  manualMinutes: 5,
  manualMinutesNote: 'Estimate; replace with a stopwatch study of a clerk doing the routine.',
  async process(item: Item, ctx: Ctx) {
    // The screen work, through the system map's targets: ctx.ui.fill/click/select/read/waitFor.
    await ctx.ui.waitFor('start.heading');
    return { reference: item.reference };
  },
});
`;
}
