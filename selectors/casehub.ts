import { defineSystem } from 'kanslist';

/**
 * CaseHub, the municipality's case system for building permits and serving licences.
 *
 * Each target lists first what an RPA developer records against today's release (the generated
 * ASP.NET ids), then sturdier fallbacks (labels, roles, text). When a release renumbers the ids,
 * the fallbacks keep the bot working and the run reports the drift, so the map gets updated.
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
  async login({ ui, credentials, baseUrl }) {
    await ui.goto(new URL('/Login.aspx', baseUrl).href);
    await ui.fill('login.username', credentials.username);
    await ui.fill('login.password', credentials.password);
    await ui.click('login.submit');
    await ui.waitFor('menu.newCase');
  },
  screens: {
    login: {
      username: [{ css: '#ctl00_ContentPlaceHolder1_txtUserName' }, { label: 'Användarnamn' }],
      password: { strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtPassword' }, { label: 'Lösenord' }], sensitive: true },
      submit: [{ css: '#ctl00_ContentPlaceHolder1_btnLogin' }, { role: 'button', name: 'Logga in' }],
    },
    menu: {
      newCase: { frame: 'menu', strategies: [{ role: 'link', name: 'Nytt ärende' }] },
      search: { frame: 'menu', strategies: [{ role: 'link', name: 'Sök ärende' }] },
    },
    newCase: {
      caseType: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_ddlArendetyp' }, { label: 'Ärendetyp' }] },
      personnummer: { frame: 'main', personal: true, strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtPersonnummer' }, { label: 'Personnummer' }] },
      lookupPerson: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_btnSokPerson' }, { role: 'button', name: 'Sök person' }] },
      applicantName: { frame: 'main', personal: true, strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtNamn' }, { label: 'Namn', exact: true }, { label: 'Sökandens namn' }] },
      applicantAddress: { frame: 'main', personal: true, strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtAdress' }, { label: 'Adress', exact: true }, { label: 'Sökandens adress' }] },
      propertyDesignation: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtFastighet' }, { label: 'Fastighetsbeteckning' }, { label: 'Fastighet', exact: true }] },
      measure: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_ddlAtgard' }, { label: 'Åtgärd' }] },
      description: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtBeskrivning' }, { label: 'Beskrivning' }] },
      externalRef: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtExternRef' }, { label: 'Extern referens' }, { label: 'E-tjänst-id' }] },
      attachment: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_fuBilaga' }, { label: 'Bilaga' }] },
      register: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_btnRegistrera' }, { role: 'button', name: 'Registrera' }] },
      validationErrors: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_ValidationSummary1 li' }, { css: '.validation li' }] },
    },
    personPopup: {
      choose: [{ role: 'button', name: 'Välj' }],
      notFound: [{ css: '#lblIngenPerson' }],
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
      externalRef: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_txtSokExternRef' }, { label: 'Extern referens' }, { label: 'E-tjänst-id' }] },
      submit: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_btnSok' }, { role: 'button', name: 'Sök', exact: true }] },
      hitCount: { frame: 'main', strategies: [{ css: '#lblAntal' }] },
      noHits: { frame: 'main', strategies: [{ css: '#lblInga' }] },
      results: { frame: 'main', strategies: [{ css: '#ctl00_ContentPlaceHolder1_gvResults' }, { css: 'table.grid' }] },
    },
  },
});
