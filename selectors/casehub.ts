import { defineSystem, FatalBotError, PasswordExpiredError, PasswordRefusedError } from 'kanslist';

/**
 * CaseHub, the municipality's case system for building permits and serving licences.
 *
 * Each target lists first what an RPA developer records against today's release (the generated
 * ASP.NET ids), then sturdier fallbacks (labels, roles, text). When a release renumbers the ids,
 * the fallbacks keep the bot working and the run reports the drift, so the map gets updated.
 * `navigation` tells `kanslist check casehub` how to bring each screen up without changing
 * anything in CaseHub, so the drift shows before a scheduled run rather than during it.
 *
 * Three releases run against this map: v1 (today's, what the first strategies name), v2 (ids
 * renumbered, labels reworded) and v3 (modernised: the search answers by partial postback into a
 * grid with two rows per case, and a page opened by URL shows a CSRF warning first). The bot does
 * not ask which one it is on: the map's fallbacks, the `search.answer` region and the `csrf`
 * interstitial cover the differences, and v2/v3 show up as drift.
 */
export default defineSystem({
  name: 'casehub',
  title: 'CaseHub ärendesystem',
  baseUrl: 'http://127.0.0.1:8080',
  // The licence allows eight concurrent sessions; a new login ends the same user's older session,
  // so each parallel worker needs its own robot account (KANSLIST_CASEHUB_USERNAME_2 …).
  maxSessions: 8,
  sessionsPerAccount: 1,
  availability: { days: 'mon-fri', from: '06:00', to: '22:00' },
  dialogs: { unexpected: 'accept' },
  pageErrors: {
    serverError: { strategies: [{ text: "Server Error in '/' Application." }], kind: 'transient' },
    busy: { strategies: [{ css: '#busyMessage' }, { text: 'Systemet är upptaget' }], kind: 'transient' },
    expired: { strategies: [{ css: '#sessionMessage' }, { text: 'Sessionen har gått ut' }], kind: 'session' },
    ended: { strategies: [{ text: 'Sessionen har avslutats' }], kind: 'session' },
  },
  // v3 answers a page opened without CaseHub's own Referer (the login page typed in, logout) with
  // "Möjlig förfalskad begäran … Fortsätt": passed by its button, recorded on the trail.
  interstitials: {
    csrf: {
      shows: [{ css: '#csrfWarning' }],
      pass: async ({ ui }) => ui.waitForPostback(() => ui.click('csrf.continue')),
    },
  },
  async login({ ui, credentials, baseUrl }) {
    await ui.goto(new URL('/Login.aspx', baseUrl).href);
    await ui.fill('login.username', credentials.username);
    await ui.fill('login.password', credentials.password);
    // A refused login answers at once with its own page: say so now, not after the wait for the menu.
    await ui.waitForPostback(() => ui.click('login.submit'));
    // A wrong password is a PasswordRefusedError, so a login can fall back to a password an
    // interrupted `kanslist vault rotate` left pending; an expired one stops the run at once.
    if (await ui.isPresent('login.refused')) {
      throw new PasswordRefusedError("CaseHub refused the robot account's username or password", {
        code: 'CASEHUB_LOGIN_REFUSED',
        where: 'system casehub, login',
        remedy:
          'Check the account (KANSLIST_CASEHUB_USERNAME / _PASSWORD or `kanslist vault set casehub.password`); retrying would not help and may lock it.',
      });
    }
    if (await ui.isPresent('password.expired')) {
      throw new PasswordExpiredError("CaseHub says the robot account's password has expired and must be changed", {
        code: 'CASEHUB_PASSWORD_EXPIRED',
        where: 'system casehub, login',
        remedy:
          'Run `kanslist vault rotate casehub` (add --account N for robot account N): it changes the password in CaseHub and in the vault.',
      });
    }
    await ui.waitFor('menu.newCase');
  },
  // CaseHub forces a new password every 60 days; `kanslist vault rotate casehub` makes one that
  // meets these rules (the ones CaseHub's "Byt lösenord" page states and checks).
  passwordPolicy: { minLength: 12, maxLength: 32, required: ['lower', 'upper', 'digit', 'symbol'], forbidden: `"'<>&\\ ` },
  async changePassword({ ui, credentials, newPassword, baseUrl }) {
    // A login that found the password expired is on the change page already.
    if (!(await ui.isPresent('password.expired'))) await ui.goto(new URL('/ChangePassword.aspx', baseUrl).href);
    await ui.fill('password.username', credentials.username);
    await ui.fill('password.current', credentials.password);
    await ui.fill('password.new', newPassword);
    await ui.fill('password.confirm', newPassword);
    await ui.waitForPostback(() => ui.click('password.submit'));
    if (await ui.isPresent('password.changed')) return;
    // CaseHub's message names the rule broken, never the password.
    const reason = (await ui.isPresent('password.refused')) ? await ui.text('password.refused') : 'no confirmation was shown';
    throw new FatalBotError('CASEHUB_PASSWORD_NOT_CHANGED', `CaseHub did not change the password: ${reason}`, {
      where: 'system casehub, Byt lösenord',
      remedy:
        'Compare passwordPolicy in selectors/casehub.ts with the rules CaseHub states on its "Byt lösenord" page. The old password still works.',
    });
  },
  async logout({ ui, baseUrl }) {
    await ui.goto(new URL('/Logout.aspx', baseUrl).href);
    // Waiting for the confirmation also gets past v3's CSRF warning, which would leave the session open.
    await ui.waitFor('logout.done');
  },
  screens: {
    csrf: {
      continue: [{ css: '#btnCsrfContinue' }, { role: 'button', name: 'Fortsätt' }],
    },
    logout: {
      done: [{ role: 'heading', name: 'Du är utloggad' }],
    },
    login: {
      username: [{ css: '#ctl00_ContentPlaceHolder1_txtUserName' }, { label: 'Användarnamn' }],
      password: { strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtPassword' }, { label: 'Lösenord' }], sensitive: true },
      submit: [{ css: '#ctl00_ContentPlaceHolder1_btnLogin' }, { role: 'button', name: 'Logga in' }],
      refused: {
        onlyWhen: 'CaseHub refused the username or password',
        strategies: [{ css: '#loginError' }, { text: 'Felaktigt användarnamn eller lösenord' }],
      },
    },
    password: {
      expired: {
        onlyWhen: 'a login found the password expired',
        strategies: [{ css: '#passwordExpired' }, { text: 'Ditt lösenord har gått ut' }],
      },
      username: [{ css: '#ctl00_ContentPlaceHolder1_txtPwdUserName' }, { label: 'Användarnamn' }],
      current: { strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtOldPassword' }, { label: 'Nuvarande lösenord' }], sensitive: true },
      new: { strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtNewPassword' }, { label: 'Nytt lösenord', exact: true }], sensitive: true },
      confirm: {
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtConfirmPassword' }, { label: 'Upprepa nytt lösenord' }],
        sensitive: true,
      },
      submit: [{ css: '#ctl00_ContentPlaceHolder1_btnChangePassword' }, { role: 'button', name: 'Byt lösenord' }],
      changed: { onlyWhen: 'CaseHub confirmed a password change', strategies: [{ css: '#passwordChanged' }] },
      refused: { onlyWhen: 'CaseHub refused a new password', strategies: [{ css: '#passwordError' }] },
    },
    menu: {
      newCase: { frame: 'menu', strategies: [{ role: 'link', name: 'Nytt ärende' }] },
      search: { frame: 'menu', strategies: [{ role: 'link', name: 'Sök ärende' }] },
    },
    newCase: {
      caseType: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_ddlArendetyp' }, { label: 'Ärendetyp' }] },
      personnummer: {
        frame: 'main',
        personal: true,
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtPersonnummer' }, { label: 'Personnummer' }],
      },
      lookupPerson: {
        frame: 'main',
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_btnSokPerson' }, { role: 'button', name: 'Sök person' }],
      },
      applicantName: {
        frame: 'main',
        personal: true,
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtNamn' }, { label: 'Namn', exact: true }, { label: 'Sökandens namn' }],
      },
      applicantAddress: {
        frame: 'main',
        personal: true,
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtAdress' }, { label: 'Adress', exact: true }, { label: 'Sökandens adress' }],
      },
      propertyDesignation: {
        frame: 'main',
        strategies: [
          { css: '#ctl00_ContentPlaceHolder1_txtFastighet' },
          { label: 'Fastighetsbeteckning' },
          { label: 'Fastighet', exact: true },
        ],
      },
      measure: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_ddlAtgard' }, { label: 'Åtgärd' }] },
      description: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtBeskrivning' }, { label: 'Beskrivning' }] },
      externalRef: {
        frame: 'main',
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtExternRef' }, { label: 'Extern referens' }, { label: 'E-tjänst-id' }],
      },
      attachment: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_fuBilaga' }, { label: 'Bilaga' }] },
      register: {
        frame: 'main',
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_btnRegistrera' }, { role: 'button', name: 'Registrera' }],
      },
      validationErrors: {
        frame: 'main',
        onlyWhen: 'CaseHub rejected a registration',
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_ValidationSummary1 li' }, { css: '.validation li' }],
      },
    },
    personPopup: {
      choose: [{ role: 'button', name: 'Välj' }],
      notFound: { onlyWhen: 'the personnummer is not in the population register', strategies: [{ css: '#lblIngenPerson' }] },
      close: [{ role: 'button', name: 'Stäng' }],
    },
    receipt: {
      heading: { frame: 'main', strategies: [{ role: 'heading', name: 'Kvittens' }] },
      caseNumber: {
        frame: 'main',
        strategies: [{ xpath: "//td[normalize-space(.)='Ärendenummer:']/following-sibling::td[1]" }, { text: /^(BN|ST) \d{4}-\d{6}$/ }],
      },
    },
    search: {
      externalRef: {
        frame: 'main',
        strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtSokExternRef' }, { label: 'Extern referens' }, { label: 'E-tjänst-id' }],
      },
      submit: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_btnSok' }, { role: 'button', name: 'Sök', exact: true }] },
      hitCount: { frame: 'main', onlyWhen: 'a search found cases', strategies: [{ css: '#lblAntal' }] },
      noHits: { frame: 'main', onlyWhen: 'a search found no case', strategies: [{ css: '#lblInga' }] },
      results: {
        frame: 'main',
        onlyWhen: 'a search found cases',
        strategies: [
          { css: '#ctl00_ContentPlaceHolder1_gvResults' },
          { css: '#ctl00_cphMain_ucSearch_upResults_gvCases' },
          { css: 'table.grid' },
        ],
      },
      // What a search replaces: v1 and v2 post the whole page (a new form), v3 swaps the results
      // panel inside the form by XHR. Waiting for the form's content to change covers all three.
      answer: { frame: 'main', strategies: [{ css: '#aspnetForm' }] },
      // The hit count or "no cases": one of them ends every search, whichever release answered.
      outcome: { frame: 'main', strategies: [{ css: '#lblAntal, #lblInga' }] },
    },
  },
  // How `kanslist check casehub` reaches each screen: menu links, the case-type postback and a
  // search for a reference no case can have. Nothing is ever registered by a check.
  navigation: {
    login: {
      phase: 'before-login',
      async reach({ ui, baseUrl }) {
        await ui.goto(new URL('/Login.aspx', baseUrl).href);
        await ui.waitFor('login.submit'); // past v3's CSRF warning
      },
    },
    password: {
      phase: 'before-login',
      async reach({ ui, baseUrl }) {
        await ui.goto(new URL('/ChangePassword.aspx', baseUrl).href);
        await ui.waitFor('password.submit'); // past v3's CSRF warning
      },
    },
    csrf: { unreachable: 'only v3 shows it, for a page opened without its own Referer; the interstitial handler passes it' },
    logout: { unreachable: 'logging out ends the session the check goes on with; the check logs out last' },
    // The menu frame is what login leaves on screen.
    menu: {},
    newCase: {
      async reach({ ui }) {
        await ui.waitForPostback(() => ui.click('menu.newCase'), { frame: 'main' });
        // The bygglov fields (Fastighetsbeteckning, Åtgärd …) only show after the type's postback.
        await ui.select('newCase.caseType', { label: 'Bygglov' }, { postback: true });
      },
    },
    personPopup: { unreachable: 'opens only from "Sök person" with a personnummer typed on the new-case form; a check looks up no person' },
    receipt: { unreachable: 'shows only after a case is registered; a check never registers a case' },
    search: {
      async reach({ ui }) {
        await ui.waitForPostback(() => ui.click('menu.search'), { frame: 'main' });
        await ui.fill('search.externalRef', 'KANSLIST-PREFLIGHT-0');
        await ui.waitForPostback(() => ui.click('search.submit'), { update: 'search.answer' });
        await ui.waitFor('search.outcome');
      },
    },
  },
});
